import AccountBalanceOutlined from '@mui/icons-material/AccountBalanceOutlined';
import DoNotDisturbOnOutlined from '@mui/icons-material/DoNotDisturbOnOutlined';
import ForumOutlined from '@mui/icons-material/ForumOutlined';
import type { User } from '@/api/schemas/user.ts';
import type { NavigationSection } from '@/components/layout/dashboard-layout.tsx';
import { paths } from '@/config/paths.ts';
import { UnreadConversationsBadge } from '@/features/conversations/components/unread-conversations-badge.tsx';

/** The areas of the app, as the signed-in user may use them. Only areas that work are listed. */
export function navigationFor(_user: User): NavigationSection[] {
  return [
    {
      items: [
        { label: 'Conversations', href: paths.conversations.inbox.href(), icon: <ForumOutlined />, matchPrefix: true, badge: <UnreadConversationsBadge /> },
      ],
    },
    {
      title: 'Contacts',
      items: [{ label: 'Opt-outs', href: paths.optOuts.list.href(), icon: <DoNotDisturbOnOutlined />, matchPrefix: true }],
    },
    {
      title: 'Administration',
      items: [{ label: 'Account', href: paths.account.href(), icon: <AccountBalanceOutlined /> }],
    },
  ];
}
