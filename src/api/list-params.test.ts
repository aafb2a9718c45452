import { describe, expect, it } from 'vitest';
import { buildListQuery } from './list-params.ts';

describe('buildListQuery', () => {
  it('is empty for the defaults', () => {
    expect(buildListQuery({})).toBe('');
    expect(buildListQuery({ page: 1 })).toBe('');
  });

  it('writes the documented filter forms', () => {
    expect(
      buildListQuery({
        filters: [
          { field: 'StartDate', op: 'gte', value: '2014-01-01' },
          { field: 'StartDate', op: 'lte', value: '2014-01-02' },
          { field: 'BroadcastStatus', op: 'eq', value: 'Completed' },
        ],
        pageSize: 10,
        page: 2,
      }),
    ).toBe('?StartDate~gte~2014-01-01&StartDate~lte~2014-01-02&BroadcastStatus=Completed&pagesize=10&page=2');
  });

  it('turns several equal values into one in-filter', () => {
    expect(buildListQuery({ filters: [{ field: 'BroadcastStatusCategory', op: 'eq', value: ['Scheduled', 'InProgress'] }] })).toBe(
      '?BroadcastStatusCategory~in~Scheduled%2CInProgress',
    );
  });

  it('skips filters without values', () => {
    expect(buildListQuery({ filters: [{ field: 'BroadcastType', op: 'in', value: [] }] })).toBe('');
  });

  it('encodes values that would break the query', () => {
    expect(buildListQuery({ filters: [{ field: 'ListName', op: 'contains', value: 'A&B = 50%' }], search: ' John Doe ' })).toBe(
      '?ListName~contains~A%26B%20%3D%2050%25&search=John%20Doe',
    );
  });

  it('sorts by several fields, descending with a minus', () => {
    expect(buildListQuery({ sort: [{ field: 'LastUpdated', desc: true }, { field: 'LastName' }] })).toBe('?sortby=-LastUpdated,LastName');
  });

  it('passes endpoint parameters through', () => {
    expect(buildListQuery({ extra: { 'date-from': '2020-10-01', unused: undefined } })).toBe('?date-from=2020-10-01');
  });
});
