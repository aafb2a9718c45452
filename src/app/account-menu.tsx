import Avatar from '@mui/material/Avatar';
import IconButton from '@mui/material/IconButton';
import { lazy, Suspense, useState } from 'react';
import type { SessionUser } from '@contract/user.ts';
import { DeferredTooltip } from '@/components/data-display/deferred-tooltip.tsx';

// The menu's code loads when it is first opened.
const AccountMenuPopup = lazy(() => import('./account-menu-popup.tsx').then((module) => ({ default: module.AccountMenuPopup })));

// The session may know only the user name (decision 0113): the initials and name fall back to it.
const initials = (user: SessionUser) =>
  `${user.FirstName?.charAt(0) ?? ''}${user.LastName?.charAt(0) ?? ''}`.toUpperCase() || (user.UserName ?? '').charAt(0).toUpperCase();

export function AccountMenu({ user }: { user: SessionUser }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [opened, setOpened] = useState(false);
  const name = `${user.FirstName ?? ''} ${user.LastName ?? ''}`.trim() || (user.UserName ?? '');

  return (
    <>
      <DeferredTooltip title={name}>
        <IconButton
          aria-label={`Account menu for ${name}`}
          aria-haspopup="menu"
          aria-expanded={anchor ? 'true' : undefined}
          onClick={(event) => {
            setAnchor(event.currentTarget);
            setOpened(true);
          }}
          sx={{ ml: 0.5 }}
        >
          <Avatar sx={{ width: 32, height: 32, fontSize: 14, bgcolor: 'primary.main' }}>{initials(user)}</Avatar>
        </IconButton>
      </DeferredTooltip>
      {opened && (
        <Suspense fallback={null}>
          <AccountMenuPopup user={user} name={name} anchor={anchor} onClose={() => setAnchor(null)} />
        </Suspense>
      )}
    </>
  );
}
