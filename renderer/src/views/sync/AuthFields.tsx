/**
 * How the engine signs in to Creatio (seed "Connect Creatio"): OAuth 2.0 client credentials (client id
 * and secret) or forms login (user name and password). A stored secret is never shown: the field stays
 * empty and keeps it; typing replaces it.
 */
import { useId } from 'react';
import { selectAuthKind, selectDraft, selectSavedAuthKind } from '../../stores/sync/sync.selectors';
import { useSyncStore } from '../../stores/sync/sync.store';
import { SettingField } from './SettingField';

const KINDS = [['oauth', 'OAuth 2.0 (client credentials)'], ['forms', 'Forms login (user and password)']] as const;

export function AuthFields() {
  const id = useId();
  const kind = useSyncStore(selectAuthKind);
  const savedKind = useSyncStore(selectSavedAuthKind);
  const draft = useSyncStore(selectDraft);
  const edit = useSyncStore((s) => s.edit);
  if (!draft) return null;
  const secretPlaceholder = kind === savedKind ? 'Stored: leave empty to keep it, type to replace' : 'Required';
  return (
    <fieldset className="sy-group" aria-label="Authentication">
      <legend>Authentication</legend>
      <div className="sy-radios" role="radiogroup" aria-label="Sign-in method">
        {KINDS.map(([value, label]) => (
          <label key={value}>
            <input type="radio" name={`${id}-kind`} value={value} checked={kind === value} onChange={() => edit(() => ({ authKind: value }))} /> {label}
          </label>
        ))}
      </div>
      {kind === 'oauth' ? (
        <>
          <SettingField slot="auth.clientId" label="Client ID" value={draft.clientId} onChange={(clientId) => edit(() => ({ clientId }))} />
          <SettingField slot="auth.clientSecret" label="Client secret" type="password" autoComplete="new-password" value={draft.clientSecret}
            placeholder={secretPlaceholder} onChange={(clientSecret) => edit(() => ({ clientSecret }))} />
          <SettingField slot="auth.tokenUrl" label="Token URL (optional)" value={draft.tokenUrl} placeholder="<instance URL>/connect/token"
            onChange={(tokenUrl) => edit(() => ({ tokenUrl }))} hint="On Creatio cloud the identity service: https://<name>-is.creatio.com/connect/token" />
        </>
      ) : (
        <>
          <SettingField slot="auth.userName" label="User name" value={draft.userName} onChange={(userName) => edit(() => ({ userName }))} />
          <SettingField slot="auth.password" label="Password" type="password" autoComplete="new-password" value={draft.password}
            placeholder={secretPlaceholder} onChange={(password) => edit(() => ({ password }))} />
        </>
      )}
    </fieldset>
  );
}
