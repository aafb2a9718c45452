import MenuIcon from '@mui/icons-material/Menu';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import Stack from '@mui/material/Stack';
import Toolbar from '@mui/material/Toolbar';
import { useTheme } from '@mui/material/styles';
import { Fragment, useState, type ReactElement, type ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router-dom';
import { useMediaMatch } from '@/hooks/use-media-match.ts';

export interface NavigationItem {
  label: string;
  href: string;
  icon: ReactNode;
  /** An element showing a count worth attention (unread replies, say): a NavigationBadge. */
  badge?: ReactElement;
  /** Also highlight the item for deeper paths (e.g. /broadcasts/12 under Broadcasts). */
  matchPrefix?: boolean;
}

export interface NavigationSection {
  title?: string;
  items: NavigationItem[];
}

export interface DashboardLayoutProps {
  brand: ReactNode;
  navigation: NavigationSection[];
  /** The right side of the top bar: theme switch, account menu. */
  toolbar: ReactNode;
  /** Shown above the page content, e.g. a connection banner. */
  banner?: ReactNode;
  children: ReactNode;
}

const DRAWER_WIDTH = 248;

function NavigationList({ sections, onNavigate }: { sections: NavigationSection[]; onNavigate?: () => void }) {
  const { pathname } = useLocation();
  return (
    <Box component="nav" aria-label="Main" sx={{ px: 1.5, py: 2 }}>
      {sections.map((section, index) => (
        <List
          key={section.title ?? index}
          dense
          subheader={
            section.title ? (
              <ListSubheader disableSticky sx={{ bgcolor: 'transparent', lineHeight: 2.5, fontSize: 12 }}>
                {section.title}
              </ListSubheader>
            ) : undefined
          }
        >
          {section.items.map((item) => {
            const active = item.matchPrefix ? pathname === item.href || pathname.startsWith(`${item.href}/`) : pathname === item.href;
            // The link sits in an item: a list may hold only items.
            return (
              <ListItem key={item.href} disablePadding sx={{ display: 'block' }}>
                <ListItemButton
                  component={NavLink}
                  to={item.href}
                  selected={active}
                  onClick={onNavigate}
                  aria-current={active ? 'page' : undefined}
                  sx={{ mb: 0.25, py: 0.75 }}
                >
                  <ListItemIcon sx={{ minWidth: 36 }}>{item.icon}</ListItemIcon>
                  <ListItemText primary={item.label} slotProps={{ primary: { sx: { fontWeight: active ? 600 : 500 } } }} />
                  {item.badge}
                </ListItemButton>
              </ListItem>
            );
          })}
        </List>
      ))}
    </Box>
  );
}

/** The app's frame: a top bar, the navigation (a drawer on small screens) and the page. */
export function DashboardLayout({ brand, navigation, toolbar, banner, children }: DashboardLayoutProps) {
  const [mobileOpen, setMobileOpen] = useState(false);
  // Known at the first draw: the app only renders in the browser.
  const wide = useMediaMatch(useTheme().breakpoints.up('md'));
  // A drawer left open on a narrow window does not spring open again when the window narrows once more.
  if (wide && mobileOpen) setMobileOpen(false);

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <Link
        href="#main-content"
        sx={{
          position: 'absolute',
          left: 8,
          top: -48,
          zIndex: (theme) => theme.zIndex.tooltip,
          bgcolor: 'background.paper',
          px: 2,
          py: 1,
          borderRadius: 1,
          '&:focus': { top: 8 },
        }}
      >
        Skip to content
      </Link>
      <AppBar
        position="fixed"
        elevation={0}
        color="inherit"
        sx={{
          zIndex: (theme) => theme.zIndex.drawer + 1,
          borderBottom: 1,
          borderColor: 'divider',
          bgcolor: 'background.paper',
        }}
      >
        <Toolbar sx={{ gap: 1 }}>
          {!wide && (
            <Box sx={{ position: 'relative', display: 'flex' }}>
              <IconButton edge="start" aria-label="Open navigation" onClick={() => setMobileOpen(true)}>
                <MenuIcon />
              </IconButton>
              {/* The navigation is out of sight: its counts come up to the menu button's corner, over it rather than
                  beside it, so the bar does not move when they arrive. */}
              <Box sx={{ position: 'absolute', top: 8, left: 18, display: 'flex', pointerEvents: 'none' }}>
                {navigation.flatMap((section) => section.items).map((item) => item.badge && <Fragment key={item.href}>{item.badge}</Fragment>)}
              </Box>
            </Box>
          )}
          <Box sx={{ flexGrow: 1, minWidth: 0 }}>{brand}</Box>
          <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
            {toolbar}
          </Stack>
        </Toolbar>
      </AppBar>

      <Box component="aside" sx={{ width: { md: DRAWER_WIDTH }, flexShrink: { md: 0 } }}>
        {/* One drawer at a time: a narrow screen neither draws nor keeps the side one it cannot show. */}
        {wide ? (
          <Drawer
            variant="permanent"
            open
            // The column runs the page's whole length (its border too); its links stay in view as the page scrolls.
            sx={{
              height: '100%',
              '& .MuiDrawer-paper': {
                position: 'relative',
                height: '100%',
                width: DRAWER_WIDTH,
                boxSizing: 'border-box',
                borderRight: 1,
                borderColor: 'divider',
              },
            }}
          >
            <Box sx={{ position: 'sticky', top: 0, maxHeight: '100vh', overflowY: 'auto' }}>
              <Toolbar />
              <NavigationList sections={navigation} />
            </Box>
          </Drawer>
        ) : (
          <Drawer variant="temporary" open={mobileOpen} onClose={() => setMobileOpen(false)} sx={{ '& .MuiDrawer-paper': { width: DRAWER_WIDTH } }}>
            <Toolbar />
            <NavigationList sections={navigation} onNavigate={() => setMobileOpen(false)} />
          </Drawer>
        )}
      </Box>

      <Box component="main" id="main-content" tabIndex={-1} sx={{ flexGrow: 1, minWidth: 0, outline: 'none', bgcolor: 'background.default' }}>
        <Toolbar />
        {banner}
        <Box sx={{ p: { xs: 2, sm: 3, lg: 4 } }}>{children}</Box>
      </Box>
    </Box>
  );
}
