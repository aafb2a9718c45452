import type { MiddlewareHandler } from 'hono';
import { errorResponse } from './errors.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_VALUE = 'callboard';

/**
 * State-changing API calls must carry `X-Requested-With: callboard`. Browsers only let same-origin scripts set
 * custom headers (cross-site forms cannot), so this and SameSite=Strict together stop cross-site requests.
 */
export const requireCsrfHeader: MiddlewareHandler = async (c, next) => {
  if (STATE_CHANGING.has(c.req.method) && c.req.header(CSRF_HEADER) !== CSRF_VALUE) {
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

/** Headers on every response; pages replace the CSP with their nonced one. */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  const headers = c.res.headers;
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
