import type { RouteObject } from 'react-router-dom';

/**
 * A list route's ask-ahead: `prefetch` starts the page's query as navigation to it begins, while the page's code
 * loads (its own code loads apart from the page's, so that it stays out of the app's first bundle), and is not waited
 * for. Once on the page, its own query follows the URL: a new search or page is no navigation to wait for, so the
 * loader runs on arrival only.
 */
export function askAhead(prefetch: (url: string) => Promise<unknown>): Pick<RouteObject, 'loader' | 'shouldRevalidate'> {
  return {
    loader: async ({ request }) => {
      await prefetch(request.url);
      return null;
    },
    shouldRevalidate: () => false,
  };
}
