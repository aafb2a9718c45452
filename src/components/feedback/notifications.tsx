import type { AlertColor } from '@mui/material/Alert';
import { createContext, lazy, Suspense, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

// The snackbar's code loads with the first notification, not with the app.
const NotificationSnackbar = lazy(() => import('./notification-snackbar.tsx').then((module) => ({ default: module.NotificationSnackbar })));

export interface NotificationInput {
  message: string;
  severity?: AlertColor;
  /** One action, e.g. Undo; clicking it closes the notification. */
  action?: { label: string; onClick: () => void };
  /** Milliseconds before it hides; errors stay longer by default. */
  autoHideMs?: number;
  /** What it is about (e.g. one broadcast's state): a newer notification on the same topic replaces it at once. */
  topic?: string;
}

export interface QueuedNotification extends NotificationInput {
  id: number;
}

type Notify = (notification: NotificationInput) => void;
const NotificationsContext = createContext<Notify | null>(null);

/** Shows notifications one at a time, in order, in a polite live region. */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const [queue, setQueue] = useState<QueuedNotification[]>([]);
  const [open, setOpen] = useState(true);
  const current = queue[0];
  const shownTopic = useRef<string | undefined>(undefined);
  useEffect(() => {
    shownTopic.current = current?.topic;
  }, [current]);

  const notify = useCallback<Notify>((notification) => {
    const { topic } = notification;
    const replaced = topic !== undefined && shownTopic.current === topic;
    setQueue((items) => [
      // A stale one about the same thing goes: the shown one closes (and leaves the queue as it exits).
      ...items.filter((item, index) => topic === undefined || item.topic !== topic || index === 0),
      { ...notification, id: Date.now() + Math.random() },
    ]);
    setOpen(!replaced);
  }, []);

  const close = () => setOpen(false);
  const next = () => {
    setQueue((items) => items.slice(1));
    setOpen(true);
  };

  return (
    <NotificationsContext.Provider value={notify}>
      {children}
      {current && (
        <Suspense fallback={null}>
          <NotificationSnackbar key={current.id} notification={current} open={open} onClose={close} onExited={next} />
        </Suspense>
      )}
    </NotificationsContext.Provider>
  );
}

export function useNotify(): Notify {
  const notify = useContext(NotificationsContext);
  if (!notify) throw new Error('useNotify needs a NotificationsProvider above it.');
  return notify;
}
