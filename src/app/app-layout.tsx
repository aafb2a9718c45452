import CampaignOutlined from '@mui/icons-material/CampaignOutlined';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Link as RouterLink, Outlet, useNavigation } from 'react-router-dom';
import { sandboxQueries } from '@/api/resources/sandbox/sandbox-queries.ts';
import { sessionQueries } from '@/api/resources/session/session-queries.ts';
import { DashboardLayout } from '@/components/layout/dashboard-layout.tsx';
import { ColorModeToggle } from '@/components/layout/color-mode-toggle.tsx';
import { paths } from '@/config/paths.ts';
import { AccountMenu } from './account-menu.tsx';
import { ConnectionBanner } from './connection-banner.tsx';
import { navigationFor } from './navigation.tsx';
import { UnreadTitle } from './unread-badge.tsx';

// Neither is needed to draw the frame: the badge shows in sandbox mode only, the bar only while a page loads.
const SandboxBadge = lazy(() => import('./sandbox-badge.tsx').then((module) => ({ default: module.SandboxBadge })));
const NavigationProgress = lazy(() => import('./navigation-progress.tsx').then((module) => ({ default: module.NavigationProgress })));

function Brand({ sandbox }: { sandbox: boolean }) {
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5 }}>
      <Link
        component={RouterLink}
        to={paths.home.href()}
        underline="none"
        color="inherit"
        sx={{ display: 'flex', alignItems: 'center', gap: 1 }}
        aria-label="Callboard home"
      >
        <Box
          sx={{
            width: 32,
            height: 32,
            borderRadius: 2,
            display: 'grid',
            placeItems: 'center',
            color: 'primary.contrastText',
            bgcolor: 'primary.main',
          }}
        >
          <CampaignOutlined fontSize="small" />
        </Box>
        <Typography variant="h3" component="span" sx={{ letterSpacing: '-0.01em' }}>
          Callboard
        </Typography>
      </Link>
      {sandbox && (
        <Suspense fallback={null}>
          <SandboxBadge />
        </Suspense>
      )}
    </Box>
  );
}

/**
 * The bar under the top bar while the next page loads. Only it follows the router's loading state: the frame drawn
 * again on each navigation would be work done twice per click.
 */
function PageLoadingBar() {
  const navigation = useNavigation();
  if (navigation.state !== 'loading') return null;
  return (
    <Suspense fallback={null}>
      <NavigationProgress />
    </Suspense>
  );
}

/** The signed-in frame: navigation, top bar, and the current page. */
export function AppLayout() {
  const { data: user } = useQuery(sessionQueries.current());
  const { data: config } = useQuery(sessionQueries.serverConfig());
  // In sandbox mode, pages wait for the sandbox's clock: their relative times and "today" follow it.
  const sandboxClock = useQuery({ ...sandboxQueries.clock(), enabled: config?.Sandbox === true, staleTime: Infinity });
  if (!user) return null;
  if (config?.Sandbox === true && sandboxClock.isPending) return null;

  return (
    <DashboardLayout
      brand={<Brand sandbox={config?.Sandbox ?? false} />}
      navigation={navigationFor(user)}
      toolbar={
        <>
          <ColorModeToggle />
          <AccountMenu user={user} />
        </>
      }
      banner={
        <>
          <PageLoadingBar />
          <ConnectionBanner />
          <UnreadTitle />
        </>
      }
    >
      <Outlet />
    </DashboardLayout>
  );
}
