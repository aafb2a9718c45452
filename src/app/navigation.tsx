import AccountBalanceOutlined from '@mui/icons-material/AccountBalanceOutlined';
import LibraryMusicOutlined from '@mui/icons-material/LibraryMusicOutlined';
import ManageAccountsOutlined from '@mui/icons-material/ManageAccountsOutlined';
import PeopleOutlined from '@mui/icons-material/PeopleOutlined';
import CampaignOutlined from '@mui/icons-material/CampaignOutlined';
import ContactPhoneOutlined from '@mui/icons-material/ContactPhoneOutlined';
import ListAltOutlined from '@mui/icons-material/ListAltOutlined';
import DoNotDisturbOnOutlined from '@mui/icons-material/DoNotDisturbOnOutlined';
import ForumOutlined from '@mui/icons-material/ForumOutlined';
import type { SessionUser } from '@contract/user.ts';
import type { NavigationSection } from '@/components/layout/dashboard-layout.tsx';
import { paths } from '@/config/paths.ts';
import { UnreadBadge } from './unread-badge.tsx';
import { mayManageUsers } from '@/api/resources/session/session-user.ts';

/** The areas of the app, as the signed-in user may use them. Only areas that work are listed. */
export function navigationFor(user: SessionUser): NavigationSection[] {
  return [
    {
      items: [
        { label: 'Broadcasts', href: paths.broadcasts.list.href(), icon: <CampaignOutlined />, matchPrefix: true },
        { label: 'Conversations', href: paths.conversations.inbox.href(), icon: <ForumOutlined />, matchPrefix: true, badge: <UnreadBadge /> },
      ],
    },
    {
      title: 'Messaging',
      items: [{ label: 'Audio library', href: paths.audio.list.href(), icon: <LibraryMusicOutlined /> }],
    },
    {
      title: 'Contacts',
      items: [
        { label: 'Contacts', href: paths.contacts.list.href(), icon: <ContactPhoneOutlined />, matchPrefix: true },
        { label: 'Lists', href: paths.lists.list.href(), icon: <ListAltOutlined />, matchPrefix: true },
        { label: 'Opt-outs', href: paths.optOuts.list.href(), icon: <DoNotDisturbOnOutlined />, matchPrefix: true },
      ],
    },
    {
      title: 'Administration',
      items: [
        ...(mayManageUsers(user) ? [{ label: 'Users', href: paths.users.list.href(), icon: <PeopleOutlined />, matchPrefix: true }] : []),
        { label: 'Account', href: paths.account.href(), icon: <AccountBalanceOutlined /> },
        { label: 'My settings', href: paths.settings.href(), icon: <ManageAccountsOutlined /> },
      ],
    },
  ];
}
