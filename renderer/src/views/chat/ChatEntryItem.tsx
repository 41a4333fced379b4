/**
 * One entry as the channel shows it: an SMS in its segments, an email with its subject, a WhatsApp
 * message the channel refused (outside the 24-hour window) marked as not delivered, with the reason.
 */
import { memo } from 'react';
import type { Channel, ChatEntry } from '../../../../contract';
import { ROLE_LABEL } from './channel-labels';

export const ChatEntryItem = memo(function ChatEntryItem({ entry, channel }: { entry: ChatEntry; channel: Channel }) {
  const refused = entry.state === 'refused';
  const segments = entry.segments && entry.segments.length > 1 ? entry.segments : undefined;
  return (
    <li className={`entry entry-${entry.role}${refused ? ' entry-refused' : ''}`}>
      <span className="entry-who">{ROLE_LABEL[entry.role]}</span>
      {entry.subject && <span className="entry-subject">Subject: {entry.subject}</span>}
      {segments ? (
        <ol className="segments" aria-label={`SMS in ${segments.length} segments`}>
          {segments.map((text, i) => <li key={i} className="segment"><span className="segment-n">{i + 1}/{segments.length}</span> {text}</li>)}
        </ol>
      ) : (
        <p className="entry-text">{entry.text}</p>
      )}
      {refused && <p className="entry-refusal">Not delivered by {channel === 'whatsapp' ? 'WhatsApp' : 'the channel'}: {entry.refusal ?? 'refused'}</p>}
    </li>
  );
});
