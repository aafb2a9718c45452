import { lazy, Suspense } from 'react';

// The unread count needs the conversations' queries and schemas: they load just after the frame, not with it.
const UnreadConversationsBadge = lazy(() =>
  import('@/features/conversations/components/unread-conversations-badge.tsx').then((module) => ({
    default: module.UnreadConversationsBadge,
  })),
);

/** The navigation's count of unread conversations. */
export function UnreadBadge() {
  return (
    <Suspense fallback={null}>
      <UnreadConversationsBadge />
    </Suspense>
  );
}
