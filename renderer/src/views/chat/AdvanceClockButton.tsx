/** Moves the chat's clock 25 hours on, to see WhatsApp refuse a reply outside its 24-hour window. */
import { useState } from 'react';
import { advanceChatClock } from '../../stores/chat/chat.actions';

export function AdvanceClockButton() {
  const [note, setNote] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const advance = async () => {
    setBusy(true);
    try {
      await advanceChatClock(25);
      setNote('The chat clock moved 25 hours on.');
    } catch (error) {
      setNote(`Could not move the clock: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="clock-tool">
      <button type="button" className="button" disabled={busy} onClick={() => void advance()}>Advance chat clock 25 h</button>
      {note && <span role="status">{note}</span>}
    </div>
  );
}
