import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import { notOfferedSentenceOf } from '@/utils/not-offered.ts';
import { NotOfferedNote } from './not-offered-note.tsx';

export interface QueryErrorAlertProps {
  error: unknown;
  /** What failed, in the user's words: "The contacts could not be loaded." */
  title: string;
  onRetry?: () => void;
}

/** A failed load, said plainly, with a way to try again; a route the API lacks is one plain sentence instead. */
export function QueryErrorAlert({ error, title, onRetry }: QueryErrorAlertProps) {
  const notOffered = notOfferedSentenceOf(error);
  if (notOffered !== null) return <NotOfferedNote sentence={notOffered} />;
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
