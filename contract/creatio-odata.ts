/**
 * `/api/creatio/odata/*`: the simulated site's OData 4 (`/0/odata/*`) reached through the Lab API,
 * signed in as a Creatio user (Supervisor), so the UI (another origin than the site) can be a Creatio
 * agent. The site's status and body come back unchanged; these schemas describe what the UI reads.
 */
import { z } from 'zod';

/** A POST or PATCH body: the entity's columns (`{"Title","Body","TypeId","CaseId"}`, `{"StatusId"}`). */
export const ODataWriteBody = z.record(z.string(), z.unknown());
export type ODataWriteBody = z.infer<typeof ODataWriteBody>;

/** A lookup expanded with `$expand=Status($select=Name)`: null when the column is empty. */
export const ODataLookup = z.object({ Id: z.string().optional(), Name: z.string().nullable().optional() }).nullable().optional();
export type ODataLookup = z.infer<typeof ODataLookup>;

/** One row of an entity set (columns as selected; lookups as expanded). */
export const ODataRow = z.record(z.string(), z.unknown());
export type ODataRow = z.infer<typeof ODataRow>;

/** A collection answer: `{"@odata.context","value":[...]}` (`@odata.count` with `$count=true`). */
export const ODataCollection = z.object({
  '@odata.count': z.number().int().optional(),
  value: z.array(ODataRow),
});
export type ODataCollection = z.infer<typeof ODataCollection>;

/** Creatio's error body (reference/creatio-api.md §1.6), passed through as the site wrote it. */
export const ODataErrorBody = z.object({
  error: z.object({ code: z.string().optional(), message: z.string() }).loose(),
});
export type ODataErrorBody = z.infer<typeof ODataErrorBody>;
