import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link as RouterLink } from 'react-router';
import { sessionQueries } from '@/api/resources/session/session-queries.ts';
import { withSettingDefaults } from '@/api/resources/session/session-user.ts';
import type { User } from '@contract/user.ts';
import { paths } from '@/config/paths.ts';
import { useDraftList } from '../create-broadcast-wizard/use-broadcast-draft.ts';

function DraftsLabel({ user }: { user: User }) {
  const { drafts } = useDraftList(user);
  return <>Drafts{drafts.length > 0 ? ` (${drafts.length})` : ''}</>;
}

/** The two views of Broadcasts: those sent or scheduled (the API's list) and the drafts kept in this browser. */
export function BroadcastTabs({ current }: { current: 'broadcasts' | 'drafts' }) {
  const { data: session } = useQuery(sessionQueries.current());
  const user = useMemo(() => (session ? withSettingDefaults(session) : null), [session]);
  return (
    <Box component="nav" aria-label="Broadcasts and drafts" sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>
      <Tabs value={current} aria-label="Broadcasts and drafts">
        <Tab value="broadcasts" label="Sent and scheduled" component={RouterLink} to={paths.broadcasts.list.href()} aria-current={current === 'broadcasts' ? 'page' : undefined} />
        <Tab
          value="drafts"
          label={user ? <DraftsLabel user={user} /> : 'Drafts'}
          component={RouterLink}
          to={paths.broadcasts.drafts.href()}
          aria-current={current === 'drafts' ? 'page' : undefined}
        />
      </Tabs>
    </Box>
  );
}
