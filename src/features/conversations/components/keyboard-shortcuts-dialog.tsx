import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useId } from 'react';

const inboxShortcuts = [
  { keys: 'J', action: 'Next conversation' },
  { keys: 'K', action: 'Previous conversation' },
  { keys: 'R', action: 'Reply (focus the reply box)' },
  { keys: 'Ctrl + Enter', action: 'Send the reply' },
  { keys: 'Esc', action: 'Leave the reply box' },
  { keys: 'E', action: 'Mark done, or reopen' },
  { keys: 'U', action: 'Undo the last mark done' },
  { keys: '?', action: 'Show these shortcuts' },
] as const;

export function KeyboardShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const titleId = useId();
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={titleId} maxWidth="xs" fullWidth>
      <DialogTitle id={titleId}>Keyboard shortcuts</DialogTitle>
      <DialogContent>
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, rowGap: 1.25, m: 0 }}>
          {inboxShortcuts.map((shortcut) => (
            <Box key={shortcut.keys} sx={{ display: 'contents' }}>
              <Typography component="dt" variant="body2">
                <Box
                  component="kbd"
                  sx={{
                    fontFamily: 'inherit',
                    fontWeight: 600,
                    fontSize: 12,
                    px: 0.75,
                    py: 0.25,
                    border: 1,
                    borderColor: 'divider',
                    borderRadius: 1,
                    bgcolor: 'background.default',
                  }}
                >
                  {shortcut.keys}
                </Box>
              </Typography>
              <Typography component="dd" variant="body2" sx={{ m: 0 }}>
                {shortcut.action}
              </Typography>
            </Box>
          ))}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} autoFocus>
          Close
        </Button>
      </DialogActions>
    </Dialog>
  );
}
