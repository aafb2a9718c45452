import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useId } from 'react';
import type { ConfirmOptions } from './confirm-dialog.tsx';

/** The confirmation dialog itself: open while `options` is set; `onSettle(true)` only when the user confirms. */
export function ConfirmDialogWindow({
  options,
  typed,
  onTypedChange,
  onSettle,
}: {
  options: ConfirmOptions | null;
  typed: string;
  onTypedChange: (typed: string) => void;
  onSettle: (confirmed: boolean) => void;
}) {
  const titleId = useId();
  const descriptionId = useId();
  const blocked = options?.typeToConfirm !== undefined && typed.trim() !== options.typeToConfirm;
  return (
    <Dialog open={options !== null} onClose={() => onSettle(false)} aria-labelledby={titleId} aria-describedby={descriptionId} maxWidth="xs" fullWidth>
      {options && (
        <>
          <DialogTitle id={titleId}>{options.title}</DialogTitle>
          <DialogContent>
            <DialogContentText id={descriptionId} component="div">
              {options.message}
            </DialogContentText>
            {options.typeToConfirm !== undefined && (
              <TextField
                autoFocus
                margin="normal"
                label={`Type ${options.typeToConfirm} to confirm`}
                value={typed}
                onChange={(event) => onTypedChange(event.target.value)}
                autoComplete="off"
              />
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={() => onSettle(false)} autoFocus={options.typeToConfirm === undefined}>
              {options.cancelLabel ?? 'Cancel'}
            </Button>
            <Button variant="contained" color={options.destructive ? 'error' : 'primary'} disabled={blocked} onClick={() => onSettle(true)}>
              {options.confirmLabel}
            </Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}
