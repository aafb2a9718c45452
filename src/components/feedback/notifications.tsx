import Alert, { type AlertColor } from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

export interface NotificationInput {
  message: string;
  severity?: AlertColor;
  /** One action, e.g. Undo; clicking it closes the notification. */
  action?: { label: string; onClick: () => void };
  /** Milliseconds before it hides; errors stay longer by default. */
  autoHideMs?: number;
}

interface QueuedNotification extends NotificationInput {
  id: number;
}

type Notify = (notification: NotificationInput) => void;
const NotificationsContext = createContext<Notify | null>(null);

/** Shows notifications one at a time, in order, in a polite live region. */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const [queue, setQueue] = useState<QueuedNotification[]>([]);
  const [open, setOpen] = useState(true);
  const current = queue[0];

  const notify = useCallback<Notify>((notification) => {
    setQueue((items) => [...items, { ...notification, id: Date.now() + Math.random() }]);
    setOpen(true);
  }, []);

  const close = () => setOpen(false);
  const next = () => {
    setQueue((items) => items.slice(1));
    setOpen(true);
  };

  const severity = current?.severity ?? 'success';
  return (
    <NotificationsContext.Provider value={notify}>
      {children}
      {current && (
        <Snackbar
          key={current.id}
          open={open}
          autoHideDuration={current.autoHideMs ?? (severity === 'error' ? 10_000 : current.action ? 8000 : 5000)}
          onClose={(_event, reason) => {
            if (reason !== 'clickaway') close();
          }}
          slotProps={{ transition: { onExited: next } }}
          anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
        >
          <Alert
            severity={severity}
            variant="filled"
            role={severity === 'error' ? 'alert' : 'status'}
            onClose={close}
            action={
              current.action ? (
                <Button
                  color="inherit"
                  size="small"
                  onClick={() => {
                    current.action?.onClick();
                    close();
                  }}
                >
                  {current.action.label}
                </Button>
              ) : undefined
            }
            sx={{ minWidth: 320, alignItems: 'center' }}
          >
            {current.message}
          </Alert>
        </Snackbar>
      )}
    </NotificationsContext.Provider>
  );
}

export function useNotify(): Notify {
  const notify = useContext(NotificationsContext);
  if (!notify) throw new Error('useNotify needs a NotificationsProvider above it.');
  return notify;
}

