import BlockOutlined from '@mui/icons-material/BlockOutlined';
import ContentCopyOutlined from '@mui/icons-material/ContentCopyOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import PauseOutlined from '@mui/icons-material/PauseOutlined';
import PlayArrowOutlined from '@mui/icons-material/PlayArrowOutlined';
import Button from '@mui/material/Button';
import type { ReactNode } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { useCancelBroadcast, useDeleteBroadcast, usePauseBroadcast, useResumeBroadcast } from '@/api/resources/broadcasts/broadcast-mutations.ts';
import { notOfferedSentence, useFeatureOffered, type OptionalFeature } from '@/api/route-availability.ts';
import type { Broadcast, BroadcastStatus } from '@contract/broadcast.ts';
import { useConfirm } from '@/components/feedback/confirm-dialog.tsx';
import { NotOfferedNote } from '@/components/feedback/not-offered-note.tsx';
import { useNotify } from '@/components/feedback/notifications.tsx';
import { paths } from '@/config/paths.ts';
import { formatCount } from '@/utils/format-number.ts';
import { textOr } from '@/utils/missing.ts';

/** Which statuses each action may start from (docs/decisions/0010-broadcast-lifecycle.md). */
const allowedFrom: Record<'pause' | 'resume' | 'cancel' | 'delete', readonly BroadcastStatus[]> = {
  pause: ['AuthorizationApproved', 'InProgress'],
  resume: ['Paused'],
  cancel: ['AuthorizationApproved', 'InProgress', 'Paused'],
  delete: ['AuthorizationApproved', 'Complete', 'Canceled', 'Expired'],
};

export interface BroadcastActionsProps {
  broadcast: Broadcast;
  broadcastId: number;
  /** A combo's other half: actions move both, so both decide what is possible. */
  otherHalf?: Broadcast;
}

/** The action's route, whose absence from the API (decision 0131) puts a sentence in the button's place. */
const featureOf: Record<keyof typeof allowedFrom, OptionalFeature> = {
  pause: 'broadcastPause',
  resume: 'broadcastResume',
  cancel: 'broadcastCancel',
  delete: 'broadcastDelete',
};

/**
 * Pause, resume, cancel, duplicate and delete: only the ones the broadcast's state allows are offered, and one the
 * API turned out not to have says so instead.
 */
export function BroadcastActions({ broadcast, broadcastId, otherHalf }: BroadcastActionsProps) {
  const confirm = useConfirm();
  const notify = useNotify();
  const navigate = useNavigate();
  const pause = usePauseBroadcast();
  const resume = useResumeBroadcast();
  const cancel = useCancelBroadcast();
  const remove = useDeleteBroadcast();
  const offered = {
    pause: useFeatureOffered('broadcastPause'),
    resume: useFeatureOffered('broadcastResume'),
    cancel: useFeatureOffered('broadcastCancel'),
    delete: useFeatureOffered('broadcastDelete'),
  };
  /** The action's button, or the sentence that says the API does not have it. */
  const offer = (action: keyof typeof allowedFrom, button: ReactNode) =>
    offered[action] ? button : <NotOfferedNote sentence={notOfferedSentence(featureOf[action])} />;
  const halves = otherHalf ? [broadcast, otherHalf] : [broadcast];
  const anyCan = (action: keyof typeof allowedFrom) =>
    halves.some((half) => half.BroadcastStatus !== null && allowedFrom[action].includes(half.BroadcastStatus));
  const busy = pause.isPending || resume.isPending || cancel.isPending || remove.isPending;
  const both = otherHalf ? ' Both the calls and the texts are affected.' : '';
  const unreached = halves.reduce((sum, half) => sum + Math.max(0, half.PhoneNumberCount - half.TotalCompleted), 0);

  // One topic per broadcast: "Resumed." replaces "Paused… Undo", so no stale Undo is left to fail.
  const topic = `broadcast-state-${broadcastId}`;
  const doResume = () =>
    resume.mutate(broadcastId, {
      onSuccess: (updated) =>
        notify({ topic, message: updated.BroadcastStatus === 'AuthorizationApproved' ? 'Resumed. It starts at its scheduled time.' : 'Resumed.' }),
    });
  const doPause = () =>
    pause.mutate(broadcastId, {
      onSuccess: () => notify({ topic, message: 'Paused. Nothing new goes out until you resume.', action: { label: 'Undo', onClick: doResume } }),
    });
  const doCancel = async () => {
    const confirmed = await confirm({
      title: 'Cancel this broadcast?',
      message: `The ${formatCount(unreached)} numbers not reached yet will not be contacted. Numbers already reached keep their results. This cannot be undone.${both}`,
      confirmLabel: 'Cancel broadcast',
      cancelLabel: 'Keep it',
      destructive: true,
    });
    if (confirmed) cancel.mutate(broadcastId, { onSuccess: () => notify({ topic, message: 'Broadcast canceled.' }) });
  };
  const doDelete = async () => {
    const scheduled = halves.some((half) => half.BroadcastStatus === 'AuthorizationApproved');
    const confirmed = await confirm({
      title: 'Delete this broadcast?',
      message: `${scheduled ? 'It will not be sent. ' : ''}It disappears from the list and its results can no longer be read or exported.${both}`,
      confirmLabel: 'Delete broadcast',
      destructive: true,
    });
    if (!confirmed) return;
    remove.mutate(broadcastId, {
      onSuccess: () => {
        notify({ message: `“${textOr(broadcast.BroadcastName)}” was deleted.` });
        void navigate(paths.broadcasts.list.href(), { replace: true });
      },
    });
  };

  return (
    <>
      {anyCan('pause') &&
        offer(
          'pause',
          <Button variant="outlined" startIcon={<PauseOutlined />} onClick={doPause} disabled={busy}>
            Pause
          </Button>,
        )}
      {anyCan('resume') &&
        offer(
          'resume',
          <Button variant="contained" startIcon={<PlayArrowOutlined />} onClick={doResume} disabled={busy}>
            Resume
          </Button>,
        )}
      {anyCan('cancel') &&
        offer(
          'cancel',
          <Button variant="outlined" color="error" startIcon={<BlockOutlined />} onClick={() => void doCancel()} disabled={busy}>
            Cancel broadcast
          </Button>,
        )}
      <Button variant="outlined" startIcon={<ContentCopyOutlined />} component={RouterLink} to={paths.broadcasts.create.href({ from: broadcastId })}>
        Duplicate
      </Button>
      {halves.every((half) => half.BroadcastStatus !== null && allowedFrom.delete.includes(half.BroadcastStatus)) &&
        offer(
          'delete',
          <Button variant="outlined" color="error" startIcon={<DeleteOutlined />} onClick={() => void doDelete()} disabled={busy}>
            Delete
          </Button>,
        )}
    </>
  );
}
