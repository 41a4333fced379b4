import { describe, expect, it } from 'vitest';
import { createSmallDataset } from '../../test/support/odata-fuzz/small-dataset';
import { createSchemaModel } from '../schema/model';
import { ODataHttpError } from './odata-error';
import { parseQueryOptions } from './query-options';

const model = createSchemaModel(createSmallDataset().entities);
const parse = (query: string, entity = 'Case') => parseQueryOptions(model, entity, new URLSearchParams(query));

function failure(query: string, entity = 'Case'): string {
  try {
    parse(query, entity);
  } catch (err) {
    expect(err).toBeInstanceOf(ODataHttpError);
    expect((err as ODataHttpError).status).toBe(400);
    return (err as Error).message.replace('The query specified in the URI is not valid. ', '');
  }
  throw new Error(`accepted: ${query}`);
}

describe('parseQueryOptions', () => {
  it('parses select, expand with nested options, orderby, top, skip and count', () => {
    const o = parse(
      '$select=Subject,Id,Subject&$expand=Status($select=Name),Contact($select=Name;$expand=Manager($select=Email))' +
        '&$orderby=Status/Name desc,RegisteredOn&$top=5&$skip=10&$count=true&other=1',
    );
    expect(o.select).toEqual(['Subject', 'Id']);
    expect(o.expand).toEqual([
      { nav: 'Status', select: ['Name'] },
      { nav: 'Contact', select: ['Name'], expand: [{ nav: 'Manager', select: ['Email'] }] },
    ]);
    expect(o.orderby).toEqual([{ path: ['Status', 'Name'], desc: true }, { path: ['RegisteredOn'], desc: false }]);
    expect([o.top, o.skip, o.count]).toEqual([5, 10, true]);
    expect(parse('$select=*').select).toBeUndefined();
    expect(parse('$count=false&$top=0')).toEqual({ count: false, top: 0 });
  });

  it('rejects unknown and unsupported options, repeats and empty values', () => {
    expect(failure('$search=x')).toBe("The query option '$search' is not supported by the Case Sync Lab simulator.");
    expect(failure('$apply=groupby((Name))')).toContain("'$apply'");
    expect(failure('$skiptoken=1')).toContain("'$skiptoken'");
    expect(failure('$format=json')).toContain("'$format'");
    expect(failure('$foo=1')).toBe("The query parameter '$foo' is not supported.");
    expect(failure('$top=1&$top=2')).toBe("Query option '$top' was specified more than once, but it must be specified at most once.");
    expect(failure('$filter=')).toBe("The value for OData query '$filter' cannot be empty.");
  });

  it('validates $top, $skip and $count', () => {
    expect(failure('$top=-1')).toBe(
      "Invalid value '-1' for $top query option found. The $top query option requires a non-negative integer value.",
    );
    expect(failure('$skip=1.5')).toContain("Invalid value '1.5' for $skip");
    expect(failure('$top=3000000000')).toContain("Invalid value '3000000000' for $top");
    expect(failure('$count=yes')).toBe("'yes' is not a valid count option.");
  });

  it('names only the first unknown $select field (reference §1.3)', () => {
    expect(failure('$select=Subject,Foo,Bar')).toBe("Could not find a property named 'Foo' on type 'Terrasoft.Configuration.OData.Case'.");
    expect(failure('$select=Status/Name')).toContain("The path 'Status/Name' in $select");
    expect(failure('$select=Status')).toContain("Selecting the navigation property 'Status'");
    expect(failure('$select=Subject,')).toBe("Syntax error at position 8 in 'Subject,'.");
  });

  it('validates $expand', () => {
    expect(failure('$expand=Nope')).toBe("Could not find a property named 'Nope' on type 'Terrasoft.Configuration.OData.Case'.");
    expect(failure('$expand=Subject')).toBe(
      "Property 'Subject' on type 'Terrasoft.Configuration.OData.Case' is not a navigation property or complex property. Only navigation properties can be expanded.",
    );
    expect(failure('$expand=Status($select=Nope)')).toContain("'Nope' on type 'Terrasoft.Configuration.OData.CaseStatus'");
    expect(failure("$expand=Status($filter=Name eq 'x')")).toBe(
      "The nested query option '$filter' inside $expand at position 7 is not supported by the Case Sync Lab simulator.",
    );
    expect(failure('$expand=Status($top=1)')).toContain("'$top' inside $expand");
    expect(failure('$expand=*')).toContain("The wildcard '*' in $expand");
    expect(failure('$expand=Status,Status')).toBe("The navigation property 'Status' is expanded more than once.");
    expect(failure('$expand=Status($select=Name')).toBe("Syntax error at position 19 in 'Status($select=Name'.");
  });

  it('validates $orderby', () => {
    expect(failure('$orderby=Nope')).toContain("'Nope' on type 'Terrasoft.Configuration.OData.Case'");
    expect(failure('$orderby=Status/Nope desc')).toContain("'Nope' on type 'Terrasoft.Configuration.OData.CaseStatus'");
    expect(failure('$orderby=Subject up')).toBe("Syntax error at position 8 in 'Subject up'.");
    expect(failure('$orderby=tolower(Subject)')).toContain("The function 'tolower' in $orderby");
    expect(failure('$orderby=Status')).toBe('The $orderby expression must evaluate to a single value of primitive type.');
    expect(failure('$orderby=Id,Id desc')).toBe("Duplicate property named 'Id' is not supported in '$orderby'.");
  });

  it('answers 404 for an unknown entity set', () => {
    expect(() => parse('', 'Nope')).toThrow(ODataHttpError);
  });
});
