import { invalidQuery, unsupported } from './odata-error';
import { TokenStream, type Token } from './lexer';

/**
 * `$filter` parser: text → untyped AST. Precedence follows Microsoft OData (what Creatio runs):
 * primary > `not` > comparisons (eq ne gt ge lt le, left-associative) > `and` > `or`. So, as in
 * Creatio, `not Name eq 'x'` means `(not Name) eq 'x'` and is rejected by the type check; write
 * `not (Name eq 'x')`. Anything outside the supported subset is named in a 400 (never ignored).
 */
export type LiteralType =
  | 'null' | 'Edm.String' | 'Edm.Guid' | 'Edm.DateTimeOffset' | 'Edm.Date' | 'Edm.Int32' | 'Edm.Int64'
  | 'Edm.Decimal' | 'Edm.Boolean';

export type CompareOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

export type FilterNode =
  | { readonly kind: 'logical'; readonly op: 'and' | 'or'; readonly left: FilterNode; readonly right: FilterNode; readonly pos: number }
  | { readonly kind: 'compare'; readonly op: CompareOp; readonly left: FilterNode; readonly right: FilterNode; readonly pos: number }
  | { readonly kind: 'not'; readonly operand: FilterNode; readonly pos: number }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly FilterNode[]; readonly pos: number }
  | { readonly kind: 'path'; readonly segments: readonly string[]; readonly pos: number }
  | { readonly kind: 'literal'; readonly type: LiteralType; readonly value: string | number | boolean | null; readonly pos: number };

/** reference/creatio-api.md §1.3: "The node count limit of '100' has been exceeded." */
export const NODE_LIMIT = 100;
/** Nesting depth guard (parentheses, `not`, function arguments) so no input can overflow the stack. */
const RECURSION_LIMIT = 100;

const COMPARE = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const ARITHMETIC = new Set(['add', 'sub', 'mul', 'div', 'divby', 'mod']);
/** Functions we evaluate; every other OData 4 function gets `unsupported()` with its name. */
export const SUPPORTED_FUNCTIONS = new Set(['contains', 'startswith', 'endswith', 'tolower', 'toupper']);
const ODATA_FUNCTIONS = new Set([
  'length', 'indexof', 'substring', 'substringof', 'trim', 'concat', 'matchespattern', 'year', 'month', 'day',
  'hour', 'minute', 'second', 'fractionalseconds', 'totalseconds', 'date', 'time', 'totaloffsetminutes', 'now',
  'maxdatetime', 'mindatetime', 'round', 'floor', 'ceiling', 'cast', 'isof', 'geo.distance', 'geo.length',
  'geo.intersects', 'hassubset', 'hassubsequence', 'case',
]);

const MAX_INT32 = 2_147_483_647;

export function parseFilter(text: string): FilterNode {
  return new FilterParser(text).parse();
}

class FilterParser {
  private readonly ts: TokenStream;
  private nodes = 0;
  private depth = 0;

  constructor(text: string) {
    this.ts = new TokenStream(text);
  }

  parse(): FilterNode {
    const node = this.parseOr();
    if (this.ts.peek().kind !== 'end') throw this.unexpected(this.ts.peek());
    return node;
  }

  private count<T extends FilterNode>(node: T, weight = 1): T {
    this.nodes += weight;
    if (this.nodes > NODE_LIMIT) throw invalidQuery(`The node count limit of '${NODE_LIMIT}' has been exceeded.`);
    return node;
  }

  private enter(): void {
    this.depth += 1;
    if (this.depth > RECURSION_LIMIT) throw invalidQuery('The recursion limit has been exceeded.');
  }

  private parseOr(): FilterNode {
    let left = this.parseAnd();
    while (this.ts.isWord('or')) {
      const pos = this.ts.next().pos;
      left = this.count({ kind: 'logical', op: 'or', left, right: this.parseAnd(), pos });
    }
    return left;
  }

  private parseAnd(): FilterNode {
    let left = this.parseCompare();
    while (this.ts.isWord('and')) {
      const pos = this.ts.next().pos;
      left = this.count({ kind: 'logical', op: 'and', left, right: this.parseCompare(), pos });
    }
    return left;
  }

  private parseCompare(): FilterNode {
    let left = this.parseUnary();
    for (;;) {
      const t = this.ts.peek();
      if (t.kind !== 'ident' || !COMPARE.has(t.text)) break;
      this.ts.next();
      left = this.count({ kind: 'compare', op: t.text as CompareOp, left, right: this.parseUnary(), pos: t.pos });
    }
    return left;
  }

  private parseUnary(): FilterNode {
    const t = this.ts.peek();
    if (t.kind === 'ident' && t.text === 'not') {
      this.ts.next();
      this.enter();
      const operand = this.parseUnary();
      this.depth -= 1;
      return this.count({ kind: 'not', operand, pos: t.pos });
    }
    if (t.kind === 'punct' && t.text === '-') throw unsupported("The negation operator '-'", t.pos);
    return this.parsePrimary();
  }

  private parsePrimary(): FilterNode {
    const t = this.ts.next();
    switch (t.kind) {
      case 'punct': {
        if (t.text !== '(') throw this.ts.error(t);
        this.enter();
        const inner = this.parseOr();
        if (this.ts.isPunct(',')) throw unsupported("A parenthesised list (the 'in' operator)", this.ts.peek().pos);
        this.close();
        this.depth -= 1;
        return inner;
      }
      case 'string': return this.literal('Edm.String', t.value as string, t);
      case 'guid': return this.literal('Edm.Guid', t.value as string, t);
      case 'date': return this.literal(t.flag ? 'Edm.Date' : 'Edm.DateTimeOffset', t.value as string, t);
      case 'number': return this.literal(numberType(t), t.value as number, t);
      case 'system': throw unsupported(`The '${t.text}' expression`, t.pos);
      case 'ident': return this.parseIdentifier(t);
      default: throw this.ts.error(t);
    }
  }

  private literal(type: LiteralType, value: string | number | boolean | null, t: Token): FilterNode {
    return this.count({ kind: 'literal', type, value, pos: t.pos });
  }

  private parseIdentifier(t: Token): FilterNode {
    if (this.ts.peek().kind === 'string' && this.ts.adjacent(0)) {
      throw unsupported(`The typed literal ${t.text}'...' (OData 4 takes GUIDs and dates unquoted)`, t.pos);
    }
    if (this.ts.isPunct('(')) return this.parseCall(t);
    if (t.text === 'null') return this.literal('null', null, t);
    if (t.text === 'true' || t.text === 'false') return this.literal('Edm.Boolean', t.text === 'true', t);
    if (t.text === 'INF' || t.text === 'NaN') throw unsupported(`The literal '${t.text}'`, t.pos);
    if (t.text.includes('.')) throw unsupported(`The type-qualified name '${t.text}' (casts and type segments)`, t.pos);
    const segments = [t.text];
    while (this.ts.isPunct('/')) {
      this.ts.next();
      const seg = this.ts.next();
      if (seg.kind === 'system') throw unsupported(`The path segment '${seg.text}'`, seg.pos);
      if (seg.kind !== 'ident') throw this.ts.error(seg);
      if (seg.text.includes('.')) throw unsupported(`The type-qualified segment '${seg.text}'`, seg.pos);
      if ((seg.text === 'any' || seg.text === 'all') && this.ts.isPunct('(')) {
        throw unsupported(`The lambda operator '${seg.text}'`, seg.pos);
      }
      if (this.ts.isPunct('(')) throw unsupported(`The key or function segment '${seg.text}(...)' in a path`, seg.pos);
      segments.push(seg.text);
    }
    // One node for the range variable ($it) and one per segment, as Microsoft OData counts them.
    return this.count({ kind: 'path', segments, pos: t.pos }, 1 + segments.length);
  }

  private parseCall(name: Token): FilterNode {
    if (!SUPPORTED_FUNCTIONS.has(name.text)) {
      if (ODATA_FUNCTIONS.has(name.text.toLowerCase()) || name.text === 'any' || name.text === 'all') {
        throw unsupported(`The function '${name.text}'`, name.pos);
      }
      throw invalidQuery(
        `An unknown function with name '${name.text}' was found. This may also be a function import or a key lookup on a navigation property, which is not allowed.`,
      );
    }
    this.ts.expectPunct('(');
    this.enter();
    const args: FilterNode[] = [];
    if (!this.ts.isPunct(')')) {
      args.push(this.parseOr());
      while (this.ts.isPunct(',')) {
        this.ts.next();
        args.push(this.parseOr());
      }
    }
    this.close();
    this.depth -= 1;
    return this.count({ kind: 'call', name: name.text, args, pos: name.pos });
  }

  private unexpected(t: Token): Error {
    if (t.kind === 'ident' && ARITHMETIC.has(t.text)) throw unsupported(`The arithmetic operator '${t.text}'`, t.pos);
    if (t.kind === 'ident' && (t.text === 'in' || t.text === 'has')) throw unsupported(`The '${t.text}' operator`, t.pos);
    return this.ts.error(t);
  }

  private close(): void {
    if (!this.ts.isPunct(')')) throw this.unexpected(this.ts.peek());
    this.ts.next();
  }
}

function numberType(t: Token): LiteralType {
  if (t.flag) return 'Edm.Decimal';
  const v = t.value as number;
  return Math.abs(v) <= MAX_INT32 ? 'Edm.Int32' : Number.isSafeInteger(v) ? 'Edm.Int64' : 'Edm.Decimal';
}
