import AccountBalanceOutlined from '@mui/icons-material/AccountBalanceOutlined';
import CampaignOutlined from '@mui/icons-material/CampaignOutlined';
import type { User } from '@/api/schemas/user.ts';
import type { NavigationSection } from '@/components/layout/dashboard-layout.tsx';
import { paths } from '@/config/paths.ts';

/** The areas of the app, as the signed-in user may use them. Only areas that work are listed. */
export function navigationFor(_user: User): NavigationSection[] {
  return [
    { items: [{ label: 'Broadcasts', href: paths.broadcasts.list.href(), icon: <CampaignOutlined />, matchPrefix: true }] },
    {
      title: 'Administration',
      items: [{ label: 'Account', href: paths.account.href(), icon: <AccountBalanceOutlined /> }],
    },
  ];
}
