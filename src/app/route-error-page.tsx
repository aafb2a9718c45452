import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { isRouteErrorResponse, useRouteError } from 'react-router-dom';

/** What a page that crashed (or failed to load its code) shows instead of a blank screen. */
export function RouteErrorPage() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : error instanceof Error ? error.message : 'Unknown error';
  const staleBuild = /dynamically imported module|Importing a module script failed/i.test(message);

  return (
    <Box sx={{ p: 4, maxWidth: 720, mx: 'auto' }}>
      <Alert
        severity="error"
        action={
          <Button color="inherit" size="small" onClick={() => window.location.reload()}>
            Reload
          </Button>
        }
      >
        <AlertTitle>{staleBuild ? 'A new version of Callboard is available' : 'This page ran into a problem'}</AlertTitle>
        {staleBuild ? 'Reload to get it; nothing you saved is lost.' : message}
      </Alert>
    </Box>
  );
}
