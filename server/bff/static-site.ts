import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { pageContentSecurityPolicy } from './security.ts';
import type { CurrentUser } from './session-routes.ts';

const NONCE_PLACEHOLDER = /__CSP_NONCE__/g;
const SANDBOX_PLACEHOLDER = /__SANDBOX__/g;
const SESSION_PLACEHOLDER = '__SESSION__';

/** JSON that stays JSON inside a <script> element, whatever its strings hold. */
const scriptSafeJson = (value: unknown) =>
  JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * Serves the built SPA: hashed assets cached for a year, other files for an hour, and `index.html` for every
 * other path without a file extension (client-side routes), with a fresh CSP nonce each time. The page also says
 * whether the API is the sandbox (what /api/config answers) and who is signed in (what /api/session answers; left
 * out when the API does not answer), so the first paint needs neither request.
 */
export function staticSite(
  distDir: string,
  { sandbox, currentUser }: { sandbox: boolean; currentUser?: (c: Context) => Promise<CurrentUser> },
) {
  const indexPath = join(distDir, 'index.html');
  if (!existsSync(indexPath)) throw new Error(`The app is not built: ${indexPath} is missing. Run npm run build.`);
  const indexTemplate = readFileSync(indexPath, 'utf8').replace(SANDBOX_PLACEHOLDER, String(sandbox));

  const page = async (c: Context) => {
    const nonce = randomBytes(16).toString('base64');
    const current = await currentUser?.(c);
    const session = !current || 'unavailable' in current ? '' : scriptSafeJson('user' in current ? current.user : null);
    c.header('content-security-policy', pageContentSecurityPolicy(nonce));
    // The page names the signed-in user: never kept by a shared cache, never reused for another cookie.
    c.header('cache-control', 'private, no-cache');
    c.header('vary', 'Cookie');
    return c.html(indexTemplate.replace(NONCE_PLACEHOLDER, nonce).replace(SESSION_PLACEHOLDER, () => session));
  };

  return new Hono()
    .use(
      '/assets/*',
      serveStatic({
        root: distDir,
        onFound: (_path, c) => {
          c.header('cache-control', 'public, max-age=31536000, immutable');
        },
      }),
    )
    .get('/', page)
    .get('/index.html', page)
    .use(
      '*',
      serveStatic({
        root: distDir,
        onFound: (_path, c) => {
          c.header('cache-control', 'public, max-age=3600');
        },
      }),
    )
    .get('*', (c) => {
      // A missing file (robots.txt, a stale asset) is a real 404; anything else is a client-side route.
      if (/\.[A-Za-z0-9]+$/.test(c.req.path)) return c.text('Not found', 404);
      return page(c);
    });
}
