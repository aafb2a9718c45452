import { timingSafeEqual } from 'node:crypto';
import { dotnetSignatureBaseString, hmacSha1Signature, parseAuthorizationHeader, signatureBaseString } from '../../oauth1/oauth1.ts';
import { SandboxError } from './errors.ts';

export interface VerifierOptions {
  appKey: string;
  secretKey: string;
  /** Seconds a timestamp may differ from the server's time, and how long nonces are remembered. */
  windowSeconds?: number;
  nowMs?: () => number;
}

export interface VerifiedRequest {
  consumerKey: string;
  token: string | null;
}

function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Verifies OAuth 1.0a HMAC-SHA1 like the real service: known AppKey, valid signature (RFC 5849, or the .NET
 * client's lowercased variant), a timestamp within the window and a nonce not seen within it.
 */
export function createOAuthVerifier(options: VerifierOptions) {
  const windowSeconds = options.windowSeconds ?? 300;
  const nowMs = options.nowMs ?? Date.now;
  const seenNonces = new Map<string, number>();
  let nextPrune = 0;

  function rememberNonce(key: string, now: number): boolean {
    if (now >= nextPrune) {
      for (const [seen, expires] of seenNonces) if (expires <= now) seenNonces.delete(seen);
      nextPrune = now + 10_000;
    }
    const expires = seenNonces.get(key);
    if (expires !== undefined && expires > now) return false;
    // Remember for twice the window: a timestamp may sit at either edge of it.
    seenNonces.set(key, now + 2 * windowSeconds * 1000);
    return true;
  }

  return function verify(method: string, url: string, authorization: string | undefined): VerifiedRequest {
    const params = parseAuthorizationHeader(authorization);
    if (!params) throw new SandboxError('MissingAuthorization', 'Sign the request with OAuth 1.0a (Authorization: OAuth ...).');
    const {
      oauth_consumer_key: consumerKey,
      oauth_signature: signature,
      oauth_signature_method: signatureMethod,
      oauth_timestamp: timestamp,
      oauth_nonce: nonce,
      oauth_token: token,
      oauth_version: version,
    } = params;
    if (!consumerKey || !signature || !timestamp || !nonce) {
      throw new SandboxError('MissingAuthorization', 'The OAuth header lacks oauth_consumer_key, oauth_signature, oauth_timestamp or oauth_nonce.');
    }
    if (signatureMethod !== 'HMAC-SHA1') {
      throw new SandboxError('UnsupportedSignatureMethod', 'Only the HMAC-SHA1 signature method is supported.');
    }
    if (version !== undefined && version !== '1.0') {
      throw new SandboxError('UnsupportedSignatureMethod', 'Only OAuth version 1.0 is supported.');
    }
    if (consumerKey.toLowerCase() !== options.appKey.toLowerCase()) {
      throw new SandboxError('UnknownAppKey', 'The AppKey is not known.');
    }
    const now = nowMs();
    const seconds = Number(timestamp);
    if (!/^\d{1,12}$/.test(timestamp) || Math.abs(now / 1000 - seconds) > windowSeconds) {
      throw new SandboxError('TimestampOutOfRange', `The oauth_timestamp must be within ${windowSeconds} seconds of the server's time.`);
    }
    const request = { method, url };
    const values = { nonce, timestamp };
    const credentials = { consumerKey, consumerSecret: options.secretKey, token: token ?? '' };
    const rfc = hmacSha1Signature(signatureBaseString(request, credentials, values), options.secretKey);
    const valid =
      sameSignature(rfc, signature) ||
      sameSignature(hmacSha1Signature(dotnetSignatureBaseString(request, credentials, values), options.secretKey.toLowerCase()), signature);
    if (!valid) throw new SandboxError('InvalidSignature', 'The OAuth signature does not match the request.');
    if (!rememberNonce(`${consumerKey}\n${token ?? ''}\n${nonce}`, now)) {
      throw new SandboxError('NonceReused', 'This oauth_nonce was already used; sign each request with a new one.');
    }
    return { consumerKey, token: token || null };
  };
}
