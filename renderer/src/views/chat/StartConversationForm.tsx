/** Starts a simulated customer on a channel: name, email and/or phone, channel. */
import { useId, useState, type FormEvent } from 'react';
import { Channel, StartConversationBody } from '../../../../contract';
import { startConversation } from '../../stores/chat/chat.actions';
import { CHANNEL_LABEL } from './channel-labels';

export function StartConversationForm() {
  const id = useId();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [channel, setChannel] = useState<Channel>('web');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = StartConversationBody.safeParse({
      customer: { name, ...(email.trim() ? { email: email.trim() } : {}), ...(phone.trim() ? { phone: phone.trim() } : {}) }, channel,
    });
    if (!parsed.success) {
      return setError(parsed.error.issues.map((i) => `${i.path.at(-1)?.toString() ?? 'form'}: ${i.message}`).join('; '));
    }
    setBusy(true);
    setError(undefined);
    try {
      await startConversation(parsed.data);
      setName('');
      setEmail('');
      setPhone('');
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="start-form" aria-label="Start a conversation" onSubmit={submit}>
      <label htmlFor={`${id}-name`}>Customer name</label>
      <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
      <label htmlFor={`${id}-email`}>Email</label>
      <input id={`${id}-email`} type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" />
      <label htmlFor={`${id}-phone`}>Phone</label>
      <input id={`${id}-phone`} type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} autoComplete="off" />
      <label htmlFor={`${id}-channel`}>Channel</label>
      <select id={`${id}-channel`} value={channel} onChange={(e) => setChannel(Channel.parse(e.target.value))}>
        {Channel.options.map((c) => <option key={c} value={c}>{CHANNEL_LABEL[c]}</option>)}
      </select>
      <button type="submit" className="button primary" disabled={busy}>Start conversation</button>
      {error && <p className="form-error" role="alert">{error}</p>}
    </form>
  );
}
