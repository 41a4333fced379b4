/**
 * The engine in a process of its own, for the SIGKILL test (test/integration/engine-kill.test.ts).
 * Args: <siteUrl> <dir> <conversations> <messagesEach>. Writes one line per acknowledged message
 * ("ack <n> <m>"), then "idle <json>" with every conversation's transcript and case id.
 * On a restart it carries on from what its log holds: conversations have fixed ids.
 */
import { startEngine, engineSettings } from './engine-harness';

const [siteUrl, dir, conversationsArg, messagesArg] = process.argv.slice(2);
const conversations = Number(conversationsArg);
const messagesEach = Number(messagesArg);

// The engine's timers do not hold a process open (ports.ts, Clock): this host does, until done.
const keepAlive = setInterval(() => undefined, 60_000);
const harness = await startEngine({ settings: engineSettings(siteUrl!), dir: dir! });
const { engine } = harness;
const id = (n: number) => `00000000-0000-4000-8000-${String(n + 1).padStart(12, '0')}`;

await Promise.all(Array.from({ length: conversations }, async (_, n) => {
  await engine.startConversation({ id: id(n), customer: { name: `Kill ${n}`, email: `kill${n}@example.com` }, channel: 'web' });
  const sent = engine.getConversation(id(n))!.messages.filter((m) => m.role === 'customer').length;
  for (let m = sent; m < messagesEach; m += 1) {
    await engine.receiveMessage(id(n), `Which payment methods do you accept? (conversation ${n}, message ${m})`);
    process.stdout.write(`ack ${n} ${m}\n`);
  }
}));
await engine.whenIdle();
const result = engine.listConversations().map((c) => ({ id: c.id, caseId: c.caseId, contactId: c.contactId, texts: c.messages.map((m) => m.text) }));
process.stdout.write(`idle ${JSON.stringify(result)}\n`);
await harness.stop();
clearInterval(keepAlive);
