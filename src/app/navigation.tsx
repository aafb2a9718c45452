import AccountBalanceOutlined from '@mui/icons-material/AccountBalanceOutlined';
import ContactPhoneOutlined from '@mui/icons-material/ContactPhoneOutlined';
import ListAltOutlined from '@mui/icons-material/ListAltOutlined';
import type { User } from '@/api/schemas/user.ts';
import type { NavigationSection } from '@/components/layout/dashboard-layout.tsx';
import { paths } from '@/config/paths.ts';

/** The areas of the app, as the signed-in user may use them. Only areas that work are listed. */
export function navigationFor(_user: User): NavigationSection[] {
  return [
    {
      title: 'Contacts',
      items: [
        { label: 'Contacts', href: paths.contacts.list.href(), icon: <ContactPhoneOutlined />, matchPrefix: true },
        { label: 'Lists', href: paths.lists.list.href(), icon: <ListAltOutlined />, matchPrefix: true },
      ],
    },
    {
      title: 'Administration',
      items: [{ label: 'Account', href: paths.account.href(), icon: <AccountBalanceOutlined /> }],
    },
  ];
}
