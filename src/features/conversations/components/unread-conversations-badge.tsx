import { useQuery } from '@tanstack/react-query';
import { conversationQueries } from '@/api/resources/conversations/conversation-queries.ts';
import { NavigationBadge } from '@/components/layout/navigation-badge.tsx';
import { useDocumentTitleCount } from '@/hooks/use-document-title.ts';

/** Conversations with unread replies, as a count on the navigation; it may show in more than one place at once. */
export function UnreadConversationsBadge() {
  const { data: unread = 0 } = useQuery(conversationQueries.unreadCount());
  return <NavigationBadge count={unread} />;
}

/** The same count before the tab's title, "(3) Broadcasts · Callboard": mounted once, with the frame. */
export function UnreadConversationsTitle() {
  const { data: unread = 0 } = useQuery(conversationQueries.unreadCount());
  useDocumentTitleCount(unread);
  return null;
}
