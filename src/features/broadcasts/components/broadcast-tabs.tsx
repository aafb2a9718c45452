import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { sessionQueries } from '@/api/resources/session/session-queries.ts';
import { withSettingDefaults } from '@/api/resources/session/session-user.ts';
import { paths } from '@/config/paths.ts';

// The draft code (the wizard's draft shape and its checks) is most of the wizard's weight: the count comes a moment later.
const DraftsCount = lazy(() => import('./drafts-count.tsx').then((module) => ({ default: module.DraftsCount })));

/**
 * The two views of Broadcasts, as links: those sent or scheduled (the API's list) and the drafts kept in this browser.
 * Drawn as the filter tabs are (CSS underline, nothing measured), so the broadcasts home loads no tab machinery.
 */
export function BroadcastTabs({ current }: { current: 'broadcasts' | 'drafts' }) {
  const { data: session } = useQuery(sessionQueries.current());
  const user = useMemo(() => (session ? withSettingDefaults(session) : null), [session]);
  const views = [
    { value: 'broadcasts', label: 'Sent and scheduled', to: paths.broadcasts.list.href() },
    { value: 'drafts', label: 'Drafts', to: paths.broadcasts.drafts.href() },
  ] as const;
  return (
    <Box component="nav" aria-label="Broadcasts and drafts" sx={{ display: 'flex', borderBottom: 1, borderColor: 'divider', mb: 2 }}>
      {views.map((view) => {
        const selected = view.value === current;
        return (
          <ButtonBase
            key={view.value}
            component={RouterLink}
            to={view.to}
            aria-current={selected ? 'page' : undefined}
            sx={(theme) => ({
              ...theme.typography.button,
              minHeight: 48,
              px: 2,
              color: selected ? 'primary.main' : 'text.secondary',
              boxShadow: selected ? `inset 0 -2px 0 ${(theme.vars ?? theme).palette.primary.main}` : 'none',
              '&.Mui-focusVisible': { bgcolor: 'action.focus' },
            })}
          >
            {view.label}
            {view.value === 'drafts' && user && (
              <Suspense fallback={null}>
                <DraftsCount user={user} />
              </Suspense>
            )}
          </ButtonBase>
        );
      })}
    </Box>
  );
}
