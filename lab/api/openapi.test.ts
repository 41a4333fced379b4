/** docs/openapi.json is what the generator makes from contract/ today, and covers every route. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LAB_ROUTES } from '../../contract';
import { buildOpenApi, openApiText } from './openapi';

describe('the OpenAPI file', () => {
  it('is up to date with contract/ (regenerate: npm run lab -- openapi --out docs/openapi.json)', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const onDisk = readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8');
    expect(onDisk).toBe(openApiText(pkg.version));
  });

  it('has one operation per route, each resolvable $ref, and the health check without security', () => {
    const doc = buildOpenApi({ version: '0' }) as { paths: Record<string, Record<string, { security?: unknown[] }>>; components: { schemas: Record<string, unknown> } };
    const operations = Object.values(doc.paths).flatMap((ops) => Object.keys(ops));
    expect(operations).toHaveLength(LAB_ROUTES.length);
    const refs = [...JSON.stringify(doc).matchAll(/"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]!);
    for (const ref of refs) expect(doc.components.schemas, ref).toHaveProperty(ref);
    expect(doc.paths['/api/health']?.get?.security).toEqual([]);
    expect(doc.paths['/api/conversations/{id}']?.get).toBeDefined();
  });
});
