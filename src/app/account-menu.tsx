import LogoutOutlined from '@mui/icons-material/LogoutOutlined';
import Avatar from '@mui/material/Avatar';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useLogOut } from '@/api/resources/session/session-mutations.ts';
import type { User } from '@/api/schemas/user.ts';
import { paths } from '@/config/paths.ts';

const initials = (user: User) =>
  `${user.FirstName.charAt(0)}${user.LastName.charAt(0)}`.toUpperCase() || user.UserName.charAt(0).toUpperCase();

export function AccountMenu({ user }: { user: User }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const logOut = useLogOut();
  const navigate = useNavigate();
  const name = `${user.FirstName} ${user.LastName}`.trim() || user.UserName;

  return (
    <>
      <Tooltip title={name}>
        <IconButton
          aria-label={`Account menu for ${name}`}
          aria-haspopup="menu"
          aria-expanded={anchor ? 'true' : undefined}
          onClick={(event) => setAnchor(event.currentTarget)}
          sx={{ ml: 0.5 }}
        >
          <Avatar sx={{ width: 32, height: 32, fontSize: 14, bgcolor: 'primary.main' }}>{initials(user)}</Avatar>
        </IconButton>
      </Tooltip>
      <Menu
        anchorEl={anchor}
        open={anchor !== null}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
      >
        <Box sx={{ px: 2, py: 1, minWidth: 220 }}>
          <Typography variant="subtitle2">{name}</Typography>
          <Typography variant="body2" color="text.secondary">
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
                setAnchor(null);
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
    </>
  );
}
