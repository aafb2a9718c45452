import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';

export interface QueryErrorAlertProps {
  error: unknown;
  /** What failed, in the user's words: "The contacts could not be loaded." */
  title: string;
  onRetry?: () => void;
}

/** A failed load, said plainly, with a way to try again. */
export function QueryErrorAlert({ error, title, onRetry }: QueryErrorAlertProps) {
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  return (
    <Alert
      severity="error"
      action={
        onRetry ? (
          <Button color="inherit" size="small" onClick={onRetry}>
            Try again
          </Button>
        ) : undefined
      }
    >
      <AlertTitle>{title}</AlertTitle>
      {message}
    </Alert>
  );
}
