import { BackLink } from '@/components/layout/back-link.tsx';
import { paths } from '@/config/paths.ts';

export function BackToUsersLink() {
  return <BackLink to={paths.users.list.href()}>Users</BackLink>;
}
