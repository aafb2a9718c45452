import AccessTimeOutlined from '@mui/icons-material/AccessTimeOutlined';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Skeleton from '@mui/material/Skeleton';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useAdvanceSandboxClock } from '@/api/resources/sandbox/sandbox-mutations.ts';
import { sandboxQueries } from '@/api/resources/sandbox/sandbox-queries.ts';
import { sessionQueries } from '@/api/resources/session/session-queries.ts';
import { timeZoneForState } from '@contract/common.ts';
import { useNotify } from '@/components/feedback/notifications.tsx';
import { dayjs, timeZoneName } from '@/utils/dayjs.ts';
import { isKnownMasterUser } from '@/api/resources/session/session-user.ts';

const SandboxRecordingDialog = lazy(() => import('./sandbox-recording-dialog.tsx').then((module) => ({ default: module.SandboxRecordingDialog })));

const STEPS = [
  { minutes: 15, label: '15 minutes' },
  { minutes: 60, label: '1 hour' },
  { minutes: 24 * 60, label: '1 day' },
] as const;

/**
 * Marks the embedded sandbox in the top bar, so no one mistakes it for the real service, and holds its clock:
 * moving it forward plays out the calls, texts and replies due by then, so a broadcast can be watched to the end.
 */
export function SandboxBadge() {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [recording, setRecording] = useState(false);
  const clock = useQuery({ ...sandboxQueries.clock(), enabled: anchor !== null });
  const { data: user } = useQuery(sessionQueries.current());
  const advance = useAdvanceSandboxClock();
  const notify = useNotify();
  const timeZone = timeZoneForState(user?.State ?? '');
  // The clock is the whole sandbox's: only a master user moves it (docs/decisions/0114-sandbox-clock-master-only.md).
  const canMoveClock = isKnownMasterUser(user);

  const moveForward = (step: (typeof STEPS)[number]) =>
    advance.mutate(step.minutes, {
      onSuccess: () => {
        setAnchor(null);
        notify({ message: `The sandbox clock moved forward ${step.label}: everything due by then has happened.` });
      },
    });

  return (
    <>
      <Tooltip title="Connected to the built-in sandbox: nothing is really called or texted. Open to move its clock.">
        <Chip
          label="Sandbox"
          size="small"
          color="warning"
          variant="outlined"
          icon={<AccessTimeOutlined />}
          onClick={(event) => setAnchor(event.currentTarget)}
          aria-haspopup="menu"
          aria-expanded={anchor ? 'true' : undefined}
        />
      </Tooltip>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)} slotProps={{ list: { 'aria-label': 'Sandbox clock' } }}>
        <Box sx={{ px: 2, pt: 1, pb: 1.5, maxWidth: 300 }}>
          <Typography variant="subtitle2">Sandbox clock</Typography>
          <Typography variant="body2" role="status">
            {clock.data ? (
              `${dayjs(clock.data.Now).tz(timeZone).format('ddd, MMM D, YYYY h:mm A')} ${timeZoneName(timeZone)}`
            ) : clock.isError ? (
              'The clock could not be read.'
            ) : (
              <Skeleton width={220} />
            )}
          </Typography>
          <Typography variant="caption" color="textSecondary" component="p" sx={{ mt: 0.5 }}>
            {clock.data && clock.data.Speed !== 1 ? `It runs ${clock.data.Speed}× faster than real time. ` : ''}
            {canMoveClock ? 'Moving it forward plays out every call, text and reply due by then.' : 'Only a master user can move it forward.'}
          </Typography>
        </Box>
        {canMoveClock && <Divider />}
        {canMoveClock &&
          STEPS.map((step) => (
            <MenuItem key={step.minutes} disabled={advance.isPending} onClick={() => moveForward(step)}>
              Move forward {step.label}
            </MenuItem>
          ))}
        <Divider />
        <MenuItem
          onClick={() => {
            setAnchor(null);
            setRecording(true);
          }}
        >
          Record a message by phone…
        </MenuItem>
      </Menu>
      {recording && (
        <Suspense fallback={null}>
          <SandboxRecordingDialog open={recording} onClose={() => setRecording(false)} />
        </Suspense>
      )}
    </>
  );
}
