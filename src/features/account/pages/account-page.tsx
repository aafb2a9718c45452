import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { accountQueries } from '@/api/resources/account/account-queries.ts';
import { sessionQueries } from '@/api/resources/session/session-queries.ts';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert.tsx';
import { PageContainer } from '@/components/layout/page-container.tsx';
import { pageIntros } from '@/config/page-intros.ts';
import { formatCredits } from '@/utils/format-number.ts';
import { UsageCard } from '../components/usage-card.tsx';
import { SendingSettingsCard } from '../components/sending-settings-card.tsx';

function Figure({ label, value, hint }: { label: string; value: ReactNode; hint?: string }) {
  return (
    <Card sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="overline" color="textSecondary" component="h2">
          {label}
        </Typography>
        <Typography variant="h2" component="p" sx={{ fontSize: '1.75rem', mt: 0.5 }}>
          {value}
        </Typography>
        {hint && (
          <Typography variant="body2" color="textSecondary" sx={{ mt: 0.5 }}>
            {hint}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}

export function AccountPage() {
  const account = useQuery(accountQueries.detail());
  const { data: me } = useQuery(sessionQueries.current());

  return (
    <PageContainer {...pageIntros.account}>
      {account.isError && <QueryErrorAlert title="The account could not be loaded." error={account.error} onRetry={() => void account.refetch()} />}
      {account.isPending && <Skeleton variant="rounded" height={140} aria-label="Loading the account" />}
      {account.data && (
        <Stack spacing={3}>
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, sm: 4 }}>
              <Figure label="Available credits" value={formatCredits(account.data.AvailableCallUnits)} hint="Free to spend on new broadcasts" />
            </Grid>
            <Grid size={{ xs: 12, sm: 4 }}>
              <Figure label="Credit balance" value={formatCredits(account.data.CallBalance)} hint="Everything on the account" />
            </Grid>
            <Grid size={{ xs: 12, sm: 4 }}>
              <Figure label="Reserved" value={formatCredits(account.data.PendingCallBalance)} hint="Held for scheduled and running broadcasts" />
            </Grid>
          </Grid>
          <UsageCard state={me?.State ?? account.data.State ?? ''} />
          <SendingSettingsCard me={me} />
          <Card>
            <CardContent>
              <Typography variant="h3" component="h2" sx={{ mb: 2 }}>
                Organisation
              </Typography>
              <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: { sm: '200px 1fr' }, rowGap: 1.5, m: 0 }}>
                {[
                  ['Company', account.data.CompanyName],
                  ['Account number', String(account.data.AccountID)],
                  ['Status', account.data.AccountStatus],
                  [
                    'Address',
                    [account.data.Address, [account.data.City, [account.data.State, account.data.Zip].filter(Boolean).join(' ')].filter(Boolean).join(', ')]
                      .filter(Boolean)
                      .join(', '),
                  ],
                ].map(([term, detail]) => (
                  <Box key={term} sx={{ display: 'contents' }}>
                    <Typography component="dt" variant="body2" color="textSecondary">
                      {term}
                    </Typography>
                    <Typography component="dd" variant="body2" sx={{ m: 0 }}>
                      {detail}
                    </Typography>
                  </Box>
                ))}
              </Box>
            </CardContent>
          </Card>
        </Stack>
      )}
    </PageContainer>
  );
}
