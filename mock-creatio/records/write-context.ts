import type { SchemaModel } from '../schema/model';
import type { Table } from '../store/store.types';

/** What the write rules need from the running site: the model, the data (for lookups), time and user. */
export interface WriteContext {
  readonly model: SchemaModel;
  /** A lookup reference is checked with `table(target)?.get(id)`. */
  table(entity: string): Table | undefined;
  /** Canonical "now" (values.ts): CreatedOn, ModifiedOn and `now` defaults. */
  readonly now: string;
  /** Contact of the signed-in user: CreatedById/ModifiedById and `currentUserContact` defaults. */
  readonly userContactId: string;
  /** The next value of a number sequence (Case.Number → 3 → "SR00000003"). */
  nextSequence(entity: string, column: string): number;
  /** Id for a POST without one; crypto.randomUUID when absent (inject for determinism). */
  newId?: () => string;
}
