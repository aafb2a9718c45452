import type { Feed } from '../../../src/contract/feed.ts';
import type { SandboxDatabase } from '../db/database.ts';
import { parseFilterDate } from '../time.ts';
import { SandboxError } from './errors.ts';

/**
 * The query language every collection shares (docs/decisions/0002-feed-query-language.md):
 *   page (1-based), pagesize (default 10, at most 1000), sortby=-Field,Field, search=text,
 *   Field=value, and Field~op~value with op in eq ne gt gte lt lte contains in.
 * Parameter and field names are case-insensitive; unknown names are refused with 400, never ignored.
 */

export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date';

export interface FieldSpec {
  /** The SQL expression the field maps to. */
  sql: string;
  type: FieldType;
  filterable?: boolean;
  sortable?: boolean;
  /** Accepted values of an enumerated string field. */
  values?: readonly string[];
  /** Other spellings an enumerated field accepts, by spelling: e.g. `{ Completed: 'Complete' }`. */
  aliases?: Readonly<Record<string, string>>;
  /** The value can be NULL: a keyset cursor cannot follow an order on it, so such pages use OFFSET. */
  nullable?: boolean;
  /** An index serves an order on this field, so a deep page costs no sort of everything before it. */
  indexed?: boolean;
}

export interface ListSpec {
  fields: Record<string, FieldSpec>;
  /** ORDER BY used when the request names none (without the tie-breaker). */
  defaultSort?: string;
  /** The default order in the `sortby` grammar (e.g. `-LastUpdated`), instead of `defaultSort`. */
  defaultSortBy?: string;
  /** A unique column appended to every ORDER BY so pages never overlap. */
  tieBreaker: string;
  /**
   * Keyset paging (docs/decisions/0060-keyset-cursors.md): Next links carry `after`, the last row's sort values, and
   * the next page starts there instead of skipping OFFSET rows. Needs a plain column as the tie-breaker; it takes
   * the direction of the last sort field, so one index serves the whole order.
   */
  keyset?: boolean;
  /** Turns the `search` text into a condition; null means "matches nothing special" (no condition). */
  search?: (term: string) => { sql: string; params: unknown[] } | null;
  /** Other query parameters the endpoint reads itself (lowercase). */
  extraParams?: readonly string[];
}

/** One term of an ORDER BY. */
export interface SortKey {
  sql: string;
  descending: boolean;
  collate: string;
}

export interface ListQuery {
  page: number;
  pageSize: number;
  where: string[];
  params: unknown[];
  orderBy: string;
  search: string | null;
  /** True when a field filter narrows the rows (not the search alone). */
  filtered: boolean;
  /** The whole order, tie-breaker last, when a keyset cursor can follow it; null otherwise. */
  sortKeys: SortKey[] | null;
  /** The sort values of the row the page starts after (`after=`), when the request carries a cursor. */
  after: unknown[] | null;
  /** The endpoint's own parameters, by lowercase name. */
  extras: Map<string, string>;
}

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 1000;
/**
 * How deep page numbers reach in an order no index serves (docs/decisions/0123-costly-sandbox-requests.md): deeper,
 * SQLite sorts every row before the page to skip them (1.6 s at a million contacts), so such a request is refused
 * and the Next link's cursor, a filter or a search goes further.
 */
export const MAX_UNINDEXED_PAGE_DEPTH = 10_000;
const operators = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'contains', 'in'] as const;
type Operator = (typeof operators)[number];
const comparisonSql: Record<'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte', string> = {
  eq: '=',
  ne: '<>',
  gt: '>',
  gte: '>=',
  lt: '<',
  lte: '<=',
};

const badQuery = (message: string) => new SandboxError('InvalidQueryParameter', message);

export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    throw badQuery(`The query string has a malformed escape sequence: ${value.slice(0, 40)}`);
  }
}

/** The query's pairs in order, still encoded, so links can carry them on unchanged. */
export function rawQueryPairs(url: URL): Array<[string, string]> {
  const query = url.search.startsWith('?') ? url.search.slice(1) : url.search;
  return query
    .split('&')
    .filter(Boolean)
    .map((part) => {
      const eq = part.indexOf('=');
      return eq === -1 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)];
    });
}

function parsePositiveInt(name: string, value: string, max?: number): number {
  if (!/^\d{1,9}$/.test(value.trim())) throw badQuery(`${name} must be a positive whole number.`);
  const parsed = Number(value);
  if (parsed < 1) throw badQuery(`${name} must be at least 1.`);
  if (max !== undefined && parsed > max) throw badQuery(`${name} must be at most ${max}.`);
  return parsed;
}

function findField(spec: ListSpec, name: string): [string, FieldSpec] | undefined {
  const lower = name.toLowerCase();
  return Object.entries(spec.fields).find(([fieldName]) => fieldName.toLowerCase() === lower);
}

function convertValue(field: string, fieldSpec: FieldSpec, raw: string, timeZone: string, endOfDay: boolean): unknown {
  switch (fieldSpec.type) {
    case 'string': {
      if (fieldSpec.values) {
        const alias = Object.entries(fieldSpec.aliases ?? {}).find(([spelling]) => spelling.toLowerCase() === raw.toLowerCase());
        if (alias) return alias[1];
        const match = fieldSpec.values.find((value) => value.toLowerCase() === raw.toLowerCase());
        if (match === undefined) {
          throw badQuery(`${field} must be one of: ${fieldSpec.values.map((value) => (value === '' ? '"" (empty)' : value)).join(', ')}.`);
        }
        return match;
      }
      return raw;
    }
    case 'integer':
      if (!/^-?\d{1,15}$/.test(raw.trim())) throw badQuery(`${field} must be a whole number.`);
      return Number(raw);
    case 'number': {
      const parsed = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(parsed)) throw badQuery(`${field} must be a number.`);
      return parsed;
    }
    case 'boolean': {
      const lower = raw.trim().toLowerCase();
      if (lower === 'true' || lower === '1') return 1;
      if (lower === 'false' || lower === '0') return 0;
      throw badQuery(`${field} must be true or false.`);
    }
    case 'date': {
      const parsed = parseFilterDate(raw, timeZone, endOfDay);
      if (parsed === null) throw badQuery(`${field} must be a date such as 2024-01-31 or 2024-01-31 13:30.`);
      return parsed;
    }
  }
}

const isBareDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value.trim());
/** Escapes LIKE's wildcards in user text (used with `ESCAPE '\\'`). */
export const escapeLike = (value: string) => value.replace(/[\\%_]/g, (ch) => `\\${ch}`);

function filterCondition(field: string, fieldSpec: FieldSpec, op: Operator, raw: string, timeZone: string): { sql: string; params: unknown[] } {
  const column = fieldSpec.sql;
  if (op === 'contains') {
    if (fieldSpec.type !== 'string') throw badQuery(`contains works on text fields only, not ${field}.`);
    return { sql: `${column} LIKE ? ESCAPE '\\'`, params: [`%${escapeLike(raw)}%`] };
  }
  if (op === 'in') {
    const values = raw.split(',').filter((value) => value.length > 0);
    if (values.length === 0 || values.length > 100) throw badQuery(`${field}~in~ needs 1 to 100 comma-separated values.`);
    const converted = values.map((value) => convertValue(field, fieldSpec, value, timeZone, false));
    return { sql: `${column} IN (${converted.map(() => '?').join(',')})`, params: converted };
  }
  // A bare date compared for equality means the whole day.
  if (fieldSpec.type === 'date' && isBareDate(raw) && (op === 'eq' || op === 'ne')) {
    const from = convertValue(field, fieldSpec, raw, timeZone, false);
    const to = convertValue(field, fieldSpec, raw, timeZone, true);
    return op === 'eq'
      ? { sql: `${column} BETWEEN ? AND ?`, params: [from, to] }
      : { sql: `(${column} IS NULL OR ${column} NOT BETWEEN ? AND ?)`, params: [from, to] };
  }
  const endOfDay = fieldSpec.type === 'date' && (op === 'lte' || op === 'gt');
  const value = convertValue(field, fieldSpec, raw, timeZone, endOfDay);
  const collate = fieldSpec.type === 'string' ? ' COLLATE NOCASE' : '';
  return { sql: `${column}${collate} ${comparisonSql[op]} ?`, params: [value] };
}

function parseSort(spec: ListSpec, value: string): Array<SortKey & { nullable: boolean; indexed: boolean; name: string }> {
  const parts = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0) throw badQuery('sortby needs at least one field, e.g. sortby=-LastUpdated.');
  return parts.map((part) => {
    const descending = part.startsWith('-');
    const name = part.replace(/^[-+]/, '');
    const found = findField(spec, name);
    if (!found || found[1].sortable === false) {
      const sortable = Object.entries(spec.fields)
        .filter(([, field]) => field.sortable !== false)
        .map(([fieldName]) => fieldName);
      throw badQuery(`Cannot sort by ${name}. Sort by one of: ${sortable.join(', ')}.`);
    }
    return {
      sql: found[1].sql,
      descending,
      collate: found[1].type === 'string' ? ' COLLATE NOCASE' : '',
      nullable: found[1].nullable === true,
      indexed: found[1].indexed === true || found[1].sql === spec.tieBreaker,
      name: found[0],
    };
  });
}

const orderTerm = (key: SortKey) => `${key.sql}${key.collate} ${key.descending ? 'DESC' : 'ASC'}`;

/**
 * The ORDER BY of a sort, tie-breaker last. On a keyset feed the tie-breaker follows the last field's direction
 * (so an index on the field serves the whole order) and the keys are kept for the cursor.
 */
function orderOf(spec: ListSpec, keys: ReturnType<typeof parseSort>): Pick<ListQuery, 'orderBy' | 'sortKeys'> {
  if (!spec.keyset) {
    const sort = keys.length > 0 ? keys.map(orderTerm).join(', ') : spec.defaultSort;
    return { orderBy: sort ? `${sort}, ${spec.tieBreaker}` : spec.tieBreaker, sortKeys: null };
  }
  // The tie-breaker is unique: whatever is sorted after it changes nothing.
  const own = keys.findIndex((key) => key.sql === spec.tieBreaker);
  const fields = own === -1 ? keys : keys.slice(0, own);
  const descending = (own === -1 ? keys.at(-1) : keys[own])?.descending ?? false;
  const sortKeys = [
    ...fields.map(({ sql, collate, ...key }) => ({ sql, descending: key.descending, collate })),
    { sql: spec.tieBreaker, descending, collate: '' },
  ];
  return { orderBy: sortKeys.map(orderTerm).join(', '), sortKeys: fields.some((key) => key.nullable) ? null : sortKeys };
}

/** `after=` is the last row's sort values as base64url JSON, written by `feedLinks`. */
export function encodeCursor(values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

function decodeCursor(value: string, keys: readonly SortKey[] | null): unknown[] {
  if (!keys) throw badQuery('after cannot follow this order; page through it with page instead.');
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    values = null;
  }
  const valid =
    Array.isArray(values) &&
    values.length === keys.length &&
    values.every((item) => typeof item === 'string' || (typeof item === 'number' && Number.isFinite(item)));
  if (!valid) throw badQuery('after is not a cursor of this list; use the Next link as it is.');
  return values as unknown[];
}

/**
 * The rows after the cursor in the order of `keys`. One direction throughout compares row values, which an index
 * on the order answers with one range; mixed directions spell the comparison out.
 */
function afterCondition(keys: readonly SortKey[], values: readonly unknown[]): { sql: string; params: unknown[] } {
  const term = (key: SortKey) => `${key.sql}${key.collate}`;
  if (keys.every((key) => key.descending === keys[0]!.descending)) {
    const operator = keys[0]!.descending ? '<' : '>';
    return { sql: `(${keys.map(term).join(', ')}) ${operator} (${keys.map(() => '?').join(', ')})`, params: [...values] };
  }
  const alternatives = keys.map((key, index) => {
    const equal = keys.slice(0, index).map((earlier) => `${term(earlier)} = ?`);
    return { sql: [...equal, `${term(key)} ${key.descending ? '<' : '>'} ?`].join(' AND '), params: values.slice(0, index + 1) };
  });
  return {
    sql: alternatives.map((alternative) => `(${alternative.sql})`).join(' OR '),
    params: alternatives.flatMap((alternative) => alternative.params),
  };
}

export function parseListQuery(url: URL, spec: ListSpec, timeZone: string): ListQuery {
  const query: ListQuery = {
    page: 1,
    pageSize: DEFAULT_PAGE_SIZE,
    where: [],
    params: [],
    ...orderOf(spec, spec.defaultSortBy ? parseSort(spec, spec.defaultSortBy) : []),
    search: null,
    filtered: false,
    after: null,
    extras: new Map(),
  };
  let cursor: string | null = null;
  let unindexedSort: string[] = [];
  for (const [rawName, rawValue] of rawQueryPairs(url)) {
    const name = safeDecode(rawName);
    const value = safeDecode(rawValue);
    const lower = name.toLowerCase();
    if (lower === 'page') query.page = parsePositiveInt('page', value);
    else if (lower === 'pagesize') query.pageSize = parsePositiveInt('pagesize', value, MAX_PAGE_SIZE);
    else if (lower === 'sortby') {
      const keys = parseSort(spec, value);
      unindexedSort = keys.filter((key) => !key.indexed).map((key) => key.name);
      Object.assign(query, orderOf(spec, keys));
    } else if (lower === 'after' && spec.keyset) cursor = value;
    else if (lower === 'search') {
      const term = value.trim();
      if (term.length > 200) throw badQuery('search is limited to 200 characters.');
      if (term && spec.search) {
        const condition = spec.search(term);
        query.search = term;
        if (condition) {
          query.where.push(condition.sql);
          query.params.push(...condition.params);
        }
      } else if (term) {
        throw badQuery('This collection cannot be searched; use filters instead.');
      }
    } else if (spec.extraParams?.includes(lower)) query.extras.set(lower, value);
    else {
      const [fieldName = '', opName, ...rest] = name.split('~');
      const op = (opName ?? 'eq').toLowerCase();
      // `Field~op~value` carries its value in the name; `Field~op=value` is accepted too.
      const operand = opName === undefined ? value : rest.length > 0 ? rest.join('~') : value;
      if (!(operators as readonly string[]).includes(op)) {
        throw badQuery(`Unknown operator "${opName}" in ${name}. Use one of: ${operators.join(', ')}.`);
      }
      const found = findField(spec, fieldName);
      if (!found || found[1].filterable === false) {
        const filterable = Object.entries(spec.fields)
          .filter(([, field]) => field.filterable !== false)
          .map(([field]) => field);
        throw badQuery(`Unknown parameter ${fieldName}. Filter on one of: ${filterable.join(', ')}.`);
      }
      const condition = filterCondition(found[0], found[1], op as Operator, operand, timeZone);
      query.where.push(condition.sql);
      query.params.push(...condition.params);
      query.filtered = true;
    }
  }
  if (cursor !== null) query.after = decodeCursor(cursor, query.sortKeys);
  // A keyset feed has a cheaper way down (the cursor); on the others, paging is all there is.
  if (spec.keyset && query.after === null && unindexedSort.length > 0 && query.page * query.pageSize > MAX_UNINDEXED_PAGE_DEPTH) {
    throw badQuery(
      `Sorted by ${unindexedSort.join(', ')}, page numbers reach the first ${MAX_UNINDEXED_PAGE_DEPTH.toLocaleString('en-US')} rows; ` +
        'follow the Next link (it carries a cursor), or narrow the list with a filter or a search.',
    );
  }
  return query;
}

/**
 * Previous/Next links: the request's own path and query with `page` replaced, so filters carry over. Given the last
 * row's cursor, Next also carries `after=` (keyset feeds); Previous goes by page.
 */
export function feedLinks(url: URL, page: number, pageSize: number, total: number, nextCursor?: string | null) {
  const pairs = rawQueryPairs(url).filter(([name]) => !['page', 'after'].includes(safeDecode(name).toLowerCase()));
  const link = (target: number, cursor?: string | null) => {
    const query = [
      ...pairs.map(([name, value]) => (value === '' && name.includes('~') ? name : `${name}=${value}`)),
      `page=${target}`,
      ...(cursor ? [`after=${cursor}`] : []),
    ];
    return `${url.pathname}?${query.join('&')}`;
  };
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  return {
    Previous: page > 1 ? link(Math.min(page - 1, lastPage)) : null,
    Next: page < lastPage ? link(page + 1, nextCursor) : null,
  };
}

type CachedStatement = ReturnType<SandboxDatabase['prepare']> & {
  all(...params: unknown[]): unknown[];
  get(...params: unknown[]): unknown;
  run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
};

const statementCache = new WeakMap<SandboxDatabase, Map<string, CachedStatement>>();

/** Prepared statements are cached per database and SQL text; list queries repeat the same few shapes. */
export function prepareCached(db: SandboxDatabase, sql: string): CachedStatement {
  let cache = statementCache.get(db);
  if (!cache) {
    cache = new Map();
    statementCache.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare<unknown[]>(sql) as CachedStatement;
    if (cache.size > 500) cache.clear();
    cache.set(sql, statement);
  }
  return statement;
}

export interface FeedSource {
  /** FROM clause, joins included. */
  from: string;
  /** Conditions every row must meet (scoping, permissions). */
  where: string[];
  params: unknown[];
  select: string;
}

/** Next links carry a cursor once the next page starts this far in; nearer pages are cheap to skip to. */
export const KEYSET_FROM_ROW = 1000;

const whereClause = (conditions: readonly string[]) => (conditions.length ? `WHERE ${conditions.map((condition) => `(${condition})`).join(' AND ')}` : '');

/**
 * Runs a list query: one COUNT for `Size` (unless the caller knows it, as `total`), one page of rows, mapped to API
 * items, with links. A request with a cursor reads the rows after it; otherwise the page's OFFSET.
 */
export function queryFeed<Row, Item>(
  db: SandboxDatabase,
  url: URL,
  source: FeedSource,
  query: ListQuery,
  toItem: (row: Row) => Item,
  known: { total?: number } = {},
): Feed<Item> {
  const conditions = [...source.where, ...query.where];
  const params = [...source.params, ...query.params];
  const total =
    known.total ?? (prepareCached(db, `SELECT COUNT(*) AS total FROM ${source.from} ${whereClause(conditions)}`).get(...params) as { total: number }).total;
  const keys = query.sortKeys;
  const after = query.after && keys ? afterCondition(keys, query.after) : null;
  // A deep page's last row gives the cursor of the next one; shallow pages have no cursor to make.
  const deep = query.page * query.pageSize >= KEYSET_FROM_ROW;
  const cursorKeys = deep ? keys : null;
  const keyColumns = cursorKeys ? cursorKeys.map((key, index) => `, ${key.sql} AS sort_key_${index}`).join('') : '';
  const rows = prepareCached(
    db,
    `SELECT ${source.select}${keyColumns} FROM ${source.from} ${whereClause(after ? [...conditions, after.sql] : conditions)}
     ORDER BY ${query.orderBy} LIMIT ? OFFSET ?`,
  ).all(...params, ...(after?.params ?? []), query.pageSize, after ? 0 : (query.page - 1) * query.pageSize) as Array<Row & Record<string, unknown>>;
  const last = rows.at(-1);
  const nextCursor = cursorKeys && last ? encodeCursor(cursorKeys.map((_, index) => last[`sort_key_${index}`])) : null;
  const items = cursorKeys ? rows.map((row) => Object.fromEntries(Object.entries(row).filter(([name]) => !name.startsWith('sort_key_'))) as Row) : rows;
  return { Size: total, Items: items.map(toItem), ...feedLinks(url, query.page, query.pageSize, total, nextCursor) };
}
