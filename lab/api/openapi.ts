/**
 * Generates the Lab API's OpenAPI 3.1 description (docs/openapi.json) from the contract's route
 * table and zod schemas (OpenAPI 3.1 takes JSON Schema 2020-12, which z.toJSONSchema writes).
 * Schemas exported by name from contract/ become components; the rest are inlined.
 */
import { z } from 'zod';
import * as contract from '../../contract';
import type { LabRoute } from '../../contract';

type Json = Record<string, unknown>;

const STATUS_TEXT: Record<number, string> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No content', 400: 'Bad request (each field named in `problems`)',
  401: 'Missing or wrong token', 404: 'Not found', 409: 'Conflict', 502: 'A part of the lab did not answer',
};

/** Every zod schema contract/ exports, by name (so a route's schema can be a $ref). */
function namedSchemas(): Map<z.ZodType, string> {
  const names = new Map<z.ZodType, string>();
  for (const [name, value] of Object.entries(contract)) if (value instanceof z.ZodType) names.set(value, name);
  return names;
}

export function buildOpenApi(options: { version: string; routes?: LabRoute[] }): Json {
  const names = namedSchemas();
  const components: Record<string, Json> = {};
  const schemaOf = (schema: z.ZodType, io: 'input' | 'output'): Json => {
    const name = names.get(schema);
    const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
    delete json.$schema;
    if (!name) return json;
    // A schema used both ways differs where a field has a default: keep the two apart.
    const clash = components[name] !== undefined && JSON.stringify(components[name]) !== JSON.stringify(json);
    const key = clash ? `${name}${io === 'input' ? 'Input' : 'Output'}` : name;
    components[key] ??= json;
    return { $ref: `#/components/schemas/${key}` };
  };

  const paths: Record<string, Record<string, Json>> = {};
  for (const route of options.routes ?? contract.LAB_ROUTES) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const parameters: Json[] = [...route.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    if (route.query) {
      const query = z.toJSONSchema(route.query, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, Json>; required?: string[] };
      for (const [name, schema] of Object.entries(query.properties ?? {})) {
        parameters.push({ name, in: 'query', required: query.required?.includes(name) ?? false, schema, ...(schema.description ? { description: schema.description } : {}) });
      }
    }
    const responses: Record<string, Json> = {};
    for (const [status, schema] of Object.entries(route.responses)) {
      const description = STATUS_TEXT[Number(status)] ?? 'Answer';
      if (schema === null) responses[status] = { description };
      else if (schema === 'text/event-stream') responses[status] = { description: 'A stream of `id: <seq>` + `data: <LabEvent JSON>` messages', content: { 'text/event-stream': { schema: { type: 'string' } } } };
      else responses[status] = { description, content: { 'application/json': { schema: schemaOf(schema, 'output') } } };
    }
    if (route.auth !== false) responses['401'] ??= { description: STATUS_TEXT[401], content: { 'application/json': { schema: schemaOf(contract.LabError, 'output') } } };
    if (route.body) responses['400'] ??= { description: STATUS_TEXT[400], content: { 'application/json': { schema: schemaOf(contract.LabError, 'output') } } };
    const optionalBody = route.body?.safeParse(undefined).success ?? false;
    const body = route.body instanceof z.ZodOptional ? (route.body.unwrap() as z.ZodType) : route.body;
    paths[path] ??= {};
    paths[path][route.method] = {
      summary: route.summary,
      tags: [route.group],
      operationId: `${route.method}${route.path.replace(/^\/api/, '').replace(/[^A-Za-z0-9]+(\w)/g, (_m, c: string) => c.toUpperCase())}`,
      ...(route.auth === false ? { security: [] } : {}),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(body ? { requestBody: { required: !optionalBody, content: { 'application/json': { schema: schemaOf(body, 'input') } } } } : {}),
      responses,
    };
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Case Sync Lab API',
      version: options.version,
      description: 'The Lab API (docs/lab-api.md): drive the lab\'s fake chat, sync engine and simulated Creatio site. Generated from contract/ by `npm run lab -- openapi`.',
    },
    servers: [{ url: 'http://127.0.0.1:{port}', variables: { port: { default: '5173', description: 'printed by `npm run lab -- serve`' } } }],
    security: [{ bearer: [] }],
    tags: ['lab', 'conversations', 'settings', 'engine', 'creatio', 'workspace', 'events'].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'The per-launch token the lab prints when it starts' } },
      schemas: Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b))),
    },
  };
}

/** The file's text: stable key order, two-space indent, final newline (diffs well). */
export function openApiText(version: string): string {
  return `${JSON.stringify(buildOpenApi({ version }), null, 2)}\n`;
}
