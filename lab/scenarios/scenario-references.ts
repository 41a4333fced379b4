/**
 * Checks what the schema cannot: that `${...}` references use a known form and name something an
 * earlier step made, and that a step's customer alias was started by an earlier `start` step.
 * Known forms (scenario.schema.ts): ${case.ann}, ${conversation.ann}, ${contact.ann}, ${saved.name},
 * ${webhookToken}.
 */
import { didYouMean } from './did-you-mean';
import type { Step } from './scenario.schema';
import type { ScenarioLoadError } from './scenario-result';
import type { YamlLocator, YamlPath } from './yaml-locator';

const REFERENCE = /\$\{([^}]*)\}/g;
const ALIAS_KINDS = ['case', 'conversation', 'contact'];

export function checkReferences(options: { steps: Step[]; rawSteps: unknown[]; locator: YamlLocator; file: string }): ScenarioLoadError[] {
  const { steps, rawSteps, locator, file } = options;
  const started = new Map<string, number>();
  const saved = new Set<string>();
  const errors: ScenarioLoadError[] = [];
  steps.forEach((step, index) => {
    const base: YamlPath = ['steps', index, step.action];
    const push = (path: YamlPath, message: string) => errors.push({ file, ...locator.at(path), message: `step ${index + 1} (${step.action}): ${message}` });
    const context = { started, saved, line: (i: number) => locator.at(['steps', i]).line };
    for (const { path, text } of strings((rawSteps[index] as Record<string, unknown>)[step.action], base)) {
      for (const problem of referenceProblems(text, context)) push(path, problem);
    }
    const customer = (step.options as { customer?: string }).customer;
    if (customer !== undefined) {
      const problem = customerProblem(step.action, customer, context);
      if (problem) push([...base, 'customer'], problem);
    }
    if (step.action === 'start' && !started.has(step.options.customer)) started.set(step.options.customer, index);
    if (step.action === 'odata') for (const name of Object.keys(step.options.save ?? {})) saved.add(name);
  });
  return errors;
}

interface Context {
  started: Map<string, number>;
  saved: Set<string>;
  line(stepIndex: number): number;
}

function customerProblem(action: string, alias: string, context: Context): string | undefined {
  const first = context.started.get(alias);
  if (action === 'start') {
    return first === undefined ? undefined : `customer '${alias}' was already started at line ${context.line(first)}; use another alias`;
  }
  if (first !== undefined) return undefined;
  return `customer '${alias}' is not started: add a \`start\` step for '${alias}' before this one${startedSoFar(context)}`;
}

function referenceProblems(text: string, context: Context): string[] {
  const problems: string[] = [];
  if (/\$\{[^}]*$/.test(text)) problems.push(`unclosed reference in "${text}": a reference is \${...}`);
  for (const match of text.matchAll(REFERENCE)) {
    const body = match[1]!.trim();
    if (body === 'webhookToken') continue;
    const [kind, name, ...rest] = body.split('.');
    if (!kind || !name || rest.length > 0 || (kind !== 'saved' && !ALIAS_KINDS.includes(kind))) {
      const hint = kind && !name ? didYouMean(kind, ['webhookToken']) : didYouMean(kind ?? '', [...ALIAS_KINDS, 'saved']);
      problems.push(`unknown reference \${${body}}${hint} (known: \${case.<customer>}, \${conversation.<customer>}, \${contact.<customer>}, \${saved.<name>}, \${webhookToken})`);
      continue;
    }
    if (kind === 'saved') {
      if (!context.saved.has(name)) problems.push(`\${saved.${name}} is not saved by an earlier \`odata\` step (its \`save:\`)`);
    } else if (!context.started.has(name)) {
      problems.push(`\${${kind}.${name}}: customer '${name}' is not started by an earlier \`start\` step${startedSoFar(context)}`);
    }
  }
  return problems;
}

function startedSoFar(context: Context): string {
  const names = [...context.started.keys()];
  return names.length ? ` (started so far: ${names.join(', ')})` : '';
}

/** Every string inside a raw step value, with its path (references live in strings). */
function* strings(value: unknown, path: YamlPath): Generator<{ path: YamlPath; text: string }> {
  if (typeof value === 'string') {
    if (value.includes('${')) yield { path, text: value };
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* strings(item, [...path, i]);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) yield* strings(item, [...path, key]);
  }
}
