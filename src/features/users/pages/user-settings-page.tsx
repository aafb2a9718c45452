import Skeleton from '@mui/material/Skeleton';
import { useQuery } from '@tanstack/react-query';
import { sessionQueries } from '@/api/resources/session/session-queries.ts';
import { useUpdateUser } from '@/api/resources/users/user-mutations.ts';
import { userQueries } from '@/api/resources/users/user-queries.ts';
import { useNotify } from '@/components/feedback/notifications.tsx';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert.tsx';
import { PageContainer } from '@/components/layout/page-container.tsx';
import { pageIntros } from '@/config/page-intros.ts';
import { mayManageUsers } from '@/api/resources/session/session-user.ts';
import { SessionsCard } from '../components/sessions-card.tsx';
import { UserForm } from '../components/user-form.tsx';
import { toUpdateInput, userFormValuesOf } from '../user-form-schema.ts';

/** The signed-in user's own settings; only a master user may change their own permissions. */
export function UserSettingsPage() {
  const { data: me } = useQuery(sessionQueries.current());
  const user = useQuery({ ...userQueries.detail(me?.UserID ?? 0), enabled: me !== undefined && me !== null });
  const updateUser = useUpdateUser();
  const notify = useNotify();
  const isMaster = mayManageUsers(me);

  let content;
  if (user.isError) {
    content = <QueryErrorAlert title="Your settings could not be loaded." error={user.error} onRetry={() => void user.refetch()} />;
  } else if (user.isPending) content = <Skeleton variant="rounded" height={480} aria-label="Loading your settings" />;
  else {
    const current = user.data;
    content = (
      <UserForm
        // A fresh form after each save, starting from what the API now holds.
        key={user.dataUpdatedAt}
        mode="edit"
        subject="self"
        defaultValues={userFormValuesOf(current)}
        permissionsReadOnlyReason={isMaster ? undefined : 'Only a master user can change your permissions.'}
        forbiddenSentence="Only a master user can change your permissions."
        submitLabel="Save my settings"
        onSubmit={async (values) => {
          const changes = toUpdateInput(values, current, { includePermissions: isMaster });
          if (Object.keys(changes).length === 0) {
            notify({ message: 'Nothing changed.', severity: 'info' });
            return;
          }
          await updateUser.mutateAsync({ userId: current.UserID, input: changes });
          notify({
            message: changes.PinCode ? 'Your settings are saved. Your new PIN code ended your sessions elsewhere.' : 'Your settings are saved.',
          });
        }}
      />
    );
  }

  return (
    <PageContainer {...pageIntros.settings}>
      {content}
      <SessionsCard />
    </PageContainer>
  );
}
