/** Conversations: start, list, read, the customer writes, handoff, resolve; the chat's clock. */
import { Router } from 'express';
import { AdvanceClockBody, HandoffBody, SayBody, StartConversationBody } from '../../contract';
import type { Lab } from '../lab.types';
import { ApiError, parseBody } from './api-error';
import { toConversation, toSummary } from './conversation-view';

export function conversationsRouter(lab: Lab): Router {
  const router = Router();

  const read = (id: string) => {
    const view = lab.engine.getConversation(id);
    if (!view) throw new ApiError(404, 'NOT_FOUND', `No conversation with id ${JSON.stringify(id)}`);
    return toConversation(view, lab.chat.get(id));
  };

  router.post('/conversations', async (req, res) => {
    const body = parseBody(StartConversationBody, req.body);
    const id = await lab.startConversation(body);
    res.status(201).location(`/api/conversations/${encodeURIComponent(id)}`).json(read(id));
  });

  router.get('/conversations', (_req, res) => {
    res.json({ conversations: lab.engine.listConversations().map(toSummary) });
  });

  router.get('/conversations/:id', (req, res) => {
    res.json(read(req.params.id));
  });

  // 202: the message is stored and the AI has answered; its sync to Creatio goes on in the background.
  router.post('/conversations/:id/messages', async (req, res) => {
    read(req.params.id);
    const { text } = parseBody(SayBody, req.body);
    await lab.say(req.params.id, text);
    res.status(202).json(read(req.params.id));
  });

  router.post('/conversations/:id/handoff', async (req, res) => {
    const current = read(req.params.id);
    const { reason } = parseBody(HandoffBody, req.body);
    if (current.status !== 'open') {
      throw new ApiError(409, 'CONFLICT', `Conversation ${current.id} is ${current.status.replace('_', ' ')}: only an open conversation can be handed off`);
    }
    const handoff = await lab.engine.requestHandoff(req.params.id, reason);
    res.json({ handoff, conversation: read(req.params.id) });
  });

  // Idempotent: resolving a resolved conversation answers it unchanged.
  router.post('/conversations/:id/resolve', async (req, res) => {
    read(req.params.id);
    await lab.engine.resolveConversation(req.params.id);
    res.json(read(req.params.id));
  });

  router.post('/chat/advance-clock', (req, res) => {
    const { ms } = parseBody(AdvanceClockBody, req.body);
    lab.chat.advanceClock(ms);
    res.json({ ok: true });
  });

  return router;
}
