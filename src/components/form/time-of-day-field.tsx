import { TimePicker } from '@mui/x-date-pickers/TimePicker';
import { dayjs } from '@/utils/dayjs.ts';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import type { TimeOfDay } from '@contract/common.ts';

export interface TimeOfDayFieldProps<Values extends FieldValues> {
  control: Control<Values>;
  name: FieldPath<Values>;
  label: string;
  disabled?: boolean;
}

const toDayjs = (time: TimeOfDay | null | undefined) => (time ? dayjs().hour(time.Hour).minute(time.Minute).second(0).millisecond(0) : null);

/**
 * A time of day (`{Hour, Minute}`, as the API writes it) with MUI's time picker. A half-typed or cleared time is
 * held as null, so the form refuses it with a message instead of keeping the old value silently.
 */
export function TimeOfDayField<Values extends FieldValues>({ control, name, label, disabled }: TimeOfDayFieldProps<Values>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <TimePicker
          label={label}
          value={toDayjs(field.value as TimeOfDay | null)}
          onChange={(value) => field.onChange(value?.isValid() ? { Hour: value.hour(), Minute: value.minute() } : null)}
          disabled={disabled}
          inputRef={field.ref}
          minutesStep={5}
          slotProps={{
            textField: {
              fullWidth: true,
              name: field.name,
              onBlur: field.onBlur,
              error: fieldState.invalid,
              helperText: fieldState.error ? (field.value ? fieldState.error.message : 'Enter a time such as 7:00 AM') : ' ',
            },
          }}
        />
      )}
    />
  );
}
