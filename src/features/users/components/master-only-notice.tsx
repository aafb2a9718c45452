import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import { Link as RouterLink } from 'react-router-dom';
import { paths } from '@/config/paths.ts';

/** Said in place when the session or the API (a 403) says this user is not a master user. */
export const MASTER_ONLY_SENTENCE = 'Only master users can manage users.';

/** What a user who is not a master user sees on the pages that manage the team. */
export function MasterOnlyNotice() {
  return (
    <Alert
      severity="info"
      action={
        <Button component={RouterLink} to={paths.settings.href()} color="inherit" size="small">
          My settings
        </Button>
      }
    >
      <AlertTitle>{MASTER_ONLY_SENTENCE}</AlertTitle>
      You can change your own settings on the My settings page.
    </Alert>
  );
}
