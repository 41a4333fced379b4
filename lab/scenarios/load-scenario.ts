/**
 * Loads a scenario file: YAML (syntax errors with line and column), then the top level with
 * ScenarioFile, then each step on its own (parse-step.ts), then references and customer aliases
 * (scenario-references.ts). Every error carries the file, line and column of the node at fault.
 */
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { parseStep } from './parse-step';
import { ScenarioFile, type Scenario, type Step } from './scenario.schema';
import { locateIssues } from './scenario-issues';
import { checkReferences } from './scenario-references';
import type { ScenarioLoadError } from './scenario-result';
import { createYamlLocator } from './yaml-locator';

export type LoadResult =
  | { ok: true; scenario: Scenario }
  /** `name` and `tags` when the file got far enough to tell them (for --grep and reports). */
  | { ok: false; file: string; errors: ScenarioLoadError[]; name?: string; tags?: string[] };

/** The top level; the steps are checked one by one afterwards, for precise messages. */
const TopLevel = ScenarioFile.extend({ steps: z.array(z.unknown()).min(1, 'needs at least one step') });

/** Reads and loads `path`; `file` in results and errors is relative to `cwd` (default: the working directory). */
export async function loadScenarioFile(path: string, options: { cwd?: string } = {}): Promise<LoadResult> {
  const file = relative(options.cwd ?? process.cwd(), path) || path;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { ok: false, file, errors: [{ file, line: 1, column: 1, message: `cannot read the file: ${(error as Error).message}` }] };
  }
  return parseScenarioText(text, file);
}

/** Loads a scenario from its YAML text; `file` names it in errors and in the Scenario. */
export function parseScenarioText(text: string, file: string): LoadResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const [start] = syntax.linePos ?? [];
    const message = `YAML syntax error: ${syntax.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`;
    return { ok: false, file, errors: [{ file, line: start?.line ?? 1, column: start?.col ?? 1, message }] };
  }
  const locator = createYamlLocator(doc, lineCounter);
  const raw: unknown = doc.toJS({ maxAliasCount: 100 });
  const known = bestEffortIdentity(raw);
  const fail = (errors: ScenarioLoadError[]): LoadResult => ({ ok: false, file, errors: errors.sort(byPosition), ...known });
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return fail([{ file, ...locator.at([]), message: 'a scenario file is a mapping with at least `name:` and `steps:`' }]);
  }
  const top = TopLevel.safeParse(raw);
  if (!top.success) {
    return fail(locateIssues({ issues: top.error.issues, schema: TopLevel, basePath: [], label: '', locator, file }));
  }
  const steps: Step[] = [];
  const errors: ScenarioLoadError[] = [];
  top.data.steps.forEach((value, index) => {
    const parsed = parseStep({ value, index, locator, file });
    if (parsed.ok) steps.push(parsed.step);
    else errors.push(...parsed.errors);
  });
  if (errors.length) return fail(errors);
  const referenceErrors = checkReferences({ steps, rawSteps: top.data.steps, locator, file });
  if (referenceErrors.length) return fail(referenceErrors);

  const { steps: _raw, ...rest } = top.data;
  const stepLines = steps.map((_, index) => locator.at(['steps', index]).line);
  return { ok: true, scenario: { ...rest, steps, file, stepLines } };
}

function byPosition(a: ScenarioLoadError, b: ScenarioLoadError): number {
  return a.line - b.line || a.column - b.column;
}

/** Name and tags of a file that did not load, when they are readable. */
function bestEffortIdentity(raw: unknown): { name?: string; tags?: string[] } {
  if (!raw || typeof raw !== 'object') return {};
  const { name, tags } = raw as { name?: unknown; tags?: unknown };
  return {
    ...(typeof name === 'string' && name ? { name } : {}),
    ...(Array.isArray(tags) ? { tags: tags.filter((tag): tag is string => typeof tag === 'string') } : {}),
  };
}

/** One line per error: `file:line:column: message`. */
export function formatLoadErrors(errors: readonly ScenarioLoadError[]): string {
  return errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`).join('\n');
}
