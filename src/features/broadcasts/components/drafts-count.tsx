import type { User } from '@contract/user.ts';
import { useDraftList } from '../create-broadcast-wizard/use-broadcast-draft.ts';

/** " (3)" after the Drafts tab's name; loaded on its own, so the broadcasts list does not wait for the draft code. */
export function DraftsCount({ user }: { user: User }) {
  const { drafts } = useDraftList(user);
  return drafts.length > 0 ? <>{` (${drafts.length})`}</> : null;
}
