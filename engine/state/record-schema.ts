/**
 * The Store is a boundary (conventions.md "Errors and bad input"): records read back are checked
 * for their envelope and each event's `type` and `at`. Events of a type this version does not know
 * pass through and the reducer ignores them, so an older engine can read a newer log.
 */
import { z } from 'zod';

const StoredEvent = z.looseObject({ type: z.string().min(1), at: z.string().min(1) });

export const EngineRecordSchema = z.object({ v: z.literal(1), events: z.array(StoredEvent) });
