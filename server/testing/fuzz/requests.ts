import fc from 'fast-check';
import type { FuzzBody, FuzzEndpoint, IdKind, IdPool } from './endpoints.ts';
import {
  anyJsonValue,
  anyString,
  badPathSegment,
  deepNesting,
  deeplyNestedJson,
  filterOperator,
  pagingValue,
  percentEncode,
  queryValue,
  rawNumberToken,
} from './weird-values.ts';

/**
 * One fuzz case, described before the sandbox's current IDs are known: real IDs are picked by index when the case
 * runs (the data changes as the fuzz goes), and body mutations are applied to the endpoint's valid body then.
 */
export interface FuzzCase {
  endpoint: FuzzEndpoint;
  /** Usually the endpoint's; now and then another, which the route does not take. */
  method: string;
  params: Array<{ real: number } | { raw: string }>;
  query: string[];
  body: BodyMutation | null;
  as: 'master' | 'limited';
  /** Unique per case: new names and numbers in valid bodies. */
  n: number;
}

type BodyMutation =
  | { kind: 'valid' }
  | { kind: 'none' }
  | { kind: 'drop'; path: number }
  | { kind: 'replace'; path: number; value: unknown }
  | { kind: 'rawNumber'; path: number; token: string }
  | { kind: 'deep'; path: number; depth: number; arrays: boolean }
  | { kind: 'extra'; key: string; value: unknown }
  | { kind: 'whole'; value: unknown }
  | { kind: 'malformed'; variant: number; at: number }
  | { kind: 'contentType'; contentType: string | null }
  | { kind: 'oversized' };

const bodyMutation: fc.Arbitrary<BodyMutation> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'valid' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 3, arbitrary: fc.nat().map((path) => ({ kind: 'drop' as const, path })) },
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('replace' as const), path: fc.nat(), value: anyJsonValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rawNumber' as const), path: fc.nat(), token: rawNumberToken }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('deep' as const), path: fc.nat(), depth: deepNesting.map(({ depth }) => depth), arrays: fc.boolean() }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('extra' as const), key: anyString, value: anyJsonValue }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('whole' as const), value: anyJsonValue }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('malformed' as const), variant: fc.nat(), at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('contentType' as const),
      contentType: fc.constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data',
        'multipart/form-data; boundary=x',
        'application/xml',
        'application/json; charset=utf-16',
        'text/csv',
        'audio/mpeg',
        '',
        null,
      ),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'oversized' as const }) },
);

const caseVariants = (name: string) => fc.constantFrom(name, name.toLowerCase(), name.toUpperCase());

function queryPair(endpoint: FuzzEndpoint): fc.Arbitrary<string> {
  const fields = endpoint.feed ?? [];
  const field = fields.length > 0 ? fc.constantFrom(...fields).chain(caseVariants) : fc.constant('FirstName');
  const pairs: Array<fc.Arbitrary<string>> = [
    fc.tuple(fc.constantFrom('page', 'pagesize', 'PageSize', 'PAGE'), pagingValue).map(([name, value]) => `${name}=${percentEncode(value)}`),
    fc
      .array(fc.tuple(fc.constantFrom('', '-', '+', '--'), fc.oneof(field, anyString)), { minLength: 1, maxLength: 3 })
      .map((parts) => `sortby=${percentEncode(parts.map(([sign, name]) => `${sign}${name}`).join(','))}`),
    queryValue.map((value) => `search=${value}`),
    fc.tuple(field, queryValue).map(([name, value]) => `${name}=${value}`),
    fc.tuple(field, filterOperator, queryValue).map(([name, op, value]) => `${name}~${op}~${value}`),
    fc.tuple(field, filterOperator, queryValue).map(([name, op, value]) => `${name}~${op}=${value}`),
    fc.tuple(anyString, queryValue).map(([name, value]) => `${percentEncode(name)}=${value}`),
    fc.constantFrom('&', '=', '==x', '%', 'x', '~', '%ZZ=1', 'page', 'a=1=2'),
  ];
  if (endpoint.query?.length) {
    pairs.push(fc.tuple(fc.constantFrom(...endpoint.query).chain(caseVariants), queryValue).map(([name, value]) => `${name}=${value}`));
    pairs.push(
      fc
        .tuple(fc.constantFrom(...endpoint.query), fc.constantFrom('true', 'false', 'Call', 'Text', '2024-01-01', '2024-12-31', 'export.csv', '18338028132'))
        .map(([name, value]) => `${name}=${value}`),
    );
  }
  return fc.oneof(...pairs);
}

const otherMethods = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];

/** Cases for one endpoint: its method (mostly), real or bad IDs, a query, and a body as sent or mangled. */
export function fuzzCase(endpoint: FuzzEndpoint): fc.Arbitrary<FuzzCase> {
  const paramCount = Object.keys(endpoint.params ?? {}).length;
  const isList = (endpoint.feed?.length ?? 0) > 0 || (endpoint.query?.length ?? 0) > 0;
  return fc.record({
    endpoint: fc.constant(endpoint),
    method: fc.oneof(
      { weight: 19, arbitrary: fc.constant(endpoint.method) },
      { weight: 1, arbitrary: fc.constantFrom(...otherMethods.filter((method) => method !== endpoint.method)) },
    ),
    params: fc.array(fc.oneof({ weight: 7, arbitrary: fc.nat().map((real) => ({ real })) }, { weight: 3, arbitrary: badPathSegment.map((raw) => ({ raw })) }), {
      minLength: paramCount,
      maxLength: paramCount,
    }),
    query: fc.oneof(
      { weight: isList ? 1 : 4, arbitrary: fc.constant<string[]>([]) },
      { weight: isList ? 4 : 1, arbitrary: fc.array(queryPair(endpoint), { minLength: 1, maxLength: 4 }) },
    ),
    body: endpoint.body ? bodyMutation : fc.option(bodyMutation, { freq: 4 }),
    as: fc.oneof({ weight: 4, arbitrary: fc.constant('master' as const) }, { weight: 1, arbitrary: fc.constant('limited' as const) }),
    n: fc.nat(),
  });
}

/** Paths into a JSON value (object keys and array items, at every depth), for mutations to aim at. */
function pathsOf(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return value.flatMap((item, index) => [[...prefix, index], ...pathsOf(item, [...prefix, index])]);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...pathsOf(item, [...prefix, key])]);
  }
  return [];
}

function withAt(value: unknown, path: Array<string | number>, change: (parent: Record<string | number, unknown>, key: string | number) => void): unknown {
  const copy = structuredClone(value);
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  change(parent, path.at(-1)!);
  return copy;
}

const RAW_MARKER = '__fuzz_raw_number__';

function malformed(text: string, variant: number, at: number): string {
  const cut = text.length === 0 ? 0 : at % text.length;
  const variants = [
    () => text.slice(0, cut),
    () => `${text}}`,
    () => `${text.slice(0, -1)},}`,
    () => text.replace(':', '='),
    () => text.replaceAll('"', "'"),
    () => `\uFEFF${text}`,
    () => `${text}\n${text}`,
    () => text.replace(/"[^"]*"/, 'NaN'),
    () => text.replace(/"[^"]*"/, 'undefined'),
    () => `/* comment */${text}`,
    () => text.replace(/"([^"]*)"/, '"\\ud800\\u0000$1\\x41"'),
    () => text.replace('{', '{"a":1,"a":2,'),
    () => `${' '.repeat(10_000)}${text}`,
    () => '\u0000',
    () => '{"a":',
    () => `[${'['.repeat(5000)}`,
  ];
  return variants[variant % variants.length]!();
}

/** The body the case sends, built from the endpoint's valid body and the current IDs. */
export function bodyOf(fuzz: FuzzCase, ids: IdPool): FuzzBody | null {
  const mutation = fuzz.body;
  if (!mutation) return null;
  const valid = fuzz.endpoint.body?.(ids, fuzz.n) ?? { kind: 'json' as const, value: { Extra: 'field' } };
  if (mutation.kind === 'valid') return valid;
  if (mutation.kind === 'none') return fuzz.endpoint.bodyRequired ? valid : null;
  if (mutation.kind === 'oversized') return { kind: 'raw', text: `{"a":"${'x'.repeat(4.5 * 1024 * 1024)}"}`, contentType: 'application/json' };
  if (valid.kind === 'raw') return mangledUpload(valid, mutation);
  const value = valid.value;
  const paths = pathsOf(value);
  const target = (index: number) => paths[index % Math.max(1, paths.length)];
  switch (mutation.kind) {
    case 'drop': {
      const path = target(mutation.path);
      if (!path) return null;
      return {
        kind: 'json',
        value: withAt(value, path, (parent, key) => {
          if (Array.isArray(parent)) parent.splice(Number(key), 1);
          else Reflect.deleteProperty(parent, key);
        }),
      };
    }
    case 'replace': {
      const path = target(mutation.path);
      return { kind: 'json', value: path ? withAt(value, path, (parent, key) => (parent[key] = mutation.value)) : mutation.value };
    }
    case 'rawNumber':
    case 'deep': {
      const path = target(mutation.path) ?? [];
      const marked = path.length ? withAt(value, path, (parent, key) => (parent[key] = RAW_MARKER)) : RAW_MARKER;
      const token = mutation.kind === 'deep' ? deeplyNestedJson(mutation) : mutation.token;
      return { kind: 'raw', text: JSON.stringify(marked).replace(`"${RAW_MARKER}"`, token), contentType: 'application/json' };
    }
    case 'extra':
      return {
        kind: 'json',
        value: Array.isArray(value)
          ? [...value, mutation.value]
          : value !== null && typeof value === 'object'
            ? { ...value, [mutation.key]: mutation.value }
            : mutation.value,
      };
    case 'whole':
      return { kind: 'json', value: mutation.value };
    case 'malformed':
      return { kind: 'raw', text: malformed(JSON.stringify(value), mutation.variant, mutation.at), contentType: 'application/json' };
    case 'contentType':
      return { kind: 'raw', text: JSON.stringify(value), contentType: mutation.contentType };
  }
}

/** Uploads are bytes, not JSON: their mutations cut, replace or extend the bytes, or change the declared type. */
function mangledUpload(valid: Extract<FuzzBody, { kind: 'raw' }>, mutation: BodyMutation): FuzzBody {
  const bytes = Buffer.from(valid.text);
  const asText = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));
  switch (mutation.kind) {
    case 'contentType':
      return { ...valid, contentType: mutation.contentType };
    case 'malformed':
      return { ...valid, text: malformed(bytes.toString('latin1'), mutation.variant, mutation.at) };
    case 'drop':
      return { ...valid, text: bytes.subarray(0, mutation.path % Math.max(1, bytes.length)) };
    case 'replace':
    case 'whole':
      return { ...valid, text: asText(mutation.value) };
    case 'extra':
      return { ...valid, text: Buffer.concat([bytes, Buffer.from(asText(mutation.value))]) };
    default:
      return { ...valid, text: Buffer.concat([Buffer.from(mutation.kind === 'rawNumber' ? mutation.token : ''), bytes]) };
  }
}

/** The request path with each parameter a real ID (by index into the pool) or a bad one. */
export function pathOf(fuzz: FuzzCase, ids: IdPool): string {
  const kinds = Object.values(fuzz.endpoint.params ?? {});
  let index = 0;
  return fuzz.endpoint.route.replace(/:[A-Za-z]+/g, () => {
    const kind = kinds[index]!;
    const param = fuzz.params[index]!;
    index += 1;
    if ('raw' in param) return param.raw;
    if (kind === 'fileName') return ['welcome.mp3', 'a.wav', 'x', 'report.MP3', 'no-extension', 'a%20b.mp3'][param.real % 6]!;
    const pool = ids[kind as IdKind];
    return percentEncode(pool[param.real % Math.max(1, pool.length)] ?? '1');
  });
}
