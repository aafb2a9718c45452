import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { pageContentSecurityPolicy } from './security.ts';

const NONCE_PLACEHOLDER = /__CSP_NONCE__/g;
const SANDBOX_PLACEHOLDER = /__SANDBOX__/g;

/**
 * Serves the built SPA: hashed assets cached for a year, other files for an hour, and `index.html` for every
 * other path without a file extension (client-side routes), with a fresh CSP nonce each time. The page also says
 * whether the API is the sandbox (what /api/config answers), so the first paint needs no request for it.
 */
export function staticSite(distDir: string, { sandbox }: { sandbox: boolean }) {
  const indexPath = join(distDir, 'index.html');
  if (!existsSync(indexPath)) throw new Error(`The app is not built: ${indexPath} is missing. Run npm run build.`);
  const indexTemplate = readFileSync(indexPath, 'utf8').replace(SANDBOX_PLACEHOLDER, String(sandbox));

  const page = (c: Context) => {
    const nonce = randomBytes(16).toString('base64');
    c.header('content-security-policy', pageContentSecurityPolicy(nonce));
    c.header('cache-control', 'no-cache');
    return c.html(indexTemplate.replace(NONCE_PLACEHOLDER, nonce));
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
