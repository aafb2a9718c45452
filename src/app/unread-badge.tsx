import { lazy, Suspense } from 'react';

// The unread count needs the conversations' queries and schemas: they load just after the frame, not with it.
const loadUnread = () => import('@/features/conversations/components/unread-conversations-badge.tsx');
const UnreadConversationsBadge = lazy(() => loadUnread().then((module) => ({ default: module.UnreadConversationsBadge })));
const UnreadConversationsTitle = lazy(() => loadUnread().then((module) => ({ default: module.UnreadConversationsTitle })));

/** The navigation's count of unread conversations. */
export function UnreadBadge() {
  return (
    <Suspense fallback={null}>
      <UnreadConversationsBadge />
    </Suspense>
  );
}

/** The count of unread conversations before the tab's title. */
export function UnreadTitle() {
  return (
    <Suspense fallback={null}>
      <UnreadConversationsTitle />
    </Suspense>
  );
}
