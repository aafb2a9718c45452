import { DayPickerField } from '@/components/form/day-picker-field.tsx';
import type { BroadcastListFilter } from '../broadcast-display.ts';

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
    <>
      <DayPickerField
        label="Starting from"
        day={from}
        autoFocus={autoFocus === 'from'}
        maxDay={to || undefined}
        onDayChange={(day) => onFiltersChange({ from: day })}
      />
      <DayPickerField
        label="Starting until"
        day={to}
        autoFocus={autoFocus === 'to'}
        minDay={from || undefined}
        onDayChange={(day) => onFiltersChange({ to: day })}
      />
    </>
  );
}
