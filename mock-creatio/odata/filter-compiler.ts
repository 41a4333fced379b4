import type { SchemaModel } from '../schema/model';
import type { EntityRecord } from '../schema/schema.types';
import { incompatibleTypes, invalidQuery } from './odata-error';
import type { CompareOp, FilterNode } from './filter-parser';
import { resolvePath, type EvalContext, type Getter, type Scalar } from './property-path';

/**
 * Type-checks a `$filter` AST against the schema and compiles it to closures, so evaluating a row
 * is plain function calls (no AST walk per row).
 *
 * Semantics (docs/fidelity.md):
 * - Text comparisons are case-INsensitive (eq, ne, gt/ge/lt/le, contains, startswith, endswith), as
 *   Creatio on its default MSSQL/Postgres collations; ordering compares lower-cased text ordinally.
 * - Empty lookups (zero GUID), empty dates (0001-01-01) and navigation through an empty or dangling
 *   lookup are null. `x eq null` is true only for null; every other comparison with null is false;
 *   logic is two-valued (`not` simply negates), a null boolean property counts as false.
 */
export type Predicate = (record: EntityRecord, ctx: EvalContext) => boolean;

/** `<Column> eq <literal>` found in the top-level AND chain: lets the runner use an index. */
export interface IndexSeed {
  readonly column: string;
  readonly value: string | number | boolean;
}

export interface CompiledFilter {
  readonly text: string;
  readonly predicate: Predicate;
  readonly seeds: readonly IndexSeed[];
}

type Category = 'null' | 'string' | 'guid' | 'date' | 'number' | 'boolean' | 'entity';

interface Expr {
  /** EDM name for messages ('Edm.Date' for a bare date literal). */
  readonly type: string;
  readonly cat: Category;
  readonly get: Getter;
  /** Constant value when the expression is a literal. */
  readonly constant?: Scalar;
  /** Column name when the expression is a plain (non-navigation) column. */
  readonly column?: string;
}

const CATEGORY: Record<string, Category> = {
  null: 'null', 'Edm.String': 'string', 'Edm.Guid': 'guid', 'Edm.DateTimeOffset': 'date', 'Edm.Date': 'date',
  'Edm.Int32': 'number', 'Edm.Int64': 'number', 'Edm.Decimal': 'number', 'Edm.Boolean': 'boolean',
};

const fold = (v: Scalar): Scalar => (typeof v === 'string' ? v.toLowerCase() : v);
const NOT_BOOLEAN = 'The $filter expression must evaluate to a single boolean value.';

export function compileFilter(model: SchemaModel, entity: string, ast: FilterNode, text: string): CompiledFilter {
  const compiler = new Compiler(model, entity);
  const root = compiler.expr(ast);
  if (root.cat !== 'boolean') throw invalidQuery(NOT_BOOLEAN);
  const get = root.get;
  return { text, predicate: (r, ctx) => get(r, ctx) === true, seeds: seedsOf(compiler, ast) };
}

function seedsOf(compiler: Compiler, ast: FilterNode): IndexSeed[] {
  if (ast.kind === 'logical' && ast.op === 'and') return [...seedsOf(compiler, ast.left), ...seedsOf(compiler, ast.right)];
  if (ast.kind !== 'compare' || ast.op !== 'eq') return [];
  const l = compiler.expr(ast.left);
  const r = compiler.expr(ast.right);
  const [col, lit] = l.column ? [l, r] : [r, l];
  // Text is matched case-insensitively, so an exact-value index cannot serve it.
  if (!col.column || col.cat === 'string' || lit.constant === undefined || lit.constant === null) return [];
  return [{ column: col.column, value: lit.constant }];
}

class Compiler {
  constructor(
    private readonly model: SchemaModel,
    private readonly entity: string,
  ) {}

  expr(node: FilterNode): Expr {
    switch (node.kind) {
      case 'literal': {
        const value = node.value;
        return { type: node.type, cat: CATEGORY[node.type] ?? 'null', get: () => value, constant: value };
      }
      case 'path': return this.path(node.segments);
      case 'not': return this.not(node.operand);
      case 'logical': return this.logical(node.op, node.left, node.right);
      case 'compare': return this.compare(node.op, node.left, node.right);
      case 'call': return this.call(node.name, node.args);
    }
  }

  private path(segments: readonly string[]): Expr {
    const p = resolvePath(this.model, this.entity, segments);
    if (p.kind === 'entity') return { type: p.entity, cat: 'entity', get: p.get };
    const base: Expr = { type: p.type, cat: CATEGORY[p.type] ?? 'null', get: p.get };
    return p.plain ? { ...base, column: p.column.name } : base;
  }

  private bool(node: FilterNode): Getter {
    const e = this.expr(node);
    if (e.cat !== 'boolean') throw invalidQuery(NOT_BOOLEAN);
    return e.get;
  }

  private not(operand: FilterNode): Expr {
    const e = this.expr(operand);
    if (e.cat !== 'boolean') {
      throw invalidQuery(`A unary operator with an incompatible type was detected. Found operand type '${e.type}' for operator kind 'Not'.`);
    }
    const g = e.get;
    return { type: 'Edm.Boolean', cat: 'boolean', get: (r, c) => g(r, c) !== true };
  }

  private logical(op: 'and' | 'or', left: FilterNode, right: FilterNode): Expr {
    const l = this.expr(left);
    const r = this.expr(right);
    if (l.cat !== 'boolean' || r.cat !== 'boolean') throw incompatibleTypes(l.type, r.type, op === 'and' ? 'And' : 'Or');
    const a = l.get;
    const b = r.get;
    const get: Getter = op === 'and' ? (x, c) => a(x, c) === true && b(x, c) === true : (x, c) => a(x, c) === true || b(x, c) === true;
    return { type: 'Edm.Boolean', cat: 'boolean', get };
  }

  private compare(op: CompareOp, left: FilterNode, right: FilterNode): Expr {
    const l = this.expr(left);
    const r = this.expr(right);
    if (l.cat === 'entity' || r.cat === 'entity') {
      const other = l.cat === 'entity' ? r : l;
      if ((op !== 'eq' && op !== 'ne') || other.cat !== 'null') {
        throw invalidQuery(`The operand for a binary operator '${op}' is not a single value. Binary operators require both operands to be single values.`);
      }
    } else if (l.cat !== r.cat && l.cat !== 'null' && r.cat !== 'null') {
      throw incompatibleTypes(l.type, r.type, op);
    }
    const text = l.cat === 'string' || r.cat === 'string';
    return { type: 'Edm.Boolean', cat: 'boolean', get: comparator(op, operand(l, text), operand(r, text)) };
  }

  private call(name: string, args: readonly FilterNode[]): Expr {
    const exprs = args.map((a) => this.expr(a));
    const unary = name === 'tolower' || name === 'toupper';
    if (exprs.length !== (unary ? 1 : 2) || exprs.some((e) => e.cat !== 'string' && e.cat !== 'null')) {
      const sig = unary ? `${name}(Edm.String Nullable=true)` : `${name}(Edm.String Nullable=true, Edm.String Nullable=true)`;
      throw invalidQuery(
        `No function signature for the function with name '${name}' matches the specified arguments. The function signatures considered are: ${sig}.`,
      );
    }
    if (unary) {
      // Text comparison is case-insensitive anyway; the case change only matters for the value.
      const g = (exprs[0] as Expr).get;
      const change = name === 'toupper' ? (v: string) => v.toUpperCase() : (v: string) => v.toLowerCase();
      return { type: 'Edm.String', cat: 'string', get: (r, c) => { const v = g(r, c); return typeof v === 'string' ? change(v) : null; } };
    }
    const [a, b] = exprs.map((e) => operand(e, true)) as [Getter, Getter];
    const test = name === 'contains' ? (s: string, t: string) => s.includes(t)
      : name === 'startswith' ? (s: string, t: string) => s.startsWith(t) : (s: string, t: string) => s.endsWith(t);
    return {
      type: 'Edm.Boolean', cat: 'boolean',
      get: (r, c) => { const s = a(r, c); const t = b(r, c); return typeof s === 'string' && typeof t === 'string' && test(s, t); },
    };
  }
}

/** The operand's getter; text operands are lower-cased (constants once, at compile time). */
function operand(e: Expr, text: boolean): Getter {
  if (!text) return e.get;
  if (e.constant !== undefined) {
    const v = fold(e.constant);
    return () => v;
  }
  const g = e.get;
  return (r, c) => fold(g(r, c));
}

function comparator(op: CompareOp, a: Getter, b: Getter): Getter {
  switch (op) {
    case 'eq': return (r, c) => a(r, c) === b(r, c);
    case 'ne': return (r, c) => a(r, c) !== b(r, c);
    case 'gt': return (r, c) => { const x = a(r, c); const y = b(r, c); return x !== null && y !== null && x > y; };
    case 'ge': return (r, c) => { const x = a(r, c); const y = b(r, c); return x !== null && y !== null && x >= y; };
    case 'lt': return (r, c) => { const x = a(r, c); const y = b(r, c); return x !== null && y !== null && x < y; };
    case 'le': return (r, c) => { const x = a(r, c); const y = b(r, c); return x !== null && y !== null && x <= y; };
  }
}
