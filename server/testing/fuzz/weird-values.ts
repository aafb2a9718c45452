import fc from 'fast-check';

/** Text that has broken servers before: SQL and HTML metacharacters, escapes, and Unicode that is not what it seems. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\t\n\r',
  "'",
  '"',
  '\\',
  '%',
  '_',
  '%_%',
  "' OR '1'='1",
  "'; DROP TABLE contacts; --",
  '" OR ""="',
  '1; SELECT * FROM users',
  'UNION SELECT pin_hash FROM users --',
  '*/ /*',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '{{FirstName}}',
  '{{constructor.constructor("return 1")()}}',
  '${process.exit(1)}',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-0',
  '0x1F',
  '1e999',
  '9'.repeat(40),
  '\u0000',
  'a\u0000b',
  '\u200B\u200C\u200D\uFEFF',
  '\u202Eevil\u202C',
  '\uD800',
  '\uDFFF\uD800',
  '🙂👨‍👩‍👧‍👦🏳️‍🌈',
  'e\u0301\u0301\u0301\u0301',
  'Ｔｅｓｔ１２３',
  '١٢٣٤٥٦٧٨٩٠',
  'İıŞş',
  'ß'.repeat(20),
  '%00',
  '%ZZ',
  '%',
  '%C0%80',
  '../../etc/passwd',
  '..\\..\\windows',
  'http://evil.example/',
  '2024-02-30',
  '13/45/2024 99:99PM',
  '0000-00-00',
  '9999-12-31 23:59',
  '+1 (605) 555-0100',
  '6055550100',
  '1-800-FLOWERS',
  '+44 20 7946 0958',
  'STOP',
];

export const nastyString = fc.constantFrom(...NASTY_STRINGS);

/** A long run of one character or a repeated multi-byte sequence: limits, truncation and buffer sizes. */
export const hugeString = fc
  .tuple(fc.constantFrom('x', 'é', '🙂', '<', "'", '9', ' '), fc.constantFrom(51, 101, 256, 1601, 3001, 10_000, 100_000))
  .map(([unit, length]) => unit.repeat(length));

export const anyString = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: hugeString },
);

export const anyNumber = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 0.5, 2 ** 31, -(2 ** 31), 2 ** 53, 2 ** 53 + 2, Number.MAX_VALUE, Number.MIN_VALUE, 1e21),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value, leaning towards the wrong ones for a field. */
export const anyJsonValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: anyString },
  { weight: 3, arbitrary: anyNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(fc.oneof(anyString, anyNumber, fc.constant(null)), { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(anyString, fc.oneof(anyString, anyNumber), { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}') as unknown) },
  { weight: 1, arbitrary: fc.array(fc.constant({}), { minLength: 1000, maxLength: 1000 }) },
);

/**
 * JSON text nested `depth` levels deep, for parsers and serialisers that recurse and run out of stack. Written into
 * the body as text when the case runs (as a value it would overflow the test's own reporting too).
 */
export const deepNesting = fc.record({ depth: fc.constantFrom(50, 1000, 20_000), arrays: fc.boolean() });

export function deeplyNestedJson({ depth, arrays }: { depth: number; arrays: boolean }): string {
  return arrays ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** Number tokens that JSON allows but JavaScript cannot hold exactly (written into the body as they are). */
export const rawNumberToken = fc.constantFrom('1e999', '-1e999', '123456789012345678901234567890', '1E-400', '-0.0', '0.0000000000000000001');

/** Things put where an ID goes in a path (each is written into the URL as it is). */
export const badPathSegment = fc.oneof(
  fc.constantFrom(
    '0',
    '-1',
    '1.5',
    '1e3',
    '0x10',
    '00042',
    '2147483648',
    '9007199254740993',
    '99999999999999999999',
    '9'.repeat(400),
    'abc',
    '%20',
    '%2F',
    '%00',
    '%ZZ',
    '%2e%2e',
    '..',
    '%27%20OR%20%271%27%3D%271',
    '%3Cscript%3E',
    '%F0%9F%99%82',
    '%EF%BC%91',
    'null',
    'undefined',
  ),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }).map(percentEncode),
  fc.nat().map(String),
);

/** Page and page-size values, good and bad. */
export const pagingValue = fc.oneof(
  fc.constantFrom('1', '2', '1000', '1001', '0', '-1', '1.5', '1e3', '', ' ', 'abc', '999999999', '9999999999', '9'.repeat(30), '0x10', '+1'),
  fc.integer({ min: -5, max: 2000 }).map(String),
);

export const filterOperator = fc.constantFrom('eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'contains', 'in', 'EQ', 'like', '', 'between', 'eq~eq');

/** Percent-encodes any text, lone surrogates too (as the three UTF-8 bytes such a code unit would take). */
export function percentEncode(text: string): string {
  let encoded = '';
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    const next = text.charCodeAt(index + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      encoded += encodeURIComponent(text.slice(index, index + 2));
      index += 1;
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      encoded += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)].map((byte) => `%${byte.toString(16).toUpperCase()}`).join('');
    } else {
      encoded += encodeURIComponent(text[index]!);
    }
  }
  return encoded;
}

/** A query-string value: usually percent-encoded, sometimes written raw (malformed escapes and all). */
export const queryValue = fc.oneof(
  { weight: 4, arbitrary: anyString.map(percentEncode) },
  { weight: 1, arbitrary: fc.constantFrom('%', '%ZZ', '%FF', '%C0%80', '%00', '%ED%A0%80', '+', '&', '=', '==', '%26', '~', '~~', ',,,', 'a,b,c') },
  {
    weight: 1,
    arbitrary: fc.array(fc.constantFrom('1', '2', 'x', '', '2024-01-01', 'true'), { minLength: 1, maxLength: 120 }).map((values) => values.join(',')),
  },
);
