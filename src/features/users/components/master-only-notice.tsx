import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import { Link as RouterLink } from 'react-router';
import { paths } from '@/config/paths.ts';

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
      <AlertTitle>Only master users manage users</AlertTitle>
      You can change your own settings on the My settings page.
    </Alert>
  );
}
