import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import type { QueuedNotification } from './notifications.tsx';

/** One notification, in a polite live region (an error is an alert), with its action if it has one. */
export function NotificationSnackbar({
  notification,
  open,
  onClose,
  onExited,
}: {
  notification: QueuedNotification;
  open: boolean;
  onClose: () => void;
  onExited: () => void;
}) {
  const severity = notification.severity ?? 'success';
  return (
    <Snackbar
      open={open}
      autoHideDuration={notification.autoHideMs ?? (severity === 'error' ? 10_000 : notification.action ? 8000 : 5000)}
      onClose={(_event, reason) => {
        if (reason !== 'clickaway') onClose();
      }}
      slotProps={{ transition: { onExited } }}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
    >
      <Alert
        severity={severity}
        variant="filled"
        role={severity === 'error' ? 'alert' : 'status'}
        onClose={onClose}
        action={
          notification.action ? (
            <Button
              color="inherit"
              size="small"
              onClick={() => {
                notification.action?.onClick();
                onClose();
              }}
            >
              {notification.action.label}
            </Button>
          ) : undefined
        }
        sx={{ minWidth: 320, alignItems: 'center' }}
      >
        {notification.message}
      </Alert>
    </Snackbar>
  );
}
