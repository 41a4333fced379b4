/**
 * The step executor's table: every action of scenario.schema.ts and the function that carries it out.
 * `${...}` references are resolved here, once, before the step runs.
 */
import type { Step, StepAction } from '../scenario.schema';
import { expectCase } from './case-expect.step';
import { expectConversation, expectHandoff, expectMessage, expectNoMessage } from './chat-expect.steps';
import { advanceChatClock, handoff, resolve, say, start, waitIdle } from './conversation.steps';
import { agentEdit, agentReply, agentStatus, odata } from './creatio.steps';
import { expectEvent, expectOutbox, expectTiming, retryDeadLetters, rotateWebhookToken } from './events.steps';
import { clearFaults, fault } from './fault.steps';
import { resolveReferences } from './references';
import type { StepContext, StepRun } from './step-context';
import { webhook } from './webhook.step';

export { stepTitle } from './step-titles';
export { createAgentDirectory } from './creatio-agent';
export { StepFailure, type StepContext } from './step-context';

const RUNNERS: { [A in StepAction]: StepRun<A> } = {
  start, say, handoff, resolve, 'wait-idle': waitIdle, 'advance-chat-clock': advanceChatClock,
  'expect-message': expectMessage, 'expect-no-message': expectNoMessage, 'expect-handoff': expectHandoff,
  'expect-conversation': expectConversation, 'expect-case': expectCase,
  odata, 'agent-reply': agentReply, 'agent-status': agentStatus, 'agent-edit': agentEdit,
  webhook, fault, 'clear-faults': clearFaults,
  'expect-event': expectEvent, 'expect-outbox': expectOutbox, 'expect-timing': expectTiming,
  'retry-dead-letters': retryDeadLetters, 'rotate-webhook-token': rotateWebhookToken,
};

/** Runs one step; throws (StepFailure, WaitTimeoutError, or the lab's own error) when it fails. */
export async function runStep(ctx: StepContext, step: Step): Promise<void> {
  const run = RUNNERS[step.action] as StepRun<StepAction>;
  await run(ctx, resolveReferences(ctx, step.options));
}
