import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { useState } from 'react';
import { DatePickersProvider } from '@/components/form/date-pickers-provider.tsx';
import { dayjs, type Dayjs } from '@/utils/dayjs.ts';
import type { BroadcastListFilter } from '../broadcast-display.ts';

const DAY_FORMAT = 'YYYY-MM-DD';
const toDay = (value: string) => (value && dayjs(value, DAY_FORMAT).isValid() ? dayjs(value, DAY_FORMAT) : null);
const fromDay = (value: Dayjs | null) => (value?.isValid() ? value.format(DAY_FORMAT) : null);
// The picker's own bounds when the range leaves one end open.
const EARLIEST = dayjs('1900-01-01');
const LATEST = dayjs('2099-12-31');

/** Why a whole day is refused; nothing while the year is still being typed (2, 20, 200 on the way to 2000). */
function refusal(draft: Dayjs | null, minDate: Dayjs | undefined, maxDate: Dayjs | undefined): string | null {
  if (!draft?.isValid() || draft.year() < 1000) return null;
  const earliest = minDate ?? EARLIEST;
  const latest = maxDate ?? LATEST;
  if (draft.isBefore(earliest, 'day')) return `Not before ${earliest.format('MM/DD/YYYY')}`;
  if (draft.isAfter(latest, 'day')) return `Not after ${latest.format('MM/DD/YYYY')}`;
  return null;
}

interface DayPickerProps {
  label: string;
  /** yyyy-MM-dd, or '' for none: what the URL says. */
  day: string;
  onDayChange: (day: string | null) => void;
  autoFocus: boolean;
  minDate?: Dayjs | undefined;
  maxDate?: Dayjs | undefined;
}

/**
 * One end of the range. What is typed stays in the field until it is a whole day the picker accepts, or nothing:
 * only then does the URL, and with it the list, change. Typing 2000 passes through the years 2, 20 and 200, and a
 * to-day before the from-day is refused; neither is sent, and a redraw from the URL cannot wipe what is half typed.
 */
function DayPicker({ label, day, onDayChange, autoFocus, minDate, maxDate }: DayPickerProps) {
  const [draft, setDraft] = useState(() => toDay(day));
  const [draftOf, setDraftOf] = useState(day);
  // The URL changed by other means (Back, "Clear filters"): the field follows it.
  if (day !== draftOf) {
    setDraftOf(day);
    setDraft(toDay(day));
  }
  const refused = refusal(draft, minDate, maxDate);
  return (
    <DatePicker
      label={label}
      autoFocus={autoFocus}
      value={draft}
      minDate={minDate}
      maxDate={maxDate}
      onChange={(value, { validationError }) => {
        setDraft(value);
        if (value !== null && validationError !== null) return;
        const sent = fromDay(value);
        // The URL will say this day: the field already shows it.
        setDraftOf(sent ?? '');
        onDayChange(sent);
      }}
      slotProps={{
        textField: { size: 'small', sx: { maxWidth: { md: 190 } }, ...(refused && { helperText: refused }) },
        field: { clearable: true },
      }}
    />
  );
}

/** The broadcast list's start-date range, as two date pickers; the days live in the URL as yyyy-MM-dd. */
export function StartDateFilters({
  from,
  to,
  onFiltersChange,
  autoFocus,
}: {
  from: string;
  to: string;
  onFiltersChange: (changes: Partial<Record<BroadcastListFilter, string | null>>) => void;
  /** The field to focus when it appears: the one the user had entered before the pickers arrived. */
  autoFocus?: 'from' | 'to' | undefined;
}) {
  return (
    <DatePickersProvider>
      <DayPicker
        label="Starting from"
        day={from}
        autoFocus={autoFocus === 'from'}
        maxDate={toDay(to) ?? undefined}
        onDayChange={(day) => onFiltersChange({ from: day })}
      />
      <DayPicker
        label="Starting until"
        day={to}
        autoFocus={autoFocus === 'to'}
        minDate={toDay(from) ?? undefined}
        onDayChange={(day) => onFiltersChange({ to: day })}
      />
    </DatePickersProvider>
  );
}
