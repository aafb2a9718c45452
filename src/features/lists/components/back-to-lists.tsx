import { BackLink } from '@/components/layout/back-link.tsx';
import { paths } from '@/config/paths.ts';

/** The link above a list's title back to all lists. */
export function BackToLists() {
  return <BackLink to={paths.lists.list.href()}>Lists</BackLink>;
}
