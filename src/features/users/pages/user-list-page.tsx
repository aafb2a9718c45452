import PersonAddOutlined from '@mui/icons-material/PersonAddOutlined';
import PeopleOutlined from '@mui/icons-material/PeopleOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { GridColDef } from '@mui/x-data-grid';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { accountQueries } from '@/api/resources/account/account-queries.ts';
import { sessionQueries } from '@/api/resources/session/session-queries.ts';
import { userQueries } from '@/api/resources/users/user-queries.ts';
import { timeZoneForState } from '@contract/common.ts';
import { formatPhoneNumber } from '@contract/phone-format.ts';
import type { User } from '@contract/user.ts';
import { DebouncedSearchField } from '@/components/data-table/debounced-search-field.tsx';
import { ServerDataGrid } from '@/components/data-table/server-data-grid.tsx';
import { EmptyState } from '@/components/feedback/empty-state.tsx';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert.tsx';
import { PageContainer } from '@/components/layout/page-container.tsx';
import { paths } from '@/config/paths.ts';
import { useListSearchParams } from '@/hooks/use-list-search-params.ts';
import { userListParams } from '../user-list-state.ts';
import { timeZoneLabel } from '@/utils/us-states.ts';
import { isForbidden, mayManageUsers } from '@/api/resources/session/session-user.ts';
import { MasterOnlyNotice } from '../components/master-only-notice.tsx';
import { audioAccess, formatCallingDays, formatTimeOfDay, fullName } from '../user-summary.ts';
import { textOr } from '@/utils/missing.ts';

function AccessChips({ user }: { user: User }) {
  const chips = [
    ['broadcasts', user.Permissions?.CanSeeAllBroadcasts ? 'All' : 'Own'],
    ['contacts', user.Permissions?.CanSeeAllRoster ? 'All' : 'Own'],
    ['audio', audioAccess(user.Permissions)],
  ] as const;
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', height: '100%' }}>
      {chips.map(([area, access]) => (
        <Chip
          key={area}
          size="small"
          label={`${access} ${area}`}
          color={access === 'All' ? 'primary' : 'default'}
          variant={access === 'All' ? 'filled' : 'outlined'}
        />
      ))}
    </Stack>
  );
}

function TwoLines({ primary, secondary }: { primary: ReactNode; secondary: ReactNode }) {
  return (
    <Box sx={{ py: 1, lineHeight: 1.35, minWidth: 0 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 0 }}>{primary}</Box>
      <Typography variant="caption" color="textSecondary" noWrap component="p">
        {secondary}
      </Typography>
    </Box>
  );
}

const columns: GridColDef<User>[] = [
  {
    field: 'LastName',
    headerName: 'Name',
    flex: 1.2,
    minWidth: 220,
    renderCell: ({ row }) => (
      <TwoLines
        primary={
          <>
            <Link component={RouterLink} to={paths.users.edit.href(row.UserID)} underline="hover" noWrap sx={{ fontWeight: 500 }}>
              {fullName(row)}
            </Link>
            {row.IsMasterUser && <Chip size="small" label="Master" color="secondary" variant="outlined" />}
          </>
        }
        secondary={row.UserName}
      />
    ),
  },
  {
    field: 'Email',
    headerName: 'Contact',
    flex: 1,
    minWidth: 190,
    renderCell: ({ row }) => (
      <TwoLines
        primary={
          <Typography variant="body2" noWrap>
            {row.Email || '—'}
          </Typography>
        }
        secondary={formatPhoneNumber(row.Phone)}
      />
    ),
  },
  {
    field: 'State',
    headerName: 'Calling window',
    flex: 1,
    minWidth: 200,
    renderCell: ({ row }) => (
      <TwoLines
        primary={
          <Typography variant="body2" noWrap>
            {formatTimeOfDay(row.StartTimeOfDay)} – {formatTimeOfDay(row.StopTimeOfDay)}
          </Typography>
        }
        secondary={`${formatCallingDays(row.CallingWindowDays)} · ${timeZoneLabel(timeZoneForState(row.State ?? ''))} (${textOr(row.State)})`}
      />
    ),
  },
  { field: 'Access', headerName: 'Sees', minWidth: 330, sortable: false, renderCell: ({ row }) => <AccessChips user={row} /> },
];

/** The account's users, for master users: who they are, their calling defaults and what they may see. */
export function UserListPage() {
  const { data: me } = useQuery(sessionQueries.current());
  const navigate = useNavigate();
  const list = useListSearchParams();
  const account = useQuery(accountQueries.detail());
  const isMaster = mayManageUsers(me);
  const users = useQuery({
    ...userQueries.list(userListParams(list)),
    enabled: isMaster,
  });
  const canCreate = account.data?.CanCreateUsers === true;

  const addButton = (
    <Tooltip title={account.data && !canCreate ? 'This account may not create users. Call-Em-All support can allow it.' : ''}>
      <span>
        <Button component={RouterLink} to={paths.users.create.href()} variant="contained" startIcon={<PersonAddOutlined />} disabled={!canCreate}>
          Add user
        </Button>
      </span>
    </Tooltip>
  );

  // Unknown to the session, the API decides: its 403 says the same as the session would have.
  if (!isMaster || isForbidden(users.error)) {
    return (
      <PageContainer title="Users">
        <MasterOnlyNotice />
      </PageContainer>
    );
  }

  return (
    <PageContainer title="Users" description="Who works on this account, their calling defaults and what they see." actions={addButton}>
      <Stack spacing={2}>
        <DebouncedSearchField value={list.search} onChange={list.setSearch} label="Search users" placeholder="Name, user name or e-mail" />
        {users.isError ? (
          <QueryErrorAlert title="The users could not be loaded." error={users.error} onRetry={() => void users.refetch()} />
        ) : (
          <ServerDataGrid
            label="Users"
            list={list}
            rows={users.data?.Items ?? []}
            rowCount={users.data?.Size ?? 0}
            loading={users.isFetching}
            columns={columns}
            getRowId={(row) => row.UserID}
            getRowHeight={() => 60}
            onRowClick={({ row }) => void navigate(paths.users.edit.href(row.UserID))}
            sx={{ '& .MuiDataGrid-row': { cursor: 'pointer' } }}
            slots={{
              noRowsOverlay: () => (
                <EmptyState
                  icon={<PeopleOutlined />}
                  title={list.search ? 'No user matches' : 'No users yet'}
                  description={list.search ? 'Try another name or user name.' : 'Add the people who send broadcasts.'}
                />
              ),
            }}
            autoHeight
          />
        )}
      </Stack>
    </PageContainer>
  );
}
