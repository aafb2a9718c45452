import { useQuery } from '@tanstack/react-query';
import { conversationQueries } from '@/api/resources/conversations/conversation-queries.ts';
import { NavigationBadge } from '@/components/layout/navigation-badge.tsx';
import { useDocumentTitleCount } from '@/hooks/use-document-title.ts';

/** Conversations with unread replies: the count on the navigation's Conversations item, and before the tab's title. */
export function UnreadConversationsBadge() {
  const { data: unread = 0 } = useQuery(conversationQueries.unreadCount());
  useDocumentTitleCount(unread);
  return <NavigationBadge count={unread} />;
}
