import { invalidQuery, type ODataHttpError } from './odata-error';
import { parseDate } from '../schema/values';

/**
 * Tokenizer shared by `$filter`, `$select`, `$expand` and `$orderby`. Positions are 0-based
 * character offsets into the option text, as in Microsoft OData's "Syntax error at position N".
 *
 * Literal forms follow OData 4 as Creatio accepts them (reference/creatio-api.md §1 fact 2, §1.3):
 * unquoted GUIDs and date-times, single-quoted strings with '' escaping.
 */
export type TokenKind = 'ident' | 'system' | 'string' | 'number' | 'guid' | 'date' | 'punct' | 'end';

export interface Token {
  readonly kind: TokenKind;
  /** Raw text as written (for strings: including quotes). */
  readonly text: string;
  /** Decoded value: string content, canonical GUID/date, or the number. */
  readonly value?: string | number;
  /** For numbers: true when written with a fraction or exponent. For dates: true for a bare date. */
  readonly flag?: boolean;
  readonly pos: number;
}

const GUID = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![A-Za-z0-9_])/y;
const DATE = /\d{4}-\d{2}-\d{2}(?:T[0-9:.]*(?:Z|[+-]\d{2}:\d{2})?)?/y;
const NUMBER = /-?\d+(\.\d+)?([eE][+-]?\d+)?/y;
/** Dotted names (`Edm.String`, `geo.distance`) lex as one identifier so the parser can name them. */
const IDENT = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/y;
const SYSTEM = /\$[A-Za-z_][A-Za-z0-9_]*/y;
const IDENT_CHAR = /[A-Za-z0-9_]/;
const PUNCT = '(),/;=*:-';
/** Largest magnitude of Edm.Decimal; bigger literals cannot be represented by the service. */
const DECIMAL_MAX = 7.922816251426434e28;

export function syntaxError(pos: number, text: string): ODataHttpError {
  return invalidQuery(`Syntax error at position ${pos} in '${text}'.`);
}

function match(re: RegExp, text: string, pos: number): string | undefined {
  re.lastIndex = pos;
  const m = re.exec(text);
  return m ? m[0] : undefined;
}

function lexString(text: string, pos: number): Token {
  let i = pos + 1;
  let value = '';
  for (;;) {
    const q = text.indexOf("'", i);
    if (q < 0) {
      throw invalidQuery(`There is an unterminated string literal at position ${pos} in '${text}'.`);
    }
    value += text.slice(i, q);
    if (text[q + 1] === "'") {
      value += "'";
      i = q + 2;
      continue;
    }
    return { kind: 'string', text: text.slice(pos, q + 1), value, pos };
  }
}

function lexLiteral(text: string, pos: number): Token | undefined {
  const guid = match(GUID, text, pos);
  if (guid) return { kind: 'guid', text: guid, value: guid.toLowerCase(), pos };
  const date = match(DATE, text, pos);
  if (date) {
    const canonical = parseDate(date);
    if (!canonical || IDENT_CHAR.test(text[pos + date.length] ?? '')) {
      throw invalidQuery(`The date-time literal '${date}' at position ${pos} in '${text}' is not valid.`);
    }
    return { kind: 'date', text: date, value: canonical, flag: !date.includes('T'), pos };
  }
  const num = match(NUMBER, text, pos);
  if (num) {
    if (IDENT_CHAR.test(text[pos + num.length] ?? '') || text[pos + num.length] === '.') throw syntaxError(pos, text);
    const value = Number(num);
    if (!Number.isFinite(value) || Math.abs(value) > DECIMAL_MAX) {
      throw invalidQuery(`The numeric literal '${num}' at position ${pos} in '${text}' is out of range.`);
    }
    return { kind: 'number', text: num, value, flag: /[.eE]/.test(num), pos };
  }
  return undefined;
}

/** Splits an option value into tokens; the last token is always `end`. Throws ODataHttpError 400. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < text.length) {
    const ch = text[pos] as string;
    if (/\s/.test(ch)) {
      pos += 1;
      continue;
    }
    let token: Token | undefined;
    if (ch === "'") token = lexString(text, pos);
    else if (/[0-9]/.test(ch) || (ch === '-' && /[0-9]/.test(text[pos + 1] ?? ''))) token = lexLiteral(text, pos);
    else if (ch === '$') {
      const sys = match(SYSTEM, text, pos);
      if (sys) token = { kind: 'system', text: sys, pos };
    } else {
      const guid = match(GUID, text, pos);
      const ident = guid ? undefined : match(IDENT, text, pos);
      if (guid) token = { kind: 'guid', text: guid, value: guid.toLowerCase(), pos };
      else if (ident) token = { kind: 'ident', text: ident, pos };
      else if (PUNCT.includes(ch)) token = { kind: 'punct', text: ch, pos };
    }
    if (!token) {
      const shown = String.fromCodePoint(text.codePointAt(pos) ?? 0);
      throw invalidQuery(`Syntax error: character '${shown}' is not valid at position ${pos} in '${text}'.`);
    }
    tokens.push(token);
    pos += token.text.length;
  }
  tokens.push({ kind: 'end', text: '', pos: text.length });
  return tokens;
}

/** A cursor over tokens with the helpers every option parser needs. */
export class TokenStream {
  private index = 0;
  constructor(
    readonly text: string,
    private readonly tokens: readonly Token[] = tokenize(text),
  ) {}

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)] as Token;
  }

  next(): Token {
    const t = this.peek();
    if (this.index < this.tokens.length - 1) this.index += 1;
    return t;
  }

  isPunct(ch: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'punct' && t.text === ch;
  }

  isWord(word: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'ident' && t.text === word;
  }

  expectPunct(ch: string): Token {
    if (!this.isPunct(ch)) throw this.error();
    return this.next();
  }

  expectIdent(): Token {
    if (this.peek().kind !== 'ident') throw this.error();
    return this.next();
  }

  /** True when the token at `offset` starts right where the previous one ended (no blank). */
  adjacent(offset: number): boolean {
    const prev = this.peek(offset - 1);
    return this.peek(offset).pos === prev.pos + prev.text.length;
  }

  error(token: Token = this.peek()): ODataHttpError {
    return syntaxError(token.pos, this.text);
  }
}
