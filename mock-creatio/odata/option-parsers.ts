import type { SchemaModel } from '../schema/model';
import { invalidQuery, unknownProperty, unsupported } from './odata-error';
import { TokenStream } from './lexer';
import { findColumn, resolvePath } from './property-path';
import type { ExpandOption, OrderByItem } from './query.types';

/**
 * Parsers for `$select`, `$expand` and `$orderby`, validated against the schema. Unknown
 * properties give Creatio's "Could not find a property named ..." naming the first one (§1.3, §1.6).
 */

const MAX_EXPAND_DEPTH = 8;

/** `$select`: undefined means all properties (`*`). */
export function parseSelect(model: SchemaModel, entity: string, text: string): string[] | undefined {
  const ts = new TokenStream(text);
  const list = selectList(model, entity, ts);
  if (ts.peek().kind !== 'end') throw ts.error();
  return list;
}

function selectList(model: SchemaModel, entity: string, ts: TokenStream): string[] | undefined {
  const names: string[] = [];
  let star = false;
  for (;;) {
    const t = ts.next();
    if (t.kind === 'punct' && t.text === '*') star = true;
    else if (t.kind !== 'ident') throw ts.error(t);
    else {
      if (ts.isPunct('/')) {
        const path = [t.text];
        while (ts.isPunct('/') && ts.peek(1).kind === 'ident') path.push((ts.next(), ts.next()).text);
        throw unsupported(`The path '${path.join('/')}' in $select (use $expand=${t.text}($select=...))`, t.pos);
      }
      if (ts.isPunct('(')) throw unsupported(`Options on the $select item '${t.text}'`, t.pos);
      if (!findColumn(model, entity, t.text)) {
        if (model.navigation(entity, t.text)) {
          throw unsupported(`Selecting the navigation property '${t.text}' (use $expand)`, t.pos);
        }
        throw unknownProperty(t.text, entity);
      }
      if (!names.includes(t.text)) names.push(t.text);
    }
    if (!ts.isPunct(',')) break;
    ts.next();
  }
  return star ? undefined : names;
}

export function parseExpand(model: SchemaModel, entity: string, text: string): ExpandOption[] {
  const ts = new TokenStream(text);
  const list = expandList(model, entity, ts, 0);
  if (ts.peek().kind !== 'end') throw ts.error();
  return list;
}

function expandList(model: SchemaModel, entity: string, ts: TokenStream, depth: number): ExpandOption[] {
  if (depth >= MAX_EXPAND_DEPTH) throw unsupported(`$expand nested deeper than ${MAX_EXPAND_DEPTH} levels`);
  const items: ExpandOption[] = [];
  for (;;) {
    const item = expandItem(model, entity, ts, depth);
    if (items.some((i) => i.nav === item.nav)) {
      throw invalidQuery(`The navigation property '${item.nav}' is expanded more than once.`);
    }
    items.push(item);
    if (!ts.isPunct(',')) return items;
    ts.next();
  }
}

function expandItem(model: SchemaModel, entity: string, ts: TokenStream, depth: number): ExpandOption {
  const t = ts.next();
  if (t.kind === 'punct' && t.text === '*') throw unsupported("The wildcard '*' in $expand", t.pos);
  if (t.kind !== 'ident') throw ts.error(t);
  if (ts.isPunct('/')) throw unsupported(`A path in $expand (nest it instead: ${t.text}($expand=...))`, t.pos);
  const nav = model.navigation(entity, t.text);
  if (!nav?.lookup) {
    if (findColumn(model, entity, t.text)) {
      throw invalidQuery(
        `Property '${t.text}' on type 'Terrasoft.Configuration.OData.${entity}' is not a navigation property or complex property. Only navigation properties can be expanded.`,
      );
    }
    throw unknownProperty(t.text, entity);
  }
  const target = nav.lookup.entity;
  if (!ts.isPunct('(')) return { nav: t.text };
  ts.next();
  let select: string[] | undefined;
  let expand: ExpandOption[] | undefined;
  const seen = new Set<string>();
  for (;;) {
    const opt = ts.next();
    if (opt.kind !== 'system') throw ts.error(opt);
    if (opt.text !== '$select' && opt.text !== '$expand') {
      throw unsupported(`The nested query option '${opt.text}' inside $expand`, opt.pos);
    }
    if (seen.has(opt.text)) {
      throw invalidQuery(`Query option '${opt.text}' was specified more than once, but it must be specified at most once.`);
    }
    seen.add(opt.text);
    ts.expectPunct('=');
    if (opt.text === '$select') select = selectList(model, target, ts);
    else expand = expandList(model, target, ts, depth + 1);
    if (!ts.isPunct(';')) break;
    ts.next();
  }
  ts.expectPunct(')');
  return { nav: t.text, ...(select ? { select } : {}), ...(expand ? { expand } : {}) };
}

export function parseOrderBy(model: SchemaModel, entity: string, text: string): OrderByItem[] {
  const ts = new TokenStream(text);
  const items: OrderByItem[] = [];
  for (;;) {
    const first = ts.next();
    if (first.kind === 'system') throw unsupported(`The '${first.text}' expression in $orderby`, first.pos);
    if (first.kind !== 'ident') throw ts.error(first);
    if (ts.isPunct('(')) throw unsupported(`The function '${first.text}' in $orderby`, first.pos);
    const path = [first.text];
    while (ts.isPunct('/')) {
      ts.next();
      const seg = ts.next();
      if (seg.kind !== 'ident') throw ts.error(seg);
      if (ts.isPunct('(')) throw unsupported(`The segment '${seg.text}(...)' in $orderby`, seg.pos);
      path.push(seg.text);
    }
    if (resolvePath(model, entity, path).kind !== 'value') {
      throw invalidQuery('The $orderby expression must evaluate to a single value of primitive type.');
    }
    // Microsoft OData rejects a repeated key: "Duplicate property named 'Id' is not supported in '$orderby'."
    if (items.some((i) => i.path.join('/') === path.join('/'))) {
      throw invalidQuery(`Duplicate property named '${path.join('/')}' is not supported in '$orderby'.`);
    }
    let desc = false;
    if (ts.isWord('asc') || ts.isWord('desc')) desc = ts.next().text === 'desc';
    items.push({ path, desc });
    if (ts.peek().kind === 'end') return items;
    ts.expectPunct(',');
  }
}
