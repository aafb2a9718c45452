import { describe, expect, it } from 'vitest';
import vectors from '../../../docs/api/oauth1-vectors.json' with { type: 'json' };
import { authorizationHeader } from '../../oauth1/oauth1.ts';
import { SandboxError } from './errors.ts';
import { createOAuthVerifier } from './oauth-verifier.ts';

const appKey = 'AppKey-Example-1';
const secretKey = 'SecretKey-Example-1';
const token = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const now = 1_764_201_600_000;
const url = 'http://127.0.0.1:8091/v1/broadcasts?StartDate~gte~2014-01-01&BroadcastStatus=Completed&pagesize=10&page=2';

function signed(method = 'GET', target = url, overrides: { key?: string; secret?: string; timestamp?: number; nonce?: string } = {}) {
  return authorizationHeader(
    { method, url: target },
    { consumerKey: overrides.key ?? appKey, consumerSecret: overrides.secret ?? secretKey, token },
    { nonce: overrides.nonce ?? `n${Math.random()}`, timestamp: String(Math.floor((overrides.timestamp ?? now) / 1000)) },
  );
}

function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof SandboxError) return error.errorName;
    throw error;
  }
  return 'accepted';
}

describe('the sandbox OAuth 1.0a verifier', () => {
  const verifier = () => createOAuthVerifier({ appKey, secretKey, nowMs: () => now });

  it('accepts a correctly signed request and reports its token', () => {
    expect(verifier()('GET', url, signed())).toEqual({ consumerKey: appKey, token });
  });

  it("accepts the .NET client's lowercased variant", () => {
    const vector = vectors.vectors.find((v) => v.name === 'feed-query-with-filters')!;
    const verify = createOAuthVerifier({
      appKey: vector.consumerKey,
      secretKey: vector.consumerSecret,
      nowMs: () => Number(vector.timestamp) * 1000,
    });
    const header =
      `OAuth oauth_consumer_key="${vector.consumerKey}",oauth_token="${vector.token}",oauth_nonce="${vector.nonce}",` +
      `oauth_timestamp="${vector.timestamp}",oauth_signature_method="HMAC-SHA1",oauth_version="1.0",` +
      `oauth_signature="${encodeURIComponent(vector.dotnetClient.signature)}"`;
    expect(verify(vector.method, vector.url, header).token).toBe(vector.token);
  });

  it('refuses a missing or non-OAuth header', () => {
    expect(failure(() => verifier()('GET', url, undefined))).toBe('MissingAuthorization');
    expect(failure(() => verifier()('GET', url, 'Basic YTpi'))).toBe('MissingAuthorization');
  });

  it('refuses an unknown AppKey', () => {
    expect(failure(() => verifier()('GET', url, signed('GET', url, { key: 'someone-else' })))).toBe('UnknownAppKey');
  });

  it('refuses a signature made with the wrong secret', () => {
    expect(failure(() => verifier()('GET', url, signed('GET', url, { secret: 'not-the-secret' })))).toBe('InvalidSignature');
  });

  it('refuses a tampered method, path or query', () => {
    const header = signed('GET', url);
    expect(failure(() => verifier()('DELETE', url, header))).toBe('InvalidSignature');
    expect(failure(() => verifier()('GET', url.replace('/v1/broadcasts', '/v1/contacts'), header))).toBe('InvalidSignature');
    expect(failure(() => verifier()('GET', url.replace('page=2', 'page=3'), header))).toBe('InvalidSignature');
    expect(failure(() => verifier()('GET', url.replace(':8091', ':8092'), header))).toBe('InvalidSignature');
  });

  it('refuses a tampered timestamp, and one outside five minutes', () => {
    const header = signed();
    const shifted = header.replace(/oauth_timestamp="(\d+)"/, (_, t: string) => `oauth_timestamp="${Number(t) + 1}"`);
    expect(failure(() => verifier()('GET', url, shifted))).toBe('InvalidSignature');
    expect(failure(() => verifier()('GET', url, signed('GET', url, { timestamp: now - 301_000 })))).toBe('TimestampOutOfRange');
    expect(failure(() => verifier()('GET', url, signed('GET', url, { timestamp: now + 301_000 })))).toBe('TimestampOutOfRange');
    expect(failure(() => verifier()('GET', url, signed('GET', url, { timestamp: now - 299_000 })))).toBe('accepted');
  });

  it('refuses a replayed nonce', () => {
    const verify = verifier();
    const header = signed('GET', url, { nonce: 'once-only' });
    expect(failure(() => verify('GET', url, header))).toBe('accepted');
    expect(failure(() => verify('GET', url, header))).toBe('NonceReused');
    // Re-signing with the same nonce later is still a replay inside the window.
    expect(failure(() => verify('GET', url, signed('GET', url, { nonce: 'once-only', timestamp: now + 1000 })))).toBe('NonceReused');
  });

  it('refuses other signature methods', () => {
    const header = signed().replace('HMAC-SHA1', 'PLAINTEXT');
    expect(failure(() => verifier()('GET', url, header))).toBe('UnsupportedSignatureMethod');
  });
});
