import { zodResolver } from '@hookform/resolvers/zod';
import CampaignOutlined from '@mui/icons-material/CampaignOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useLogIn } from '@/api/resources/session/session-mutations.ts';
import { sessionQueries } from '@/api/resources/session/session-queries.ts';
import { loginInputSchema, type LoginInput } from '@contract/user.ts';
import { ColorModeToggle } from '@/components/layout/color-mode-toggle.tsx';
import { FormSecretField } from '@/components/form/form-secret-field.tsx';
import { FormTextField } from '@/components/form/form-text-field.tsx';
import { paths } from '@/config/paths.ts';
import { useDocumentTitle } from '@/hooks/use-document-title.ts';

/** Only same-site paths may be returned to after login (no `//evil.example`). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : paths.home.href();
}

export function LoginPage() {
  useDocumentTitle('Log in');
  const [searchParams] = useSearchParams();
  const next = safeNext(searchParams.get('next'));
  const navigate = useNavigate();
  const session = useQuery(sessionQueries.current());
  const { data: config } = useQuery(sessionQueries.serverConfig());
  const logIn = useLogIn();
  const { control, handleSubmit, resetField, setFocus } = useForm<LoginInput>({
    resolver: zodResolver(loginInputSchema),
    defaultValues: { UserName: '', PinCode: '' },
  });

  if (session.data) return <Navigate to={next} replace />;

  const submit = handleSubmit((credentials) =>
    logIn.mutate(credentials, {
      onSuccess: () => void navigate(next, { replace: true }),
      onError: () => {
        // Keep the user name; the PIN is cleared so it can be typed again.
        resetField('PinCode');
        setFocus('PinCode');
      },
    }),
  );

  return (
    <Box
      component="main"
      sx={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        p: 2,
        bgcolor: 'background.default',
        backgroundImage: (theme) =>
          `radial-gradient(circle at 20% 10%, rgba(${theme.vars?.palette.primary.mainChannel ?? '53 81 212'} / 0.14), transparent 45%)`,
      }}
    >
      <Box sx={{ position: 'fixed', top: 12, right: 12 }}>
        <ColorModeToggle />
      </Box>
      <Box sx={{ width: '100%', maxWidth: 400 }}>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', justifyContent: 'center', mb: 3 }}>
          <Box sx={{ width: 40, height: 40, borderRadius: 2.5, display: 'grid', placeItems: 'center', bgcolor: 'primary.main', color: 'primary.contrastText' }}>
            <CampaignOutlined />
          </Box>
          <Typography variant="h2" component="p">
            Callboard
          </Typography>
        </Stack>
        <Card sx={{ borderRadius: 3 }}>
          <CardContent sx={{ p: { xs: 3, sm: 4 } }}>
            <Typography variant="h1" sx={{ fontSize: '1.375rem', mb: 0.5 }}>
              Log in
            </Typography>
            <Typography variant="body2" color="textSecondary" sx={{ mb: 3 }}>
              Use your Call-Em-All user name and PIN code.
            </Typography>
            <Box component="form" noValidate onSubmit={submit}>
              <Stack spacing={1}>
                {logIn.isError && (
                  <Alert severity="error" role="alert" sx={{ mb: 1 }}>
                    {logIn.error.message}
                  </Alert>
                )}
                <FormTextField control={control} name="UserName" label="User name" autoComplete="username" autoFocus />
                <FormSecretField control={control} name="PinCode" label="PIN code" secretName="PIN code" autoComplete="current-password" />
                <Button type="submit" variant="contained" size="large" loading={logIn.isPending} fullWidth>
                  Log in
                </Button>
              </Stack>
            </Box>
          </CardContent>
        </Card>
        {config?.Sandbox && (
          <Alert severity="info" variant="outlined" role="note" sx={{ mt: 2, bgcolor: 'background.paper', '& strong': { fontWeight: 600 } }}>
            This is the sandbox. Try <strong>apitest@cea</strong> with PIN <strong>notmypwd123!!!</strong>.
          </Alert>
        )}
      </Box>
    </Box>
  );
}
