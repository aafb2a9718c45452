import { useCallback, useMemo, useSyncExternalStore } from 'react';

/**
 * Whether a media query (`@media (min-width:900px)` or `(min-width:900px)`) matches, kept current as the window
 * changes. All the app's frame needs of MUI's useMediaQuery, without its weight in the first load.
 */
export function useMediaMatch(query: string): boolean {
  // One query list and one subscription for as long as the query stays the same, not one each render.
  const list = useMemo(() => window.matchMedia(query.replace(/^@media\s*/, '')), [query]);
  const subscribe = useCallback(
    (onChange: () => void) => {
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [list],
  );
  return useSyncExternalStore(subscribe, () => list.matches);
}
