import type { FuzzEdmType } from './fuzz-types';
import type { Rng } from './prng';

/**
 * The generator's own query AST (deliberately separate from mock-creatio's parser types), rendered
 * to OData text by `renderFilter` and interpreted by `reference-eval.ts`.
 */
export type CmpOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

export type GOperand =
  | { readonly k: 'path'; readonly path: readonly string[]; readonly type: FuzzEdmType; readonly fn?: 'tolower' | 'toupper' }
  /** `value` is canonical (GUID lowercase, date 7-digit UTC); `text` is how it is written. */
  | { readonly k: 'lit'; readonly value: string | number | boolean | null; readonly text: string };

export type GExpr =
  | { readonly k: 'cmp'; readonly op: CmpOp; readonly left: GOperand; readonly right: GOperand }
  | { readonly k: 'and' | 'or'; readonly a: GExpr; readonly b: GExpr }
  | { readonly k: 'not'; readonly e: GExpr }
  | { readonly k: 'fn'; readonly name: 'contains' | 'startswith' | 'endswith'; readonly arg: GOperand; readonly lit: GOperand }
  | { readonly k: 'boolpath'; readonly path: readonly string[] }
  /** `Status eq null`: a navigation property compared with null. */
  | { readonly k: 'navnull'; readonly path: readonly string[]; readonly op: 'eq' | 'ne' }
  | { readonly k: 'const'; readonly value: boolean };

export interface GExpand {
  readonly nav: string;
  readonly select?: readonly string[];
  readonly expand?: readonly GExpand[];
}

export interface QuerySpec {
  readonly entity: string;
  readonly filter?: GExpr;
  /** undefined = all properties. */
  readonly select?: readonly string[];
  readonly expand?: readonly GExpand[];
  readonly orderby?: readonly { readonly path: readonly string[]; readonly desc: boolean }[];
  readonly top?: number;
  readonly skip?: number;
  readonly count: boolean;
}

const sp = (rng: Rng): string => (rng.chance(0.15) ? '  ' : ' ');

function operand(o: GOperand): string {
  if (o.k === 'lit') return o.text;
  const p = o.path.join('/');
  return o.fn ? `${o.fn}(${p})` : p;
}

/** Binding strength: or 1, and 2, comparison 3, not/primary 4 (Microsoft OData precedence). */
function strength(e: GExpr): number {
  if (e.k === 'or') return 1;
  if (e.k === 'and') return 2;
  if (e.k === 'cmp' || e.k === 'navnull') return 3;
  return 4;
}

export function renderFilter(e: GExpr, rng: Rng, parent = 0): string {
  const text = renderBare(e, rng);
  return strength(e) < parent || rng.chance(0.1) ? `(${text})` : text;
}

function renderBare(e: GExpr, rng: Rng): string {
  switch (e.k) {
    case 'cmp': return `${operand(e.left)}${sp(rng)}${e.op}${sp(rng)}${operand(e.right)}`;
    case 'and':
    case 'or': return `${renderFilter(e.a, rng, strength(e))}${sp(rng)}${e.k}${sp(rng)}${renderFilter(e.b, rng, strength(e) + 1)}`;
    case 'not': return `not${renderNotOperand(e.e, rng)}`;
    case 'fn': return `${e.name}(${operand(e.arg)},${rng.chance(0.3) ? ' ' : ''}${operand(e.lit)})`;
    case 'boolpath': return e.path.join('/');
    case 'navnull': return `${e.path.join('/')} ${e.op} null`;
    case 'const': return String(e.value);
  }
}

function renderNotOperand(e: GExpr, rng: Rng): string {
  // `not` binds tighter than comparisons: its operand needs parentheses unless it is primary.
  const primary = e.k === 'fn' || e.k === 'boolpath' || e.k === 'const' || e.k === 'not';
  const inner = renderBare(e, rng);
  if (primary && rng.chance(0.6)) return ` ${inner}`;
  return `${rng.chance(0.5) ? ' ' : ''}(${inner})`;
}

export function renderExpand(items: readonly GExpand[]): string {
  return items
    .map((i) => {
      const opts: string[] = [];
      if (i.select) opts.push(`$select=${i.select.join(',')}`);
      if (i.expand) opts.push(`$expand=${renderExpand(i.expand)}`);
      return opts.length ? `${i.nav}(${opts.join(';')})` : i.nav;
    })
    .join(',');
}

export function toQueryString(pairs: readonly (readonly [string, string])[]): string {
  return pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
}
