import UndoOutlined from '@mui/icons-material/UndoOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { alpha } from '@mui/material/styles';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useNavigate } from 'react-router-dom';
import { isApiError } from '@/api/api-error.ts';
import { broadcastQueries } from '@/api/resources/broadcasts/broadcast-queries.ts';
import { cancelBroadcast } from '@/api/resources/broadcasts/broadcast-requests.ts';
import { accountQueries } from '@/api/resources/account/account-queries.ts';
import { sessionQueries } from '@/api/resources/session/session-queries.ts';
import { withSettingDefaults } from '@/api/resources/session/session-user.ts';
import type { User } from '@contract/user.ts';
import { useNotify } from '@/components/feedback/notifications.tsx';
import { paths } from '@/config/paths.ts';
import { appNow } from '@/utils/app-clock.ts';
import {
  countdownInWords,
  draftAfterUndo,
  dropHold,
  formatCountdown,
  holdOf,
  holdsSnapshot,
  secondsLeft,
  subscribeHolds,
  type SendHold,
} from '../create-broadcast-wizard/send-hold.ts';
import { useBroadcastDraft } from '../create-broadcast-wizard/use-broadcast-draft.ts';

/**
 * On the page a held send lands on (its report): the time left before it starts, and Undo, which cancels it (both
 * halves of a combo) and brings its draft back in the wizard (docs/decisions/0185-undo-window-as-a-later-start.md).
 */
export function UndoSendBanner({ broadcastId }: { broadcastId: number }) {
  const { data: session } = useQuery(sessionQueries.current());
  const user = useMemo(() => (session ? withSettingDefaults(session) : null), [session]);
  return user ? <HeldSend broadcastId={broadcastId} user={user} /> : null;
}

function HeldSend({ broadcastId, user }: { broadcastId: number; user: User }) {
  // Re-read when this tab or another changes the holds (Undo in another tab hides it here too).
  const snapshot = useSyncExternalStore(subscribeHolds, () => holdsSnapshot(user.UserID));
  const hold = useMemo(() => (snapshot === null ? null : holdOf(user.UserID, broadcastId, appNow())), [snapshot, user.UserID, broadcastId]);
  const [now, setNow] = useState(appNow);
  const left = hold ? secondsLeft(hold.startsAt, now) : 0;
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!hold) return;
    const timer = window.setInterval(() => setNow(appNow()), 1000);
    return () => window.clearInterval(timer);
  }, [hold]);
  // Once it starts, the report asks again, so it shows the broadcast under way.
  const started = hold !== null && left === 0;
  useEffect(() => {
    if (started) void queryClient.invalidateQueries({ queryKey: broadcastQueries.all() });
  }, [started, queryClient]);

  if (!hold || left === 0) return null;
  return <Countdown hold={hold} left={left} user={user} />;
}

function Countdown({ hold, left, user }: { hold: SendHold; left: number; user: User }) {
  const { start } = useBroadcastDraft(user);
  const navigate = useNavigate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [undoing, setUndoing] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const undo = async () => {
    setUndoing(true);
    setFailure(null);
    const [first, ...others] = hold.broadcastIds;
    try {
      await cancelBroadcast(first!);
    } catch (error) {
      setUndoing(false);
      setFailure(
        isApiError(error) && error.status === 409
          ? 'It has already started or finished, so it cannot be undone here.'
          : error instanceof Error
            ? error.message
            : 'It could not be undone.',
      );
      return;
    }
    // The other half of a combo: an API that cancels both at once answers 409 here, which is as good.
    await Promise.allSettled(others.map((id) => cancelBroadcast(id)));
    dropHold(user.UserID, first!, appNow());
    start(draftAfterUndo(hold));
    await Promise.all([queryClient.invalidateQueries({ queryKey: broadcastQueries.all() }), queryClient.invalidateQueries({ queryKey: accountQueries.all() })]);
    notify({ message: `Sending “${hold.name}” was undone. Nothing was sent; your draft is back as it was.` });
    void navigate(paths.broadcasts.create.href({ step: 'review' }));
  };

  return (
    <Box
      role="region"
      aria-label="Undo sending"
      sx={{ mb: 3, px: 2, py: 1.5, borderRadius: 1, border: 1, borderColor: 'info.main', bgcolor: (theme) => alpha(theme.palette.info.main, 0.08) }}
    >
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1.5, justifyContent: 'space-between' }}>
        <Box sx={{ minWidth: 0 }}>
          <Box component="p" sx={{ m: 0, fontWeight: 500 }}>
            Starts in{' '}
            <Box component="span" role="timer" aria-label={countdownInWords(left)} sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: 700 }}>
              {formatCountdown(left)}
            </Box>
          </Box>
          <Box component="p" sx={{ m: 0 }}>
            Nothing has gone out yet. Undo stops it and brings your draft back.
          </Box>
          {failure && (
            <Box component="p" role="alert" sx={{ m: 0, mt: 0.5, color: 'error.main' }}>
              {failure}
            </Box>
          )}
        </Box>
        <Button variant="contained" startIcon={<UndoOutlined />} onClick={() => void undo()} loading={undoing} sx={{ flexShrink: 0 }}>
          Undo
        </Button>
      </Box>
    </Box>
  );
}
