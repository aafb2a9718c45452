import { describe, expect, it } from 'vitest';
import vectors from '../../docs/api/oauth1-vectors.json' with { type: 'json' };
import {
  authorizationHeader,
  dotnetSignatureBaseString,
  hmacSha1Signature,
  parseAuthorizationHeader,
  percentEncode,
  sign,
  signatureBaseString,
} from './oauth1.ts';

describe('percentEncode', () => {
  it('leaves only RFC 3986 unreserved characters alone', () => {
    expect(percentEncode('Az09-._~')).toBe('Az09-._~');
    expect(percentEncode("a b!*'()/+=&%")).toBe('a%20b%21%2A%27%28%29%2F%2B%3D%26%25');
  });
});

// The photos.example.net example of OAuth Core 1.0 Appendix A, which RFC 5849 §1.2 repeats (the signature printed in
// RFC 5849 §1.2 itself was computed for other values: a known erratum, so the Core 1.0 values are the ones to check).
describe('RFC 5849 / OAuth Core 1.0 example (photos.example.net)', () => {
  const request = { method: 'GET', url: 'http://photos.example.net/photos?file=vacation.jpg&size=original' };
  const credentials = {
    consumerKey: 'dpf43f3p2l4k3l03',
    consumerSecret: 'kd94hf93k423kf44',
    token: 'nnch734d00sl2jdk',
    tokenSecret: 'pfkkdhi9sl3r4s00',
  };
  const values = { nonce: 'kllo9940pd9333jh', timestamp: '1191242096' };

  it('builds the documented base string', () => {
    expect(signatureBaseString(request, credentials, values)).toBe(
      'GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%3Ddpf43f3p2l4k3l03' +
        '%26oauth_nonce%3Dkllo9940pd9333jh%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1191242096' +
        '%26oauth_token%3Dnnch734d00sl2jdk%26oauth_version%3D1.0%26size%3Doriginal',
    );
  });

  it('produces the documented signature', () => {
    expect(sign(request, credentials, values)).toBe('tR3+Ty81lMeYAr/Fid0kMTYa/WM=');
  });
});

describe.each(vectors.vectors)('Call-Em-All vector "$name"', (vector) => {
  const request = { method: vector.method, url: vector.url };
  const credentials = { consumerKey: vector.consumerKey, consumerSecret: vector.consumerSecret, token: vector.token };
  const values = { nonce: vector.nonce, timestamp: vector.timestamp };

  it('reproduces the RFC 5849 base string and signature exactly', () => {
    expect(signatureBaseString(request, credentials, values)).toBe(vector.rfc5849.signatureBaseString);
    expect(sign(request, credentials, values)).toBe(vector.rfc5849.signature);
  });

  it('reproduces the .NET client variant (lowercased key and secret)', () => {
    const base = dotnetSignatureBaseString(request, credentials, values);
    expect(base).toBe(vector.dotnetClient.signatureBaseString);
    expect(hmacSha1Signature(base, vector.consumerSecret.toLowerCase())).toBe(vector.dotnetClient.signature);
  });

  it('writes a header that parses back to the same values', () => {
    const header = authorizationHeader(request, credentials, values);
    expect(header.startsWith('OAuth oauth_consumer_key=')).toBe(true);
    expect(header).not.toContain(', ');
    expect(parseAuthorizationHeader(header)).toEqual({
      oauth_consumer_key: vector.consumerKey,
      oauth_token: vector.token,
      oauth_nonce: vector.nonce,
      oauth_timestamp: vector.timestamp,
      oauth_signature_method: 'HMAC-SHA1',
      oauth_version: '1.0',
      oauth_signature: vector.rfc5849.signature,
    });
  });
});

describe('parseAuthorizationHeader', () => {
  it("reads oauthlib's spaced layout with a realm", () => {
    const header = vectors.vectors[0]!.rfc5849.authorizationHeaderFromOauthlib;
    expect(parseAuthorizationHeader(`${header}, realm="x"`)).toMatchObject({
      oauth_signature: vectors.vectors[0]!.rfc5849.signature,
      realm: 'x',
    });
  });

  it('returns null for other schemes', () => {
    expect(parseAuthorizationHeader('Basic dXNlcjpwYXNz')).toBeNull();
    expect(parseAuthorizationHeader(undefined)).toBeNull();
  });
});
