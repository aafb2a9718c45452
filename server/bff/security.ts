import type { Context, MiddlewareHandler } from 'hono';
import { errorResponse } from './errors.ts';

/** The only methods a cross-site page can send without asking first; every other one needs the header. */
const SAFE_METHODS = new Set(['GET', 'HEAD']);
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_VALUE = 'callboard';

/**
 * Every API call but GET and HEAD (OPTIONS and unknown methods too) must carry `X-Requested-With: callboard`. Browsers only let same-origin scripts set
 * custom headers (cross-site forms cannot), so this and SameSite=Strict together stop cross-site requests.
 */
export const requireCsrfHeader: MiddlewareHandler = async (c, next) => {
  if (!SAFE_METHODS.has(c.req.method) && c.req.header(CSRF_HEADER) !== CSRF_VALUE) {
    return errorResponse(c, 'MissingCsrfHeader', `Requests that change data need the header X-Requested-With: ${CSRF_VALUE}.`);
  }
  await next();
};

/** The Content-Security-Policy of the app's pages: scripts and styles only ours or nonced (the page's own, inline). */
export function pageContentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Whether the browser reached us over TLS: our own TLS socket, or a trusted proxy's X-Forwarded-Proto. */
export function isHttpsRequest(c: Context, trustProxy: boolean): boolean {
  // The request's URL is already normalised (lower-case scheme): no need to parse it again on every request.
  if (c.req.url.startsWith('https:')) return true;
  const incoming = (c.env as { incoming?: { socket?: { encrypted?: boolean } } } | undefined)?.incoming;
  if (incoming?.socket?.encrypted === true) return true;
  return trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

/** Answers with personal data (every /api answer) are kept by no cache, the browser's included. */
export const noStore: MiddlewareHandler = async (c, next) => {
  await next();
  if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'no-store');
};

/** A year of HTTPS only, for this host and its subdomains, once a browser has reached us over TLS. */
const HSTS = 'max-age=31536000; includeSubDomains';

/** Headers on every response; pages replace the CSP with their nonced one. */
export const securityHeaders =
  ({ trustProxy }: { trustProxy: boolean }): MiddlewareHandler =>
  async (c, next) => {
    await next();
    const headers = c.res.headers;
    // Over plain HTTP the header is ignored by browsers and would only mislead, so it goes out with TLS alone.
    if (isHttpsRequest(c, trustProxy)) headers.set('strict-transport-security', HSTS);
    if (!headers.has('content-security-policy')) {
      headers.set('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
    }
    headers.set('x-content-type-options', 'nosniff');
    headers.set('referrer-policy', 'no-referrer');
    headers.set('x-frame-options', 'DENY');
    headers.set('cross-origin-opener-policy', 'same-origin');
    headers.set('cross-origin-resource-policy', 'same-origin');
    headers.set('permissions-policy', 'camera=(), geolocation=(), microphone=(), payment=()');
  };
