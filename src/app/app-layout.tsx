import CampaignOutlined from '@mui/icons-material/CampaignOutlined';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink, Outlet, useNavigation } from 'react-router';
import { sessionQueries } from '@/api/resources/session/session-queries.ts';
import { DashboardLayout } from '@/components/layout/dashboard-layout.tsx';
import { ColorModeToggle } from '@/components/layout/color-mode-toggle.tsx';
import { paths } from '@/config/paths.ts';
import { AccountMenu } from './account-menu.tsx';
import { ConnectionBanner } from './connection-banner.tsx';
import { navigationFor } from './navigation.tsx';
import { SandboxBadge } from './sandbox-badge.tsx';

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
      {sandbox && <SandboxBadge />}
    </Box>
  );
}

/** The signed-in frame: navigation, top bar, and the current page. */
export function AppLayout() {
  const { data: user } = useQuery(sessionQueries.current());
  const { data: config } = useQuery(sessionQueries.serverConfig());
  const navigation = useNavigation();
  if (!user) return null;

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
          {navigation.state === 'loading' && <LinearProgress aria-label="Loading page" sx={{ position: 'sticky', top: 64, zIndex: 1 }} />}
          <ConnectionBanner />
        </>
      }
    >
      <Outlet />
    </DashboardLayout>
  );
}
