import { describe, expect, it } from 'vitest';
import { A, C, createSmallDataset, K, S } from '../../test/support/odata-fuzz/small-dataset';
import { createSchemaModel } from '../schema/model';
import { ODataHttpError } from './odata-error';
import { parseQueryOptions } from './query-options';
import { runQuery } from './query-runner';

const { tableOf, entities } = createSmallDataset();
const model = createSchemaModel(entities);
const PREFIX = 'The query specified in the URI is not valid. ';

function ids(entity: string, filter: string): string[] {
  const options = parseQueryOptions(model, entity, new URLSearchParams({ $filter: filter }));
  return runQuery(model, tableOf, entity, options).rows.map((r) => r.Id as string);
}

function failure(entity: string, filter: string): string {
  try {
    parseQueryOptions(model, entity, new URLSearchParams({ $filter: filter }));
  } catch (err) {
    expect(err).toBeInstanceOf(ODataHttpError);
    expect((err as ODataHttpError).status).toBe(400);
    return (err as Error).message.replace(PREFIX, '');
  }
  throw new Error(`accepted: ${filter}`);
}

describe('$filter comparisons and literals', () => {
  it('compares integers, decimals (negative too) with every operator', () => {
    expect(ids('Case', 'Priority eq 2')).toEqual([K.One]);
    expect(ids('Case', 'Priority ne 2')).toEqual([K.Two, K.Three]);
    expect(ids('Case', 'Priority gt 2')).toEqual([K.Two]);
    expect(ids('Case', 'Priority ge 2')).toEqual([K.One, K.Two]);
    expect(ids('Case', 'Priority lt 2')).toEqual([K.Three]);
    expect(ids('Case', 'Priority le -1')).toEqual([K.Three]);
    expect(ids('Case', 'SolutionRemains lt -1.5')).toEqual([K.Two]);
    expect(ids('Case', 'SolutionRemains eq 1.50')).toEqual([K.One]);
    expect(ids('Case', '2 lt Priority')).toEqual([K.Two]);
  });

  it('takes unquoted GUIDs in any case and compares lookups', () => {
    expect(ids('Case', `StatusId eq ${S.New.toUpperCase()}`)).toEqual([K.One, K.Three]);
    expect(ids('Case', `Id eq ${K.Two}`)).toEqual([K.Two]);
  });

  it('takes unquoted date-times: Z, offsets, fractions, bare dates', () => {
    expect(ids('Case', 'RegisteredOn eq 2026-09-15T06:00:00Z')).toEqual([K.One]);
    expect(ids('Case', 'RegisteredOn eq 2026-09-15T08:00:00+02:00')).toEqual([K.One]);
    expect(ids('Case', 'RegisteredOn eq 2026-09-16T08:30:00.1234567Z')).toEqual([K.Two]);
    expect(ids('Case', 'RegisteredOn gt 2026-09-16T08:30:00.123Z')).toEqual([K.Two]);
    expect(ids('Case', 'RegisteredOn ge 2026-09-16')).toEqual([K.Two]);
    expect(ids('Case', 'RegisteredOn lt 2026-09-16')).toEqual([K.One]);
  });

  it('compares text case-insensitively, with quote escaping', () => {
    expect(ids('Case', "Subject eq 'PRINTER BROKEN'")).toEqual([K.One]);
    expect(ids('Case', "Notes eq 'IT''S'")).toEqual([K.Three]);
    expect(ids('Contact', "Name eq 'Bob O''Brien'")).toEqual([C.Bob]);
    expect(ids('Case', "Subject gt 'm'")).toEqual([K.One, K.Two]);
    expect(ids('Case', "Notes eq ''")).toEqual([K.One]);
  });

  it('handles booleans as literals, properties and constants', () => {
    expect(ids('Case', 'ResponseOverdue eq true')).toEqual([K.Two]);
    expect(ids('Case', 'ResponseOverdue')).toEqual([K.Two]);
    expect(ids('Case', 'not ResponseOverdue')).toEqual([K.One, K.Three]);
    expect(ids('Case', 'true')).toEqual([K.One, K.Two, K.Three]);
    expect(ids('Case', 'false or Priority eq 5')).toEqual([K.Two]);
  });

  it('treats empty lookups, empty dates and dangling navigation as null', () => {
    expect(ids('Case', 'ContactId eq null')).toEqual([K.Two]);
    expect(ids('Case', 'ContactId ne null')).toEqual([K.One, K.Three]);
    expect(ids('Case', 'Contact eq null')).toEqual([K.Two]);
    expect(ids('Case', 'Owner eq null')).toEqual([K.Two]); // OwnerId points at a missing contact
    expect(ids('Case', 'RegisteredOn eq null')).toEqual([K.Three]);
    expect(ids('Case', 'RegisteredOn lt 2100-01-01')).toEqual([K.One, K.Two]);
    expect(ids('Case', "Owner/Name ne 'Alice'")).toEqual([K.One, K.Two]);
    expect(ids('Case', 'ContactId eq 00000000-0000-0000-0000-000000000000')).toEqual([]);
  });
});

describe('$filter navigation, functions and logic', () => {
  it('follows navigation paths, one and several levels', () => {
    expect(ids('Case', "Status/Name eq 'New'")).toEqual([K.One, K.Three]);
    expect(ids('Case', `Owner/Id eq ${C.Alice}`)).toEqual([K.Three]);
    expect(ids('Activity', "Case/Contact/Name eq 'alice'")).toEqual([A.One, A.Two]);
    expect(ids('Activity', 'Case/Status/IsFinal')).toEqual([A.Three]);
    expect(ids('Contact', "Manager/Manager/Name eq 'x' or Manager/Manager eq null")).toEqual([C.Alice, C.Bob]);
  });

  it('evaluates contains, startswith, endswith, also around tolower/toupper', () => {
    expect(ids('Case', "contains(Subject,'PRINTER')")).toEqual([K.One, K.Two]);
    expect(ids('Case', "startswith(Subject,'login')")).toEqual([K.Three]);
    expect(ids('Case', "endswith(Subject,'jammed')")).toEqual([K.Two]);
    expect(ids('Case', "contains(tolower(Subject),'jam')")).toEqual([K.Two]);
    expect(ids('Case', "toupper(Subject) eq 'LOGIN FAILS'")).toEqual([K.Three]);
    expect(ids('Case', "tolower(Status/Name) eq 'closed'")).toEqual([K.Two]);
    expect(ids('Case', "startswith(Contact/Email,'bob')")).toEqual([K.Three]);
    expect(ids('Case', "contains(Contact/Name,'')")).toEqual([K.One, K.Three]);
  });

  it('binds not tighter than and, and tighter than or', () => {
    expect(ids('Case', 'Priority eq 2 or Priority eq 5 and ResponseOverdue eq false')).toEqual([K.One]);
    expect(ids('Case', '(Priority eq 2 or Priority eq 5) and ResponseOverdue eq false')).toEqual([K.One]);
    expect(ids('Case', 'not ResponseOverdue and Priority gt 0')).toEqual([K.One]);
    expect(ids('Case', 'not (ResponseOverdue and Priority gt 0)')).toEqual([K.One, K.Three]);
    expect(ids('Case', "not contains(Subject,'printer') or Priority eq 5")).toEqual([K.Two, K.Three]);
    expect(failure('Case', "not Subject eq 'x'")).toBe(
      "A unary operator with an incompatible type was detected. Found operand type 'Edm.String' for operator kind 'Not'.",
    );
  });
});

describe('$filter errors (exact wording)', () => {
  it('names unknown properties like Creatio', () => {
    expect(failure('Case', 'Foo eq 1')).toBe("Could not find a property named 'Foo' on type 'Terrasoft.Configuration.OData.Case'.");
    expect(failure('Activity', "Case/Contact/Nme eq 'x'")).toBe(
      "Could not find a property named 'Nme' on type 'Terrasoft.Configuration.OData.Contact'.",
    );
  });

  it('rejects a quoted GUID or date with the incompatible-types message', () => {
    expect(failure('Case', `StatusId eq '${S.New}'`)).toBe(
      "A binary operator with incompatible types was detected. Found operand types 'Edm.Guid' and 'Edm.String' for operator kind 'Equal'.",
    );
    expect(failure('Case', "RegisteredOn gt '2026-09-15T06:00:00Z'")).toBe(
      "A binary operator with incompatible types was detected. Found operand types 'Edm.DateTimeOffset' and 'Edm.String' for operator kind 'GreaterThan'.",
    );
    expect(failure('Case', "Priority le 'x'")).toContain("'Edm.Int32' and 'Edm.String' for operator kind 'LessThanOrEqual'");
    expect(failure('Case', 'Subject and true')).toContain("'Edm.String' and 'Edm.Boolean' for operator kind 'And'");
  });

  it('reports syntax errors with their position', () => {
    expect(failure('Case', 'Priority eq')).toBe("Syntax error at position 11 in 'Priority eq'.");
    expect(failure('Case', '(Priority eq 1')).toBe("Syntax error at position 14 in '(Priority eq 1'.");
    expect(failure('Case', 'Priority eq 1)')).toBe("Syntax error at position 13 in 'Priority eq 1)'.");
    expect(failure('Case', 'Priority EQ 1')).toBe("Syntax error at position 9 in 'Priority EQ 1'.");
    expect(failure('Case', "Subject eq 'abc")).toBe("There is an unterminated string literal at position 11 in 'Subject eq 'abc'.");
    expect(failure('Case', 'Subject eq #')).toBe("Syntax error: character '#' is not valid at position 11 in 'Subject eq #'.");
    expect(failure('Case', 'RegisteredOn gt 2026-13-01')).toContain("The date-time literal '2026-13-01' at position 16");
    expect(failure('Case', `Priority eq ${'9'.repeat(40)}`)).toContain('is out of range');
  });

  it('names unsupported constructs and their position', () => {
    const not = (s: string) => `${s} is not supported by the Case Sync Lab simulator.`;
    expect(failure('Case', "Status/any(s: s/Name eq 'x')")).toBe(not("The lambda operator 'any' at position 7"));
    expect(failure('Case', "Subject in ('a','b')")).toBe(not("The 'in' operator at position 8"));
    expect(failure('Case', 'Priority has 1')).toBe(not("The 'has' operator at position 9"));
    expect(failure('Case', 'Priority add 1 eq 3')).toBe(not("The arithmetic operator 'add' at position 9"));
    expect(failure('Case', '(Priority mod 2 eq 0)')).toBe(not("The arithmetic operator 'mod' at position 10"));
    expect(failure('Case', 'length(Subject) eq 3')).toBe(not("The function 'length' at position 0"));
    expect(failure('Case', 'cast(Priority,Edm.String) eq 3')).toBe(not("The function 'cast' at position 0"));
    expect(failure('Case', '$it/Priority eq 3')).toBe(not("The '$it' expression at position 0"));
    expect(failure('Case', '-Priority eq 3')).toBe(not("The negation operator '-' at position 0"));
    expect(failure('Case', `StatusId eq guid'${S.New}'`)).toContain("The typed literal guid'...'");
    expect(failure('Case', 'frob(Subject)')).toBe(
      "An unknown function with name 'frob' was found. This may also be a function import or a key lookup on a navigation property, which is not allowed.",
    );
  });

  it('checks function signatures, boolean results and navigation operands', () => {
    expect(failure('Case', "contains(Priority,'1')")).toBe(
      "No function signature for the function with name 'contains' matches the specified arguments. The function signatures considered are: contains(Edm.String Nullable=true, Edm.String Nullable=true).",
    );
    expect(failure('Case', 'Subject')).toBe('The $filter expression must evaluate to a single boolean value.');
    expect(failure('Case', "Status eq 'x'")).toContain('is not a single value');
  });

  it('enforces the node count limit of 100 (reference §1.3)', () => {
    const clause = `Id eq ${K.One}`;
    expect(ids('Case', Array(20).fill(clause).join(' or '))).toEqual([K.One]);
    expect(failure('Case', Array(21).fill(clause).join(' or '))).toBe("The node count limit of '100' has been exceeded.");
    expect(failure('Case', `${'('.repeat(5000)}true${')'.repeat(5000)}`)).toBe('The recursion limit has been exceeded.');
  });
});
