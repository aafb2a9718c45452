import type { Plugin } from 'vite';
import { firstViewIntrosHtml } from '../src/config/page-intros.ts';

const INTROS_PLACEHOLDER = '<!-- first-view-intros -->';

/**
 * What index.html needs to draw the app's outline before the app's code runs (src/app/first-view.tsx):
 * - each page's title and description (src/config/page-intros.ts), for the page's inline script to pick from;
 * - in a build, the app's one stylesheet (its fonts' @font-face rules) inline, so the first paint waits for no
 *   request;
 * - in a build, the app's code asked for once the outline is painted. When it arrived before the first paint, a
 *   slow phone evaluated it first and drew nothing until then. Under Lighthouse's mobile conditions the page's rows
 *   arrive no later than when the code is asked for at once (docs/performance.md). If the code cannot be loaded,
 *   the outline says so rather than loading for ever.
 */
export function firstViewPlugin(): Plugin {
  let nonce = '';
  return {
    name: 'callboard-first-view',
    configResolved(config) {
      nonce = config.html?.cspNonce ? ` nonce="${config.html.cspNonce}"` : '';
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!html.includes(INTROS_PLACEHOLDER)) return html;
        let page = html.replace(INTROS_PLACEHOLDER, firstViewIntrosHtml());
        if (!bundle) return page;

        page = page.replace(/<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g, (tag, fileName: string) => {
          const asset = bundle[fileName];
          if (asset?.type !== 'asset') return tag;
          const css = typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
          return `<style${nonce}>${css}</style>`;
        });

        const entry = /<script type="module" crossorigin src="(\/[^"]+\.js)"[^>]*><\/script>/.exec(page);
        if (!entry) throw new Error("index.html: the app's entry script was not found.");
        const src = entry[1]!;
        // Started in a hidden tab at once: it draws no frames. A failed load says so in the outline (index.html).
        const start = `<script type="module"${nonce}>
      const start = () =>
        import(${JSON.stringify(src)}).catch((error) => {
          const failure = document.getElementById('first-view-failure');
          failure.textContent = failure.dataset.message;
          document.documentElement.classList.add('first-view-failed');
          throw error;
        });
      if (document.visibilityState === 'hidden') start();
      else requestAnimationFrame(() => setTimeout(start));
    </script>`;
        return page.replace(entry[0], '').replace('</body>', `  ${start}\n  </body>`);
      },
    },
  };
}
