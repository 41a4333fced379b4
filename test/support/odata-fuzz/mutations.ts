import type { FuzzEntity } from './fuzz-types';
import { renderFilter, toQueryString } from './fuzz-ast';
import type { FuzzCase, PathInfo, SchemaInfo } from './generator';
import { genExpr, pathsOf } from './generator';
import { randomGuid } from './fuzz-schema';
import type { Rng } from './prng';

/**
 * Invalid queries: each mutation produces something the simulator must reject with a 4xx
 * ODataHttpError (`mustFail`), except `garbage`, random text that only must not crash it.
 */
type Mutation = (rng: Rng, ctx: MutationContext) => [string, string][];

interface MutationContext {
  readonly info: SchemaInfo;
  readonly entity: string;
  readonly def: FuzzEntity;
  readonly values: readonly PathInfo[];
  readonly navs: readonly string[][];
  validFilter(): string;
  pathOf(type: string): string;
}

const f = (text: string): [string, string][] => [['$filter', text]];
const UNICODE = ['é', 'Ä', 'ß', '中', '文', 'ж', '€', '🙂', '\u0000', '\u200b', 'ǅ'];
const BAD_CHARS = ['#', '%', '^', '&', '{', '}', '[', ']', '~', '`', '|', '"', '!', '?', '<', '>', '@', '\\', '.'];

const MUTATIONS: Record<string, Mutation> = {
  unknownFilterProperty: (r, c) => f(`${c.validFilter()} and Bogus${r.int(0, 99)} eq 1`),
  unknownNavProperty: (r, c) => (c.navs.length ? f(`${r.pick(c.navs).join('/')}/Nope eq 'x'`) : f("Nope eq 'x'")),
  unknownSelect: (r, c) => [['$select', `${c.def.columns[0]?.name},Zed${r.int(0, 9)},Other`]],
  unknownOrderBy: () => [['$orderby', 'Missing desc']],
  unknownExpand: () => [['$expand', 'Nowhere']],
  unknownNestedSelect: (r, c) => (c.navs.length ? [['$expand', `${c.navs[0]?.[0]}($select=Nope)`]] : [['$expand', 'X']]),
  quotedGuid: (r, c) => f(`${c.pathOf('Edm.Guid')} eq '${randomGuid(r)}'`),
  quotedDate: (r, c) => f(`${c.pathOf('Edm.DateTimeOffset')} gt '2026-09-15T06:00:00Z'`),
  truncatedOperator: (r, c) => f(`${c.validFilter()} and ${c.pathOf('Edm.Int32')} ${r.pick(['eq', 'gt', 'le'])}`),
  truncatedString: (r, c) => f(`${c.pathOf('Edm.String')} eq 'abc${r.int(0, 9)}`),
  badCharacter: (r, c) => {
    const text = c.validFilter();
    return f(r.chance(0.5) ? `${r.pick(BAD_CHARS)}${text}` : `${text} ${r.pick(BAD_CHARS)}`);
  },
  unbalancedOpen: (r, c) => f(`(${c.validFilter()}`),
  unbalancedClose: (r, c) => f(`${c.validFilter()})`),
  lambda: (r, c) => f(`${c.navs[0]?.[0] ?? 'Items'}/${r.pick(['any', 'all'])}(x: x/Name eq 'a')`),
  inOperator: (r, c) => f(`${c.pathOf('Edm.String')} in ('a','b')`),
  unsupportedFunction: (r, c) =>
    f(r.pick([`length(${c.pathOf('Edm.String')}) eq 3`, `year(${c.pathOf('Edm.DateTimeOffset')}) eq 2026`,
      `substringof('a',${c.pathOf('Edm.String')})`, `trim(${c.pathOf('Edm.String')}) eq 'x'`, `frobnicate(Id)`,
      `cast(${c.pathOf('Edm.Int32')},Edm.String) eq '1'`, `isof(Edm.String)`])),
  arithmetic: (r, c) => f(`${c.pathOf('Edm.Int32')} ${r.pick(['add', 'sub', 'mul', 'div', 'mod'])} 1 eq 5`),
  hasOperator: (r, c) => f(`${c.pathOf('Edm.Int32')} has 1`),
  negation: (r, c) => f(`-${c.pathOf('Edm.Int32')} eq 5`),
  hugeNumber: (r, c) => f(`${c.pathOf('Edm.Int32')} eq ${'9'.repeat(r.int(40, 400))}`),
  nodeLimit: (r) => f(Array.from({ length: r.int(21, 60) }, () => `Id eq ${randomGuid(r)}`).join(' or ')),
  deepParens: (r) => { const n = r.int(101, 2000); return f(`${'('.repeat(n)}Id eq null${')'.repeat(n)}`); },
  deepNot: (r) => f(`${'not '.repeat(r.int(101, 500))}true`),
  unicodeName: (r, c) => f(`${c.pathOf('Edm.String')}${r.pick(UNICODE)} eq 'x'`),
  itRoot: (r, c) => f(r.pick(['$it/Name eq 1', `$root/${c.entity} eq null`, '$this eq null'])),
  typedLiteral: (r, c) => f(`${c.pathOf('Edm.Guid')} eq guid'${randomGuid(r)}'`),
  typeMismatch: (r, c) =>
    f(r.pick([`${c.pathOf('Edm.Int32')} eq 'x'`, `${c.pathOf('Edm.Boolean')} eq 1`, `${c.pathOf('Edm.String')} gt 5`,
      `contains(${c.pathOf('Edm.Int32')},'1')`, `not ${c.pathOf('Edm.String')}`, c.pathOf('Edm.String'),
      `not ${c.pathOf('Edm.String')} eq 'x'`, `${c.pathOf('Edm.DateTimeOffset')} eq ${randomGuid(r)}`,
      `${c.pathOf('Edm.Guid')} eq 12`, `${c.pathOf('Edm.Boolean')} and 1`, `startswith(${c.pathOf('Edm.String')})`])),
  navOperand: (r, c) => f(`${c.navs[0]?.join('/') ?? 'X'} eq 'x'`),
  badTop: (r) => [['$top', r.pick(['-1', '1.5', 'abc', '99999999999', '+3', ' 2'])]],
  badSkip: (r) => [['$skip', r.pick(['-5', 'x', '2e3', '1.0'])]],
  badCount: (r) => [['$count', r.pick(['yes', 'TRUE', '1', 'on'])]],
  duplicateOption: (r, c) => [['$top', '1'], ['$filter', c.validFilter()], [r.pick(['$top', '$filter']), '2']],
  unknownOption: (r) => [[r.pick(['$foo', '$Filter', '$where', '$limit']), '1']],
  unsupportedOption: (r) => [[r.pick(['$search', '$apply', '$compute', '$skiptoken', '$format', '$levels']), 'x']],
  emptyOption: (r) => [[r.pick(['$filter', '$select', '$orderby', '$expand', '$top']), '']],
  expandNonNav: (r, c) => [['$expand', c.pathOf('Edm.String')]],
  expandNestedFilter: (r, c) => [['$expand', `${c.navs[0]?.[0] ?? 'X'}($filter=Name eq 'a')`]],
  expandStar: () => [['$expand', '*']],
  selectPath: (r, c) => [['$select', `${c.navs[0]?.[0] ?? 'X'}/Name`]],
  orderByBad: (r, c) => [['$orderby', r.pick([`${c.pathOf('Edm.String')} up`, `tolower(${c.pathOf('Edm.String')})`, 'Id,Id', `${c.pathOf('Edm.String')},`])]],
  garbage: (r) => f(Array.from({ length: r.int(1, 40) }, () => String.fromCharCode(r.int(1, 0x7f))).join('')),
  garbageUnicode: (r) => f(Array.from({ length: r.int(1, 20) }, () => String.fromCodePoint(r.int(0x20, 0x2fff))).join('')),
};

export function generateInvalid(rng: Rng, info: SchemaInfo, entity: string): FuzzCase {
  const def = info.entities.find((e) => e.name === entity) as FuzzEntity;
  const { values, navs } = pathsOf(info, entity);
  const ctx: MutationContext = {
    info, entity, def, values, navs,
    validFilter: () => renderFilter(genExpr(rng, info, entity, rng.int(0, 2)), rng),
    pathOf: (type) => {
      const fit = values.filter((v) => v.type === type);
      return fit.length ? rng.pick(fit).path.join('/') : `Missing${type.slice(4)}`;
    },
  };
  const mutation = rng.pick(Object.keys(MUTATIONS));
  const pairs = (MUTATIONS[mutation] as Mutation)(rng, ctx);
  const mustFail = !mutation.startsWith('garbage');
  return { kind: 'invalid', entity, query: toQueryString(pairs), mutation, mustFail };
}
