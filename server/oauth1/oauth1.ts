import { createHmac, createSecretKey, randomUUID, type KeyObject } from 'node:crypto';

/**
 * OAuth 1.0a HMAC-SHA1 as the Call-Em-All v1 API uses it (RFC 5849, no token secret by default).
 * Pure functions: the caller supplies the nonce and timestamp, so signatures are reproducible in tests.
 * The JSON body is never part of the signature (only form bodies are, and this API sends none).
 */

export interface OAuthCredentials {
  consumerKey: string;
  consumerSecret: string;
  token?: string;
  /** Always empty for this API; kept so the RFC 5849 example can be checked. */
  tokenSecret?: string;
}

export interface OAuthRequest {
  method: string;
  /** Absolute URL with the query string exactly as sent (a URL object is read as it is, not parsed again). */
  url: string | URL;
}

export interface OAuthProtocolValues {
  nonce: string;
  timestamp: string;
}

const UNRESERVED = /^[A-Za-z0-9._~-]*$/;

/** RFC 3986 percent-encoding: everything but ALPHA / DIGIT / "-" / "." / "_" / "~", uppercase hex. */
export function percentEncode(value: string): string {
  // Most values (keys, tokens, nonces, numbers) need no escaping: they go as they are.
  if (UNRESERVED.test(value)) return value;
  return encodeURIComponent(value).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Percent-decodes; malformed escapes stay as they are. */
function percentDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Decodes one application/x-www-form-urlencoded component ("+" is a space). */
function formDecode(value: string): string {
  return percentDecode(value.replace(/\+/g, ' '));
}

/** `scheme://host[:port]/path`, the port only when it is not the scheme's default (RFC 5849 §3.4.1.2). */
export function normalizedUrl(url: URL): string {
  const scheme = url.protocol.toLowerCase();
  const host = url.hostname.toLowerCase();
  const defaultPort = (scheme === 'http:' && url.port === '80') || (scheme === 'https:' && url.port === '443');
  const port = url.port && !defaultPort ? `:${url.port}` : '';
  return `${scheme}//${host}${port}${url.pathname}`;
}

/** The query string's name/value pairs, split but still encoded as sent. */
function rawQueryPairs(url: URL): Array<[string, string]> {
  const query = url.search.startsWith('?') ? url.search.slice(1) : url.search;
  if (!query) return [];
  return query
    .split('&')
    .filter((part) => part.length > 0)
    .map((part) => {
      const eq = part.indexOf('=');
      return eq === -1 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)];
    });
}

function compareParams(a: [string, string], b: [string, string]): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  return 0;
}

function protocolParams(credentials: OAuthCredentials, values: OAuthProtocolValues): Array<[string, string]> {
  const params: Array<[string, string]> = [
    ['oauth_consumer_key', credentials.consumerKey],
    ['oauth_nonce', values.nonce],
    ['oauth_signature_method', 'HMAC-SHA1'],
    ['oauth_timestamp', values.timestamp],
    ['oauth_version', '1.0'],
  ];
  if (credentials.token) params.push(['oauth_token', credentials.token]);
  return params;
}

/** The RFC 5849 signature base string: query decoded and re-encoded, parameters sorted by name then value. */
export function signatureBaseString(request: OAuthRequest, credentials: OAuthCredentials, values: OAuthProtocolValues): string {
  const url = typeof request.url === 'string' ? new URL(request.url) : request.url;
  const pairs: Array<[string, string]> = [
    ...rawQueryPairs(url)
      .map(([name, value]): [string, string] => [formDecode(name), formDecode(value)])
      .filter(([name]) => !name.startsWith('oauth_')),
    ...protocolParams(credentials, values),
  ].map(([name, value]): [string, string] => [percentEncode(name), percentEncode(value)]);
  pairs.sort(compareParams);
  const parameterString = pairs.map(([name, value]) => `${name}=${value}`).join('&');
  return [request.method.toUpperCase(), percentEncode(normalizedUrl(url)), percentEncode(parameterString)].join('&');
}

/**
 * The base string of the official .NET client (CEA.RestClient OAuthBase): the query is taken as sent, without
 * decoding, and the consumer key is lowercased. The sandbox accepts this variant too.
 */
export function dotnetSignatureBaseString(request: OAuthRequest, credentials: OAuthCredentials, values: OAuthProtocolValues): string {
  const url = typeof request.url === 'string' ? new URL(request.url) : request.url;
  const pairs: Array<[string, string]> = [
    ...rawQueryPairs(url).filter(([name]) => !name.startsWith('oauth_')),
    ...protocolParams({ ...credentials, consumerKey: credentials.consumerKey.toLowerCase() }, values),
  ];
  pairs.sort(compareParams);
  const parameterString = pairs.map(([name, value]) => `${name}=${value}`).join('&');
  return [request.method.toUpperCase(), percentEncode(normalizedUrl(url)), percentEncode(parameterString)].join('&');
}

/** The last signing key made, kept: a server signs every request with the same one. */
let lastKey: { text: string; key: KeyObject } | null = null;

export function hmacSha1Signature(baseString: string, consumerSecret: string, tokenSecret = ''): string {
  const text = `${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`;
  if (lastKey?.text !== text) lastKey = { text, key: createSecretKey(Buffer.from(text)) };
  return createHmac('sha1', lastKey.key).update(baseString).digest('base64');
}

export function sign(request: OAuthRequest, credentials: OAuthCredentials, values: OAuthProtocolValues): string {
  return hmacSha1Signature(signatureBaseString(request, credentials, values), credentials.consumerSecret, credentials.tokenSecret);
}

/** The `Authorization` header value, in the layout of the official client (one line, no spaces, no realm). */
export function authorizationHeader(request: OAuthRequest, credentials: OAuthCredentials, values: OAuthProtocolValues = freshProtocolValues()): string {
  const signature = sign(request, credentials, values);
  const fields: Array<[string, string]> = [['oauth_consumer_key', credentials.consumerKey]];
  if (credentials.token) fields.push(['oauth_token', credentials.token]);
  fields.push(
    ['oauth_nonce', values.nonce],
    ['oauth_timestamp', values.timestamp],
    ['oauth_signature_method', 'HMAC-SHA1'],
    ['oauth_version', '1.0'],
    ['oauth_signature', signature],
  );
  return `OAuth ${fields.map(([name, value]) => `${name}="${percentEncode(value)}"`).join(',')}`;
}

export function freshProtocolValues(now: number = Date.now()): OAuthProtocolValues {
  // 122 random bits as 32 hex digits. randomUUID draws on a cached pool: a tenth of randomBytes' cost per request.
  return { nonce: randomUUID().replaceAll('-', ''), timestamp: String(Math.floor(now / 1000)) };
}

/** Parses `OAuth k="v", ...` (spaces and a realm tolerated); null when the header is not an OAuth header. */
export function parseAuthorizationHeader(header: string | undefined | null): Record<string, string> | null {
  if (!header) return null;
  const match = /^\s*OAuth\s+(.*)$/is.exec(header);
  if (!match?.[1]) return null;
  const params: Record<string, string> = {};
  const fieldPattern = /([A-Za-z0-9_.~-]+)\s*=\s*"([^"]*)"/g;
  for (const field of match[1].matchAll(fieldPattern)) {
    const [, name, value] = field;
    if (name === undefined || value === undefined) continue;
    params[name] = percentDecode(value);
  }
  return params;
}
