/**
 * Sync: the integration's settings page as in the seed (instance, credentials, default owner, group,
 * resolved status, "Create case only on handoff", AI fields) with Test & Save, beside the webhook URL
 * (copy, token rotation) and the outbox with its dead letters.
 */
import { useEffect } from 'react';
import { startSyncFollow } from '../../stores/sync/sync.events';
import '../../styles/sync.css';
import { OutboxPanel } from './OutboxPanel';
import { SettingsForm } from './SettingsForm';
import { WebhookUrlCard } from './WebhookUrlCard';

export function SyncView() {
  useEffect(() => startSyncFollow(), []);
  return (
    <section className="view sync-view" aria-labelledby="sync-title">
      <header className="view-header">
        <h1 id="sync-title">Sync</h1>
        <p className="view-note">Settings → Integrations → Creatio, as the helpdesk shows it. Secrets are never shown.</p>
      </header>
      <div className="sy-columns">
        <SettingsForm />
        <div className="sy-side">
          <WebhookUrlCard />
          <OutboxPanel />
        </div>
      </div>
    </section>
  );
}
