import LogoutOutlined from '@mui/icons-material/LogoutOutlined';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import ListItemIcon from '@mui/material/ListItemIcon';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import { useNavigate } from 'react-router-dom';
import { useLogOut } from '@/api/resources/session/session-mutations.ts';
import type { SessionUser } from '@contract/user.ts';
import { paths } from '@/config/paths.ts';

/** Who is signed in, and logging out: the account button's menu. */
export function AccountMenuPopup({ user, name, anchor, onClose }: { user: SessionUser; name: string; anchor: HTMLElement | null; onClose: () => void }) {
  const logOut = useLogOut();
  const navigate = useNavigate();
  return (
    <Menu
      anchorEl={anchor}
      open={anchor !== null}
      onClose={onClose}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
      transformOrigin={{ vertical: 'top', horizontal: 'right' }}
    >
      <Box sx={{ px: 2, py: 1, minWidth: 220 }}>
        <Typography variant="subtitle2">{name}</Typography>
        <Typography variant="body2" color="textSecondary">
          {user.UserName}
          {user.IsMasterUser ? ' · Master user' : ''}
        </Typography>
      </Box>
      <Divider />
      <MenuItem
        disabled={logOut.isPending}
        onClick={() =>
          logOut.mutate(undefined, {
            onSettled: () => {
              onClose();
              void navigate(paths.login.href(), { replace: true });
            },
          })
        }
      >
        <ListItemIcon>
          <LogoutOutlined fontSize="small" />
        </ListItemIcon>
        Log out
      </MenuItem>
    </Menu>
  );
}
