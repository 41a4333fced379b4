/**
 * Turns zod issues on a scenario file into located, readable errors: `say: missing required option
 * 'text'`, `expect-case: unknown option 'feilds' — did you mean 'fields'?` at the line and column of
 * the offending node.
 */
import type { z } from 'zod';
import { didYouMean } from './did-you-mean';
import type { ScenarioLoadError } from './scenario-result';
import type { YamlLocator, YamlPath } from './yaml-locator';

/** Located errors for the issues of `schema` parsing the value at `basePath` of the document. */
export function locateIssues(options: {
  issues: readonly z.core.$ZodIssue[];
  schema: z.ZodType;
  basePath: YamlPath;
  /** Names the place in messages (the step's action, or '' for the top level). */
  label: string;
  locator: YamlLocator;
  file: string;
}): ScenarioLoadError[] {
  const { issues, schema, basePath, label, locator, file } = options;
  const errors: ScenarioLoadError[] = [];
  for (const issue of issues) {
    const path = [...basePath, ...issue.path];
    const where = [label, ...issue.path.map(String)].filter(Boolean).join('.');
    const prefix = where ? `${where}: ` : '';
    if (issue.code === 'unrecognized_keys') {
      const known = optionNames(schema, issue.path);
      for (const key of issue.keys) {
        const hint = didYouMean(key, known) || (known.length ? ` (options: ${known.join(', ')})` : '');
        errors.push({ file, ...locator.at(path, { key }), message: `${prefix}unknown option '${key}'${hint}` });
      }
      continue;
    }
    if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
      const parent = [label, ...issue.path.slice(0, -1).map(String)].filter(Boolean).join('.');
      const missing = String(issue.path.at(-1) ?? '');
      errors.push({ file, ...locator.at(path), message: `${parent ? `${parent}: ` : ''}missing required option '${missing}'` });
      continue;
    }
    errors.push({ file, ...locator.at(path), message: `${prefix}${readable(issue.message)}` });
  }
  return errors;
}

/** zod's "Invalid input: expected string, received number" reads better without the preamble. */
function readable(message: string): string {
  return message.replace(/^Invalid input: /, '');
}

/** The option names of the object schema found at `path` inside `schema` ([] when not an object). */
export function optionNames(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: unknown = schema;
  for (const segment of path) {
    const shape = objectShape(current);
    if (!shape) return [];
    current = shape[String(segment)];
  }
  return Object.keys(objectShape(current) ?? {});
}

function objectShape(schema: unknown): Record<string, unknown> | undefined {
  let current = schema as { def?: { type?: string; innerType?: unknown; shape?: Record<string, unknown> } } | undefined;
  // Look through optional(), default(), nullable() wrappers.
  while (current?.def?.innerType) current = current.def.innerType as typeof current;
  return current?.def?.type === 'object' ? current.def.shape : undefined;
}
