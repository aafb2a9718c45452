import createCache from '@emotion/cache';
import { CacheProvider } from '@emotion/react';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { isApiError } from '@/api/api-error.ts';
import { seedSessionFromPage } from '@/api/resources/session/session-queries.ts';
import { ConfirmProvider } from '@/components/feedback/confirm-dialog.tsx';
import { NotificationsProvider, useNotify } from '@/components/feedback/notifications.tsx';
import { failureSeverityOf } from '@/utils/not-offered.ts';
import { createAppQueryClient } from './query-client.ts';
import { appTheme } from './theme/create-app-theme.ts';

/**
 * Styles are injected with the page's CSP nonce (our server puts a fresh one in this meta tag for every page),
 * so the Content-Security-Policy needs no 'unsafe-inline'.
 */
function createStyleCache() {
  const nonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined;
  return createCache({ key: 'cb', nonce, prepend: true });
}

function QueryProvider({ children }: { children: ReactNode }) {
  const notify = useNotify();
  const [queryClient] = useState(() => {
    const client = createAppQueryClient((error) => {
      notify({
        severity: failureSeverityOf(error),
        message: isApiError(error) || error instanceof Error ? error.message : 'Something went wrong.',
      });
    });
    seedSessionFromPage(client);
    return client;
  });
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}

export function AppProviders({ children }: { children: ReactNode }) {
  const [styleCache] = useState(createStyleCache);
  return (
    <CacheProvider value={styleCache}>
      {/* noSsr: the app only ever renders in the browser, so the theme knows the color mode at once instead of
          drawing the whole app a second time once mounted. */}
      <ThemeProvider theme={appTheme} defaultMode="system" modeStorageKey="callboard-theme" noSsr>
        <CssBaseline enableColorScheme />
        <NotificationsProvider>
          <ConfirmProvider>
            <QueryProvider>{children}</QueryProvider>
          </ConfirmProvider>
        </NotificationsProvider>
      </ThemeProvider>
    </CacheProvider>
  );
}
