import Chip from '@mui/material/Chip';
import Skeleton from '@mui/material/Skeleton';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router-dom';
import { isRecordNotFound } from '@/api/route-availability.ts';
import { sessionQueries } from '@/api/resources/session/session-queries.ts';
import { useUpdateUser } from '@/api/resources/users/user-mutations.ts';
import { userQueries } from '@/api/resources/users/user-queries.ts';
import { EmptyState } from '@/components/feedback/empty-state.tsx';
import { useNotify } from '@/components/feedback/notifications.tsx';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert.tsx';
import { PageContainer } from '@/components/layout/page-container.tsx';
import { paths } from '@/config/paths.ts';
import { BackToUsersLink } from '../components/back-to-users-link.tsx';
import { isForbidden, mayManageUsers } from '@/api/resources/session/session-user.ts';
import { MasterOnlyNotice } from '../components/master-only-notice.tsx';
import { UserForm } from '../components/user-form.tsx';
import { toUpdateInput, userFormValuesOf } from '../user-form-schema.ts';
import { fullName } from '../user-summary.ts';

/** A master user edits anyone on the account, permissions included. */
export function UserEditPage() {
  const userId = Number(useParams().userId);
  const { data: me } = useQuery(sessionQueries.current());
  const isMaster = mayManageUsers(me);
  const user = useQuery({ ...userQueries.detail(userId), enabled: isMaster && Number.isInteger(userId) });
  const updateUser = useUpdateUser();
  const notify = useNotify();
  const navigate = useNavigate();

  const missing = !Number.isInteger(userId) || isRecordNotFound(user.error);
  let content;
  if (!isMaster || isForbidden(user.error)) content = <MasterOnlyNotice />;
  else if (missing) {
    content = <EmptyState title="There is no such user." description="They may have been deleted, or the link is mistyped." />;
  } else if (user.isError) {
    content = <QueryErrorAlert title="This user could not be loaded." error={user.error} onRetry={() => void user.refetch()} />;
  } else if (user.isPending) content = <Skeleton variant="rounded" height={480} aria-label="Loading the user" />;
  else {
    const current = user.data;
    content = (
      <UserForm
        key={current.UserID}
        mode="edit"
        subject={current.UserID === me?.UserID ? 'self' : 'colleague'}
        defaultValues={userFormValuesOf(current)}
        submitLabel="Save changes"
        onCancel={() => void navigate(paths.users.list.href())}
        onSubmit={async (values) => {
          const changes = toUpdateInput(values, current, { includePermissions: true });
          if (Object.keys(changes).length > 0) {
            const saved = await updateUser.mutateAsync({ userId: current.UserID, input: changes });
            notify({ message: `Saved the settings of ${fullName(saved)}.` });
          } else {
            notify({ message: 'Nothing changed.', severity: 'info' });
          }
          await navigate(paths.users.list.href());
        }}
      />
    );
  }

  return (
    <PageContainer
      title={user.data ? fullName(user.data) : missing && isMaster ? 'User not found' : 'User'}
      description={user.data ? `Logs in as ${user.data.UserName}.` : undefined}
      eyebrow={<BackToUsersLink />}
      actions={user.data?.IsMasterUser ? <Chip label="Master user" color="secondary" variant="outlined" /> : undefined}
    >
      {content}
    </PageContainer>
  );
}
