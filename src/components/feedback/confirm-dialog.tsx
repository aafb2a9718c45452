import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { createContext, useCallback, useContext, useId, useRef, useState, type ReactNode } from 'react';

export interface ConfirmOptions {
  title: string;
  message: ReactNode;
  /** The confirming button's label, e.g. "Delete 12 contacts". */
  confirmLabel: string;
  cancelLabel?: string;
  /** Paints the confirming button red. */
  destructive?: boolean;
  /** Text the user must type before confirming (e.g. the number of contacts to purge). */
  typeToConfirm?: string;
}

type Confirm = (options: ConfirmOptions) => Promise<boolean>;
const ConfirmContext = createContext<Confirm | null>(null);

/** `await confirm({...})` resolves true only when the user confirms. */
export function ConfirmProvider({ children }: { children: ReactNode }) {
  const [options, setOptions] = useState<ConfirmOptions | null>(null);
  const [typed, setTyped] = useState('');
  const resolver = useRef<(value: boolean) => void>(undefined);
  const titleId = useId();
  const descriptionId = useId();

  const confirm = useCallback<Confirm>((next) => {
    resolver.current?.(false);
    setTyped('');
    setOptions(next);
    return new Promise<boolean>((resolve) => {
      resolver.current = resolve;
    });
  }, []);

  const settle = (value: boolean) => {
    resolver.current?.(value);
    resolver.current = undefined;
    setOptions(null);
  };

  const blocked = options?.typeToConfirm !== undefined && typed.trim() !== options.typeToConfirm;
  return (
    <ConfirmContext.Provider value={confirm}>
      {children}
      <Dialog
        open={options !== null}
        onClose={() => settle(false)}
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        maxWidth="xs"
        fullWidth
      >
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
                  onChange={(event) => setTyped(event.target.value)}
                  autoComplete="off"
                />
              )}
            </DialogContent>
            <DialogActions>
              <Button onClick={() => settle(false)} autoFocus={options.typeToConfirm === undefined}>
                {options.cancelLabel ?? 'Cancel'}
              </Button>
              <Button
                variant="contained"
                color={options.destructive ? 'error' : 'primary'}
                disabled={blocked}
                onClick={() => settle(true)}
              >
                {options.confirmLabel}
              </Button>
            </DialogActions>
          </>
        )}
      </Dialog>
    </ConfirmContext.Provider>
  );
}

export function useConfirm(): Confirm {
  const confirm = useContext(ConfirmContext);
  if (!confirm) throw new Error('useConfirm needs a ConfirmProvider above it.');
  return confirm;
}
