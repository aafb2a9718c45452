/**
 * Every route of the app: `path` for the router, `href()` for links. Features link to each other only
 * through these, never by importing one another.
 */
export const paths = {
  home: { path: '/', href: () => '/' },
  login: {
    path: '/login',
    href: (next?: string) => (next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login'),
  },
  account: { path: '/account', href: () => '/account' },
} as const;
