import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useReducer } from 'react';
import { isApiError } from '@/api/api-error.ts';
import { getSession } from '@/api/resources/session/session-requests.ts';

/** Why nothing answers: the browser is offline, our server is unreachable, or our server cannot reach the API. */
type Problem = 'offline' | 'server' | 'api';

interface ConnectionState {
  problem: Problem | null;
  /** The connection just came back (shown for a moment, then gone). */
  recovered: boolean;
}

type ConnectionEvent =
  | { type: 'failed'; problem: Exclude<Problem, 'offline'> }
  /** A request got through; `online` when the browser's online event led to it. */
  | { type: 'reachable'; online?: boolean }
  | { type: 'offline' }
  /** Back online, but our server does not answer yet. */
  | { type: 'onlineUnreachable' }
  | { type: 'settled' };

function connectionReducer(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  switch (event.type) {
    case 'failed':
      return state.problem === 'offline' || state.problem === event.problem ? state : { problem: event.problem, recovered: false };
    case 'reachable':
      // An answer to a request sent before the browser went offline proves nothing: only its online event ends that.
      if (state.problem === null || (state.problem === 'offline' && !event.online)) return state;
      return { problem: null, recovered: true };
    case 'offline':
      return { problem: 'offline', recovered: false };
    case 'onlineUnreachable':
      return state.problem === 'offline' ? { problem: 'server', recovered: false } : state;
    case 'settled':
      return state.recovered ? { ...state, recovered: false } : state;
  }
}

const problemOf = (error: unknown): Exclude<Problem, 'offline'> | null =>
  isApiError(error) && error.isUnavailable ? (error.isNetworkError ? 'server' : 'api') : null;

/** True when the server answers at all (who-am-I is the lightest request that reaches the API too). */
async function serverAnswers(): Promise<boolean> {
  try {
    await getSession();
    return true;
  } catch (error) {
    return problemOf(error) === null;
  }
}

/** Waits between checks while the server is unreachable: 2 s, doubling to at most 30 s. */
const probeDelay = (attempt: number) => Math.min(2000 * 2 ** attempt, 30_000);

/**
 * Whether the server can be reached, from every request the app makes (a query or a mutation that fails for want of
 * a server, or one that succeeds) and the browser's online events. While it cannot, a light request checks again
 * with backoff; when one gets through, the reads that failed meanwhile are fetched again.
 */
function useServerConnection() {
  const queryClient = useQueryClient();
  const [state, dispatch] = useReducer(connectionReducer, undefined, () => ({
    problem: typeof navigator !== 'undefined' && !navigator.onLine ? ('offline' as const) : null,
    recovered: false,
  }));

  useEffect(() => {
    const report = (error: unknown) => {
      const problem = problemOf(error);
      if (problem) dispatch({ type: 'failed', problem });
    };
    const unsubscribeQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated') return;
      if (event.action.type === 'failed' || event.action.type === 'error') report(event.action.error);
      else if (event.action.type === 'success') dispatch({ type: 'reachable' });
    });
    const unsubscribeMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type !== 'updated') return;
      if (event.action.type === 'error') report(event.action.error);
      else if (event.action.type === 'success') dispatch({ type: 'reachable' });
    });
    return () => {
      unsubscribeQueries();
      unsubscribeMutations();
    };
  }, [queryClient]);

  /** The server answers again: say so, and fetch what failed while it was away. */
  const reconnected = useCallback(
    async (online = false) => {
      dispatch({ type: 'reachable', online });
      await queryClient.refetchQueries({ type: 'active', predicate: (query) => query.state.status === 'error' });
    },
    [queryClient],
  );

  const checkNow = useCallback(async () => {
    if (await serverAnswers()) await reconnected();
  }, [reconnected]);

  useEffect(() => {
    const goOffline = () => dispatch({ type: 'offline' });
    const goOnline = () => void serverAnswers().then((answers) => (answers ? reconnected(true) : dispatch({ type: 'onlineUnreachable' })));
    window.addEventListener('offline', goOffline);
    window.addEventListener('online', goOnline);
    return () => {
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
    };
  }, [reconnected]);

  const { problem, recovered } = state;
  useEffect(() => {
    if (problem === null || problem === 'offline') return;
    let stopped = false;
    let timer: number | undefined;
    const check = async (attempt: number) => {
      if (await serverAnswers()) {
        if (!stopped) await reconnected();
      } else if (!stopped) {
        timer = window.setTimeout(() => void check(attempt + 1), probeDelay(attempt + 1));
      }
    };
    timer = window.setTimeout(() => void check(0), probeDelay(0));
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [problem, reconnected]);

  useEffect(() => {
    if (!recovered) return;
    const timer = window.setTimeout(() => dispatch({ type: 'settled' }), 4000);
    return () => window.clearTimeout(timer);
  }, [recovered]);

  return { problem, recovered, checkNow };
}

const messages: Record<Problem, { title: string; text: string }> = {
  offline: {
    title: 'You are offline.',
    text: 'Callboard reconnects by itself when your connection is back. What you have typed stays here; it is saved once you are online.',
  },
  server: {
    title: 'The Callboard server cannot be reached.',
    text: 'Trying again by itself. What you have typed stays here; nothing is sent twice.',
  },
  api: {
    title: 'The Call-Em-All API is not answering.',
    text: 'Trying again by itself. What you have typed stays here; nothing is sent twice.',
  },
};

/** A banner over the page while the server cannot be reached; it clears itself when the connection is back. */
export function ConnectionBanner() {
  const { problem, recovered, checkNow } = useServerConnection();
  if (problem) {
    const { title, text } = messages[problem];
    return (
      <Alert
        severity="warning"
        role="alert"
        square
        action={
          problem === 'offline' ? undefined : (
            <Button color="inherit" size="small" onClick={() => void checkNow()}>
              Try now
            </Button>
          )
        }
        sx={{ position: 'sticky', top: 64, zIndex: 2, borderBottom: 1, borderColor: 'warning.light' }}
      >
        <AlertTitle sx={{ mb: 0 }}>{title}</AlertTitle>
        {text}
      </Alert>
    );
  }
  if (recovered) {
    return (
      <Alert severity="success" role="status" square sx={{ position: 'sticky', top: 64, zIndex: 2 }}>
        Connected again.
      </Alert>
    );
  }
  return null;
}
