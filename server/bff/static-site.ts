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
/**
 * The longest the page waits for the API to say who is signed in. Past it the page is drawn without the user, as
 * when the API does not answer, and the app asks for the session itself.
 */
export const PAGE_USER_BUDGET_MS = 1000;

/** What `read` gives within `ms`, or `fallback`; what it gives later is dropped. */
async function within<T>(ms: number, read: Promise<T>, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  try {
    return await Promise.race([read.catch(() => fallback), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** JSON that stays JSON inside a <script> element, whatever its strings hold. */
const scriptSafeJson = (value: unknown) =>
  JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * Serves the built SPA: hashed assets cached for a year, other files for an hour, and `index.html` for every
 * other path without a file extension (client-side routes), with a fresh CSP nonce each time. The page also says
 * whether the API is the sandbox (what /api/config answers) and who is signed in (what /api/session answers; left
 * out when the API does not answer within PAGE_USER_BUDGET_MS), so the first paint needs neither request.
 */
export function staticSite(
  distDir: string,
  { sandbox, currentUser, userBudgetMs = PAGE_USER_BUDGET_MS }: { sandbox: boolean; currentUser?: (c: Context) => Promise<CurrentUser>; userBudgetMs?: number },
) {
  const indexPath = join(distDir, 'index.html');
  if (!existsSync(indexPath)) throw new Error(`The app is not built: ${indexPath} is missing. Run npm run build.`);
  const indexTemplate = readFileSync(indexPath, 'utf8').replace(SANDBOX_PLACEHOLDER, String(sandbox));

  const page = async (c: Context) => {
    const nonce = randomBytes(16).toString('base64');
    // null: the API did not say in time (or failed), and the app asks for the session itself.
    const current = currentUser ? await within<CurrentUser | null>(userBudgetMs, currentUser(c), null) : null;
    const session = current ? scriptSafeJson('user' in current ? current.user : null) : '';
    c.header('content-security-policy', pageContentSecurityPolicy(nonce));
    // The page names the signed-in user: kept by no cache, the browser's included.
    c.header('cache-control', 'no-store');
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
