import Typography from '@mui/material/Typography';

/** In a feature's place when the API lacks it: one plain sentence, not an error (decision 0131). */
export function NotOfferedNote({ sentence }: { sentence: string }) {
  return (
    <Typography variant="body2" color="textSecondary" data-not-offered="">
      {sentence}
    </Typography>
  );
}
