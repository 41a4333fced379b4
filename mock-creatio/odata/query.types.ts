/**
 * Parsed OData 4 query options. Produced by `parseQueryOptions` (validated against the schema:
 * unknown properties and unsupported syntax are rejected with 400 there, never later).
 */
export interface ExpandOption {
  /** Navigation property, e.g. `Status`. */
  readonly nav: string;
  /** Nested `$select` (`$expand=Status($select=Name)`); all columns when absent. */
  readonly select?: readonly string[];
  /** Nested `$expand` (`$expand=Contact($expand=Account)`). */
  readonly expand?: readonly ExpandOption[];
}

export interface OrderByItem {
  /** Property path: `['CreatedOn']`, or through lookups `['Status', 'Name']`. */
  readonly path: readonly string[];
  readonly desc: boolean;
}

export interface QueryOptions {
  /** Compiled `$filter`, opaque to callers; run through `runQuery`. */
  readonly filter?: unknown;
  readonly select?: readonly string[];
  readonly expand?: readonly ExpandOption[];
  readonly orderby?: readonly OrderByItem[];
  readonly top?: number;
  readonly skip?: number;
  /** `$count=true` */
  readonly count: boolean;
}
