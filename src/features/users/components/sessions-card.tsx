import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { useNavigate } from 'react-router-dom';
import { useLogOutEverywhere } from '@/api/resources/session/session-mutations.ts';
import { useConfirm } from '@/components/feedback/confirm-dialog.tsx';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert.tsx';
import { paths } from '@/config/paths.ts';

/** "Log out everywhere": ends every session of the signed-in user, on every browser, this one too. */
export function SessionsCard() {
  const logOutEverywhere = useLogOutEverywhere();
  const confirm = useConfirm();
  const navigate = useNavigate();

  return (
    <Card variant="outlined" component="section" aria-labelledby="sessions-title" sx={{ mt: 3 }}>
      <CardContent>
        <Typography id="sessions-title" variant="h6" component="h2">
          Sessions
        </Typography>
        <Typography variant="body2" color="textSecondary" sx={{ mt: 0.5, mb: 2 }}>
          Logged in on a computer you no longer use, or think someone else is? Log out everywhere ends every session of yours, here too. Changing your PIN code
          ends your other sessions as well.
        </Typography>
        {logOutEverywhere.isError && (
          <Box sx={{ mb: 2 }}>
            <QueryErrorAlert title="You could not be logged out everywhere." error={logOutEverywhere.error} />
          </Box>
        )}
        <Button
          variant="outlined"
          color="error"
          disabled={logOutEverywhere.isPending}
          onClick={async () => {
            const confirmed = await confirm({
              title: 'Log out everywhere?',
              message: 'Every session of yours ends, on this browser and any other. You will need to log in again.',
              confirmLabel: 'Log out everywhere',
              destructive: true,
            });
            if (confirmed) logOutEverywhere.mutate(undefined, { onSuccess: () => void navigate(paths.login.href(), { replace: true }) });
          }}
        >
          Log out everywhere
        </Button>
      </CardContent>
    </Card>
  );
}
