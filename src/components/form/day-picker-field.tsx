import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { useState } from 'react';
import { dayjs, type Dayjs } from '@/utils/dayjs.ts';
import { DatePickersProvider } from './date-pickers-provider.tsx';

const DAY_FORMAT = 'YYYY-MM-DD';
const toDay = (value: string | undefined) => (value && dayjs(value, DAY_FORMAT).isValid() ? dayjs(value, DAY_FORMAT) : null);
const fromDay = (value: Dayjs | null) => (value?.isValid() ? value.format(DAY_FORMAT) : null);
// The picker's own bounds when none is given.
const EARLIEST = dayjs('1900-01-01');
const LATEST = dayjs('2099-12-31');

/** Why a whole day is refused; nothing while the year is still being typed (2, 20, 200 on the way to 2000). */
function refusal(draft: Dayjs | null, minDate: Dayjs | null, maxDate: Dayjs | null): string | null {
  if (!draft?.isValid() || draft.year() < 1000) return null;
  const earliest = minDate ?? EARLIEST;
  const latest = maxDate ?? LATEST;
  if (draft.isBefore(earliest, 'day')) return `Not before ${earliest.format('MM/DD/YYYY')}`;
  if (draft.isAfter(latest, 'day')) return `Not after ${latest.format('MM/DD/YYYY')}`;
  return null;
}

export interface DayPickerFieldProps {
  label: string;
  /** yyyy-MM-dd, or '' for none: what the URL says. */
  day: string;
  onDayChange: (day: string | null) => void;
  autoFocus?: boolean;
  /** yyyy-MM-dd bounds, when the day has any. */
  minDay?: string | undefined;
  maxDay?: string | undefined;
}

/**
 * A day filter as the date picker every list uses. What is typed stays in the field until it is a whole day the picker
 * accepts, or nothing: only then does the URL (and the list) change, so typing 2000 never asks for the years 2, 20
 * and 200, and a redraw from the URL cannot wipe what is half typed.
 */
export function DayPickerField({ label, day, onDayChange, autoFocus = false, minDay, maxDay }: DayPickerFieldProps) {
  const [draft, setDraft] = useState(() => toDay(day));
  const [draftOf, setDraftOf] = useState(day);
  // The URL changed by other means (Back, "Clear filters"): the field follows it.
  if (day !== draftOf) {
    setDraftOf(day);
    setDraft(toDay(day));
  }
  const minDate = toDay(minDay);
  const maxDate = toDay(maxDay);
  const refused = refusal(draft, minDate, maxDate);
  return (
    <DatePickersProvider>
      <DatePicker
        label={label}
        autoFocus={autoFocus}
        value={draft}
        minDate={minDate ?? undefined}
        maxDate={maxDate ?? undefined}
        onChange={(value, { validationError }) => {
          setDraft(value);
          if (value !== null && validationError !== null) return;
          const sent = fromDay(value);
          // The URL will say this day: the field already shows it.
          setDraftOf(sent ?? '');
          onDayChange(sent);
        }}
        slotProps={{
          textField: { size: 'small', sx: { maxWidth: { sm: 220 } }, ...(refused && { helperText: refused }) },
          field: { clearable: true },
        }}
      />
    </DatePickersProvider>
  );
}
