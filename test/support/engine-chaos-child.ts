/**
 * The engine in a process of its own, driven over JSON lines, for the SIGKILL chaos run
 * (test/integration/engine-chaos-kill.test.ts). Args: <siteUrl> <dir> <outboxSettingsJson>.
 *
 * stdin, one command a line:  {"rid":1,"op":"start","id":"…","name":"…","email":"…"}
 *                             {"rid":2,"op":"receive","id":"…","text":"…","clientMessageId":"…"}
 *                             {"rid":3,"op":"idle"}   (waits for engine.whenIdle, answers with the transcripts)
 * stdout, one line each:      {"ready":true} once the engine has replayed its log;
 *                             {"rid":1,"ok":true,"result":…} or {"rid":1,"ok":false,"error":"…"} per command
 *                             (an "ok" is the acknowledgement: the message is stored);
 *                             {"event":"activity.logged" | "retry.scheduled" | "outbox.dead-lettered"} as they happen.
 * The same engine-child.ts idea (fixed ids, the file store in <dir>), but the driver owns the plan,
 * so after a kill it can resend exactly what was not acknowledged.
 */
import { createInterface } from 'node:readline';
import { engineSettings, startEngine } from './engine-harness';

const [siteUrl, dir, outboxJson] = process.argv.slice(2);
const write = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);

// The engine's timers do not hold a process open (ports.ts, Clock): stdin does, until it closes.
const harness = await startEngine({ settings: engineSettings(siteUrl!, { outbox: JSON.parse(outboxJson!) }), dir: dir! });
const { engine } = harness;
engine.onEvent((event) => {
  if (event.type === 'activity.logged' || event.type === 'retry.scheduled' || event.type === 'outbox.dead-lettered') write({ event: event.type });
});

type Command =
  | { rid: number; op: 'start'; id: string; name: string; email: string }
  | { rid: number; op: 'receive'; id: string; text: string; clientMessageId: string }
  | { rid: number; op: 'idle' };

async function run(command: Command): Promise<unknown> {
  switch (command.op) {
    case 'start':
      return (await engine.startConversation({ id: command.id, customer: { name: command.name, email: command.email }, channel: 'web' })).id;
    case 'receive': {
      const { message } = await engine.receiveMessage(command.id, command.text, { clientMessageId: command.clientMessageId });
      return message.id;
    }
    case 'idle':
      await engine.whenIdle();
      return {
        conversations: engine.listConversations().map((c) => ({ id: c.id, caseId: c.caseId, messages: c.messages.map(({ role, text }) => ({ role, text })) })),
        unfinished: engine.outbox().filter((item) => item.state !== 'done'),
      };
  }
}

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const command = JSON.parse(line) as Command;
  run(command).then(
    (result) => write({ rid: command.rid, ok: true, result }),
    (error: unknown) => write({ rid: command.rid, ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
});
lines.on('close', () => void harness.stop());
write({ ready: true });
