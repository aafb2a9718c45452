import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import type { User } from '@contract/user.ts';
import { draftChangedWhen } from './draft-summary.ts';
import { useBroadcastDraft } from './use-broadcast-draft.ts';

/**
 * Shown when another tab or window changed (or deleted) the draft this tab also changed (decision 0194): this tab
 * keeps showing its own version, and saves nothing, until the user picks one; neither is lost before that.
 */
export function DraftConflictNotice({ user }: { user: User }) {
  const { conflict, keepMine, takeTheirs, keepBoth } = useBroadcastDraft(user);
  if (conflict === null) return null;
  const { theirs } = conflict;
  return (
    <Alert severity="warning" role="alert" sx={{ mb: 2, '& .MuiAlert-message': { minWidth: 0, flexGrow: 1 } }}>
      <AlertTitle>{theirs === null ? 'This draft was deleted in another tab or window' : 'This draft was changed in another tab or window'}</AlertTitle>
      {theirs === null
        ? 'You still see your version here, and nothing you type is lost. Keep it, or let it go.'
        : `The other version was saved ${draftChangedWhen(theirs.savedAt)}. You still see yours here; it is not saved until you choose.`}
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mt: 1.5 }}>
        <Button variant="contained" color="warning" size="small" onClick={keepMine}>
          {theirs === null ? 'Keep my draft' : 'Keep mine'}
        </Button>
        {theirs !== null && (
          <Button variant="outlined" color="inherit" size="small" onClick={takeTheirs}>
            Take theirs
          </Button>
        )}
        {theirs !== null && (
          <Button color="inherit" size="small" onClick={keepBoth}>
            Keep both (mine as a new draft)
          </Button>
        )}
        {theirs === null && (
          <Button variant="outlined" color="inherit" size="small" onClick={takeTheirs}>
            Let it go
          </Button>
        )}
      </Box>
    </Alert>
  );
}
