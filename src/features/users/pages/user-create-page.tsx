import Skeleton from '@mui/material/Skeleton';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { accountQueries } from '@/api/resources/account/account-queries.ts';
import { sessionQueries } from '@/api/resources/session/session-queries.ts';
import { useCreateUser } from '@/api/resources/users/user-mutations.ts';
import { useNotify } from '@/components/feedback/notifications.tsx';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert.tsx';
import { PageContainer } from '@/components/layout/page-container.tsx';
import { paths } from '@/config/paths.ts';
import { BackToUsersLink } from '../components/back-to-users-link.tsx';
import { mayManageUsers } from '@/api/resources/session/session-user.ts';
import { MasterOnlyNotice } from '../components/master-only-notice.tsx';
import { UserForm } from '../components/user-form.tsx';
import { newUserDefaults, toCreateInput } from '../user-form-schema.ts';
import { fullName } from '../user-summary.ts';
import { isCreatedUnread } from '@/api/api-client.ts';
import { textOr } from '@/utils/missing.ts';

export function UserCreatePage() {
  const { data: me } = useQuery(sessionQueries.current());
  const account = useQuery(accountQueries.detail());
  const createUser = useCreateUser();
  const notify = useNotify();
  const navigate = useNavigate();

  let content;
  if (!mayManageUsers(me)) content = <MasterOnlyNotice />;
  else if (account.isError) {
    content = <QueryErrorAlert title="The account could not be loaded." error={account.error} onRetry={() => void account.refetch()} />;
  } else if (account.isPending) content = <Skeleton variant="rounded" height={480} aria-label="Loading" />;
  else {
    content = (
      <UserForm
        mode="create"
        defaultValues={newUserDefaults(account.data)}
        submitLabel="Add user"
        onCancel={() => void navigate(paths.users.list.href())}
        onSubmit={async (values) => {
          const input = toCreateInput(values);
          const created = await createUser.mutateAsync(input);
          // Created, even when the answer could not be read (decision 92): name them from what was sent.
          const user = isCreatedUnread(created) ? { FirstName: input.FirstName ?? null, LastName: input.LastName ?? null, UserName: input.UserName } : created;
          notify({ message: `Added ${fullName(user)}. They log in as ${textOr(user.UserName)}.` });
          await navigate(paths.users.list.href());
        }}
      />
    );
  }

  return (
    <PageContainer title="Add a user" description="They log in with the user name and PIN code you set here." eyebrow={<BackToUsersLink />}>
      {content}
    </PageContainer>
  );
}
