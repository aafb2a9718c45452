import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { type SandboxError } from './errors.ts';
import { feedLinks, parseListQuery, queryFeed, type ListSpec } from './list-query.ts';

const TZ = 'America/Chicago';
const spec: ListSpec = {
  fields: {
    BroadcastName: { sql: 'name', type: 'string' },
    BroadcastStatus: { sql: 'status', type: 'string', values: ['Complete', 'InProgress'], aliases: { Completed: 'Complete' } },
    PhoneNumberCount: { sql: 'count', type: 'integer' },
    StartDate: { sql: 'start_at', type: 'date' },
    IsDone: { sql: 'done', type: 'boolean' },
    Secret: { sql: 'secret', type: 'string', filterable: false, sortable: false },
  },
  defaultSort: 'start_at DESC',
  tieBreaker: 'id DESC',
  search: (term) => ({ sql: 'name LIKE ?', params: [`%${term}%`] }),
};

const parse = (query: string) => parseListQuery(new URL(`http://x/v1/broadcasts?${query}`), spec, TZ);
const errorOf = (query: string) => {
  try {
    parse(query);
  } catch (error) {
    return (error as SandboxError).message;
  }
  return null;
};

describe('parseListQuery', () => {
  it('defaults to page 1 of 10 in the default order', () => {
    expect(parse('')).toMatchObject({ page: 1, pageSize: 10, where: [], orderBy: 'start_at DESC, id DESC' });
  });

  it('reads paging case-insensitively, as the prose spells it', () => {
    expect(parse('PageSize=25&Page=3')).toMatchObject({ page: 3, pageSize: 25 });
  });

  it('turns the documented filter forms into conditions', () => {
    const query = parse('StartDate~gte~2014-01-01&StartDate~lte~2014-01-02&BroadcastStatus=complete');
    expect(query.where).toEqual(['start_at >= ?', 'start_at <= ?', 'status COLLATE NOCASE = ?']);
    // Dates are read in the user's zone; a bare upper bound includes its whole day.
    expect(query.params).toEqual([Date.parse('2014-01-01T06:00:00Z'), Date.parse('2014-01-03T06:00:00Z') - 1, 'Complete']);
  });

  it('supports contains, in, ne and booleans', () => {
    const query = parse('BroadcastName~contains~50%25_off&PhoneNumberCount~in~1,2&IsDone=false&BroadcastStatus~ne~InProgress');
    expect(query.where).toEqual(["name LIKE ? ESCAPE '\\'", 'count IN (?,?)', 'done = ?', 'status COLLATE NOCASE <> ?']);
    expect(query.params).toEqual(['%50\\%\\_off%', 1, 2, 0, 'InProgress']);
  });

  it('accepts an enumerated value under another spelling', () => {
    expect(parse('BroadcastStatus=Completed').params).toEqual(['Complete']);
    expect(parse('BroadcastStatus~in~completed,InProgress').params).toEqual(['Complete', 'InProgress']);
  });

  it('sorts by several fields, descending with a minus', () => {
    expect(parse('sortby=-PhoneNumberCount,BroadcastName').orderBy).toBe('count DESC, name COLLATE NOCASE ASC, id DESC');
  });

  it('adds the search condition', () => {
    const query = parse('search=spring');
    expect(query).toMatchObject({ search: 'spring', where: ['name LIKE ?'], params: ['%spring%'] });
  });

  it.each([
    ['page=0', 'page must be at least 1.'],
    ['pagesize=1001', 'pagesize must be at most 1000.'],
    ['page=abc', 'page must be a positive whole number.'],
    ['Nope=1', 'Unknown parameter Nope. Filter on one of: BroadcastName, BroadcastStatus, PhoneNumberCount, StartDate, IsDone.'],
    ['Secret=1', 'Unknown parameter Secret. Filter on one of: BroadcastName, BroadcastStatus, PhoneNumberCount, StartDate, IsDone.'],
    ['StartDate~after~2014-01-01', 'Unknown operator "after" in StartDate~after~2014-01-01. Use one of: eq, ne, gt, gte, lt, lte, contains, in.'],
    ['StartDate~gte~yesterday', 'StartDate must be a date such as 2024-01-31 or 2024-01-31 13:30.'],
    ['BroadcastStatus=Lost', 'BroadcastStatus must be one of: Complete, InProgress.'],
    ['PhoneNumberCount~contains~1', 'contains works on text fields only, not PhoneNumberCount.'],
    ['sortby=-Secret', 'Cannot sort by Secret. Sort by one of: BroadcastName, BroadcastStatus, PhoneNumberCount, StartDate, IsDone.'],
    ['IsDone=maybe', 'IsDone must be true or false.'],
    ['search=%E0%A4%A', 'The query string has a malformed escape sequence: %E0%A4%A'],
  ])('refuses %s with a clear message', (query, message) => {
    expect(errorOf(query)).toBe(message);
  });
});

describe('feedLinks', () => {
  it('carries the filters and replaces the page, as the seed example shows', () => {
    const url = new URL('http://x/v1/broadcasts?StartDate~gte~2014-01-01&StartDate~lte~2014-01-02&BroadcastStatus=Completed&pagesize=10&page=1');
    expect(feedLinks(url, 1, 10, 25)).toEqual({
      Previous: null,
      Next: '/v1/broadcasts?StartDate~gte~2014-01-01&StartDate~lte~2014-01-02&BroadcastStatus=Completed&pagesize=10&page=2',
    });
  });

  it('has no Next on the last page and a Previous after the first', () => {
    const url = new URL('http://x/v1/contacts?page=3');
    expect(feedLinks(url, 3, 10, 25)).toEqual({ Previous: '/v1/contacts?page=2', Next: null });
  });
});

describe('queryFeed', () => {
  const db = new Database(':memory:');
  beforeAll(() => {
    db.exec('CREATE TABLE b (id INTEGER PRIMARY KEY, name TEXT, status TEXT, count INTEGER, start_at INTEGER, done INTEGER, secret TEXT)');
    const insert = db.prepare('INSERT INTO b (name, status, count, start_at, done) VALUES (?, ?, ?, ?, ?)');
    for (let i = 1; i <= 23; i += 1) insert.run(`Broadcast ${i}`, i % 2 ? 'Complete' : 'InProgress', i, 1_000_000 + i, i % 3 === 0 ? 1 : 0);
  });

  it('counts every match in Size and returns one page of Items', () => {
    const url = new URL('http://x/v1/broadcasts?BroadcastStatus=Complete&pagesize=5&page=2');
    const feed = queryFeed(db, url, { from: 'b', where: [], params: [], select: '*' }, parseListQuery(url, spec, TZ), (row: { name: string }) => row.name);
    expect(feed.Size).toBe(12);
    expect(feed.Items).toEqual(['Broadcast 13', 'Broadcast 11', 'Broadcast 9', 'Broadcast 7', 'Broadcast 5']);
    expect(feed.Previous).toBe('/v1/broadcasts?BroadcastStatus=Complete&pagesize=5&page=1');
    expect(feed.Next).toBe('/v1/broadcasts?BroadcastStatus=Complete&pagesize=5&page=3');
  });

  it('answers an empty page past the end, with a Previous link to the last page', () => {
    const url = new URL('http://x/v1/broadcasts?pagesize=10&page=9');
    const feed = queryFeed(db, url, { from: 'b', where: [], params: [], select: '*' }, parseListQuery(url, spec, TZ), (row) => row);
    expect(feed).toMatchObject({ Size: 23, Items: [], Next: null, Previous: '/v1/broadcasts?pagesize=10&page=3' });
  });
});
