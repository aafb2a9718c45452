import { AdapterDayjs } from '@mui/x-date-pickers/AdapterDayjs';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import type { ReactNode } from 'react';
// Extends dayjs with time zones first: pickers given a `timezone` need it.
import '@/utils/dayjs.ts';

/**
 * Date and time pickers' context. Pages with pickers wrap themselves in it (rather than the whole app) so the
 * pickers' code loads only with those pages.
 */
export function DatePickersProvider({ children }: { children: ReactNode }) {
  return <LocalizationProvider dateAdapter={AdapterDayjs}>{children}</LocalizationProvider>;
}
