import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { DatePickersProvider } from '@/components/form/date-pickers-provider.tsx';
import { dayjs, type Dayjs } from '@/utils/dayjs.ts';
import type { BroadcastListFilter } from '../broadcast-display.ts';

const DAY_FORMAT = 'YYYY-MM-DD';
const toDay = (value: string) => (value && dayjs(value, DAY_FORMAT).isValid() ? dayjs(value, DAY_FORMAT) : null);
const fromDay = (value: Dayjs | null) => (value?.isValid() ? value.format(DAY_FORMAT) : null);

/** The broadcast list's start-date range, as two date pickers; the days live in the URL as yyyy-MM-dd. */
export function StartDateFilters({
  from: fromValue,
  to: toValue,
  onFiltersChange,
  autoFocus,
}: {
  from: string;
  to: string;
  onFiltersChange: (changes: Partial<Record<BroadcastListFilter, string | null>>) => void;
  /** The field to focus when it appears: the one the user had entered before the pickers arrived. */
  autoFocus?: 'from' | 'to' | undefined;
}) {
  const from = toDay(fromValue);
  const to = toDay(toValue);
  return (
    <DatePickersProvider>
      <DatePicker
        label="Starting from"
        autoFocus={autoFocus === 'from'}
        value={from}
        maxDate={to ?? undefined}
        onChange={(value) => onFiltersChange({ from: fromDay(value) })}
        slotProps={{ textField: { size: 'small', sx: { maxWidth: { md: 190 } } }, field: { clearable: true } }}
      />
      <DatePicker
        label="Starting until"
        autoFocus={autoFocus === 'to'}
        value={to}
        minDate={from ?? undefined}
        onChange={(value) => onFiltersChange({ to: fromDay(value) })}
        slotProps={{ textField: { size: 'small', sx: { maxWidth: { md: 190 } } }, field: { clearable: true } }}
      />
    </DatePickersProvider>
  );
}
