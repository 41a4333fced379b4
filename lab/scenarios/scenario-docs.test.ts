import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { formatLoadErrors, parseScenarioText } from './load-scenario';
import { STEP_ACTIONS } from './scenario.schema';
import { SCENARIO_SCHEMA_PATH, scenarioJsonSchema, scenarioJsonSchemaText } from './scenario-json-schema';

const root = new URL('../..', import.meta.url);

describe('docs/scenario.schema.json', () => {
  it('is up to date with the zod schema (run "npm run lab -- scenario-schema" when this fails)', async () => {
    expect(await readFile(new URL(SCENARIO_SCHEMA_PATH, root), 'utf8')).toBe(scenarioJsonSchemaText());
  });

  it('describes steps as a oneOf of one-key objects, one per action, and durations as numbers or strings', () => {
    const schema = scenarioJsonSchema() as { properties: Record<string, { items?: { oneOf?: { required: string[]; additionalProperties: boolean }[] }; anyOf?: unknown[] }> };
    const oneOf = schema.properties.steps!.items!.oneOf!;
    expect(oneOf.map((option) => option.required)).toEqual(STEP_ACTIONS.map((action) => [action]));
    expect(oneOf.every((option) => option.additionalProperties === false)).toBe(true);
    expect(schema.properties.timeout!.anyOf).toHaveLength(2);
  });
});

describe('docs/scenarios.md', () => {
  it('every YAML example loads: the whole-file ones as they are, the step ones after start steps for ann, bob and sam', async () => {
    const text = await readFile(new URL('docs/scenarios.md', root), 'utf8');
    const blocks = [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThan(20);
    const documented = new Set<string>();
    for (const block of blocks) {
      if (!/^\s*(-|name:)/m.test(block)) continue;
      const file = block.startsWith('- ') || block.startsWith('  -')
        ? `name: doc example\nsteps:\n${(block.includes('- start:') ? [] : ['ann', 'bob', 'sam']).map((c) => `  - start: { customer: ${c}, name: ${c} }\n`).join('')}${block.replace(/^/gm, '  ')}`
        : block;
      const result = parseScenarioText(file, 'docs/scenarios.md');
      if (!result.ok) throw new Error(`${formatLoadErrors(result.errors)}\n--- in ---\n${file}`);
      for (const step of result.scenario.steps) documented.add(step.action);
    }
    expect([...documented].sort()).toEqual([...STEP_ACTIONS].sort());
  });
});
