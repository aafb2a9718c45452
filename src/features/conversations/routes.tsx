import type { RouteObject } from 'react-router-dom';
import { paths } from '@/config/paths.ts';

export const conversationRoutes: RouteObject[] = [
  {
    // One route for the inbox and an open thread, so moving between threads keeps the page (and the list) mounted.
    path: paths.conversations.page.path,
    lazy: async () => ({ Component: (await import('./pages/conversation-inbox-page.tsx')).ConversationInboxPage }),
  },
];
