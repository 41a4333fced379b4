/** The presenter's narration, and the `note:` a step may carry beside its action. */
import { describe, expect, it } from 'vitest';
import { formatLoadErrors, parseScenarioText, type LoadResult } from './load-scenario';
import { customerNames, introNarration, narrateStep, presenterWarnings } from './presenter-narration';
import type { Scenario } from './scenario.schema';

function load(text: string): Scenario {
  const result = parseScenarioText(text, 'demo.yaml');
  if (!result.ok) throw new Error(formatLoadErrors(result.errors));
  return result.scenario;
}

function errorsOf(result: LoadResult): string {
  if (result.ok) throw new Error('expected the file to fail to load');
  return formatLoadErrors(result.errors);
}

const DEMO = `name: the AI answers and an agent follows up
description: A demo for the sales team
mode: handoff-only
settings: { defaultCaseOwnerId: null }
steps:
  - start: { customer: ann, name: Ann Lee, email: ann@example.com, channel: sms }
  - say: { customer: ann, text: "Hi, this is ann and I want a human." }
  - expect-handoff: { customer: ann, sentiment: neutral }
  - odata: { path: "Case(\${case.ann})", expect: { status: 200 } }
  - agent-reply: { customer: ann, text: Hello }
    note: "  Now the agent answers in Creatio.  "
`;

describe('a step\'s note', () => {
  it('sits beside the action, trimmed, and is kept on the step (the one-key rule is otherwise unchanged)', () => {
    const scenario = load(DEMO);
    expect(scenario.steps[4]).toEqual({ action: 'agent-reply', options: expect.objectContaining({ text: 'Hello' }), note: 'Now the agent answers in Creatio.' });
    expect(scenario.steps[0]).not.toHaveProperty('note');
  });

  it('must be text, needs an action beside it, and does not let options sit beside the action', () => {
    const base = 'name: x\nsteps:\n  - start: { customer: ann, name: Ann }\n';
    expect(errorsOf(parseScenarioText(`${base}  - say: { customer: ann, text: hi }\n    note: [a, b]\n`, 'n.yaml'))).toBe('n.yaml:5:5: step 2: note: must be text (what the presenter says at this step)');
    expect(errorsOf(parseScenarioText(`${base}  - note: just talk\n`, 'n.yaml'))).toMatch(/^n\.yaml:4:5: step 2: empty step: .*`note:` goes beside an action/);
    expect(errorsOf(parseScenarioText(`${base}  - say:\n    customer: ann\n    note: hi\n`, 'n.yaml'))).toMatch(/step 2: has 2 keys \('say', 'customer'\)/);
  });
});

describe('narration', () => {
  const scenario = load(DEMO);
  const names = customerNames(scenario);

  it('is the note when there is one, else a sentence from the step title with customers by name', () => {
    expect(scenario.steps.map((step) => narrateStep(step, names))).toEqual([
      'Ann Lee (ann@example.com) opens a SMS conversation.',
      'Ann Lee says "Hi, this is ann and I want a human."',
      "Ann Lee's conversation is handed off (sentiment neutral).",
      'GET Case(${case.ann}) as Supervisor → 200.',
      'Now the agent answers in Creatio.',
    ]);
  });

  it('warns when the scenario\'s mode, settings or AI are not the lab\'s, and says so in the opening line', () => {
    const warnings = presenterWarnings(scenario, 'every-conversation');
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/written for handoff-only mode .* the lab runs in every-conversation mode/);
    expect(warnings[1]).toMatch(/engine settings are not applied/);
    expect(presenterWarnings(scenario, 'handoff-only')).toHaveLength(1);
    expect(introNarration(scenario, warnings)).toBe(`The AI answers and an agent follows up. A demo for the sales team. ${warnings.join(' ')}`);
  });
});
