/**
 * One step of a scenario file: a mapping with exactly one key, a known action, whose value is that
 * action's options (validated with STEP_SCHEMAS), and optionally a `note:` beside it (the
 * presenter's narration). Each mistake gets its own clear, located message.
 */
import type { z } from 'zod';
import { didYouMean } from './did-you-mean';
import { STEP_ACTIONS, STEP_SCHEMAS, StepNote, type Step, type StepAction } from './scenario.schema';
import { locateIssues } from './scenario-issues';
import type { ScenarioLoadError } from './scenario-result';
import type { YamlLocator } from './yaml-locator';

export type ParsedStep = { ok: true; step: Step } | { ok: false; errors: ScenarioLoadError[] };

const EXAMPLE = '`- say: {customer: ann, text: Hello}`';

export function parseStep(options: { value: unknown; index: number; locator: YamlLocator; file: string }): ParsedStep {
  const { value, index, locator, file } = options;
  const path = ['steps', index];
  const fail = (message: string, at = locator.at(path)): ParsedStep => ({ ok: false, errors: [{ file, ...at, message: `step ${index + 1}: ${message}` }] });

  if (typeof value === 'string' && isAction(value)) return fail(`'${value}' needs its options as a mapping: write \`- ${value}: {}\` or indent them under \`${value}:\``);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail(`a step must be a mapping with one action key, like ${EXAMPLE}`);
  }
  // `note:` may sit beside the action (presenter narration); every other key is the action.
  const keys = Object.keys(value).filter((key) => key !== 'note');
  const note = noteOf(value as Record<string, unknown>);
  if (note && !note.ok) return fail(note.message, locator.at(path, { key: 'note' }));
  if (keys.length === 0) return fail(`empty step: a step is one action key, like ${EXAMPLE}${note ? ' (`note:` goes beside an action)' : ''}`);
  if (keys.length > 1) return fail(twoKeysMessage(keys), locator.at(path, { key: keys[1]! }));

  const action = keys[0]!;
  if (!isAction(action)) {
    const hint = didYouMean(action, STEP_ACTIONS) || ` (known steps: ${STEP_ACTIONS.join(', ')})`;
    return fail(`unknown step '${action}'${hint}`, locator.at(path, { key: action }));
  }
  const raw = (value as Record<string, unknown>)[action];
  if (raw === null || raw === undefined) {
    return fail(`'${action}' needs its options as a mapping (write \`${action}: {}\` when it needs none)`, locator.at(path, { key: action }));
  }
  const schema = STEP_SCHEMAS[action] as z.ZodType;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, errors: locateIssues({ issues: parsed.error.issues, schema, basePath: [...path, action], label: action, locator, file }) };
  }
  return { ok: true, step: { action, options: parsed.data, ...(note ? { note: note.text } : {}) } as Step };
}

/** The step's `note:` when it has one: text, or what is wrong with it. */
function noteOf(value: Record<string, unknown>): { ok: true; text: string } | { ok: false; message: string } | undefined {
  if (!Object.hasOwn(value, 'note')) return undefined;
  const parsed = StepNote.safeParse(value.note);
  return parsed.success ? { ok: true, text: parsed.data } : { ok: false, message: `note: ${parsed.error.issues[0]?.message ?? 'must be text'}` };
}

export function isAction(name: string): name is StepAction {
  return Object.hasOwn(STEP_SCHEMAS, name);
}

/** Two keys is usually an option written beside its action instead of indented under it. */
function twoKeysMessage(keys: string[]): string {
  const actions = keys.filter(isAction);
  const listed = keys.map((key) => `'${key}'`).join(', ');
  if (actions.length === 1) {
    return `has ${keys.length} keys (${listed}): a step is exactly one action key; indent the options under '${actions[0]}:'`;
  }
  if (actions.length > 1) return `has ${actions.length} actions (${listed}): write one action per step`;
  return `has ${keys.length} keys (${listed}): a step is exactly one action key, like ${EXAMPLE}`;
}
