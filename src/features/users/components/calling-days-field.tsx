import FormControl from '@mui/material/FormControl';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useId } from 'react';
import { Controller, type Control } from 'react-hook-form';
import { dayNames, type DayName } from '@contract/common.ts';
import { formatCallingDays } from '../user-summary.ts';
import type { UserFormInput } from '../user-form-schema.ts';

/** The days calls may go out, as seven toggles; the line under them says the choice in words. */
export function CallingDaysField({ control, disabled }: { control: Control<UserFormInput>; disabled?: boolean }) {
  const labelId = useId();
  return (
    <Controller
      control={control}
      name="CallingWindowDays"
      render={({ field, fieldState }) => {
        const days = (field.value ?? []) as DayName[];
        return (
          <FormControl component="fieldset" error={fieldState.invalid} disabled={disabled}>
            <FormLabel component="legend" id={labelId} sx={{ mb: 1, fontSize: 14 }}>
              Calling days
            </FormLabel>
            <ToggleButtonGroup
              value={days}
              onChange={(_event, next: DayName[]) => field.onChange(dayNames.filter((day) => next.includes(day)))}
              aria-labelledby={labelId}
              size="small"
              color="primary"
              disabled={disabled}
              sx={{ flexWrap: 'wrap' }}
            >
              {dayNames.map((day) => (
                <ToggleButton
                  key={day}
                  value={day}
                  aria-label={day}
                  sx={{
                    px: 1.5,
                    minWidth: 52,
                    // Chosen days are filled, so the week reads at a glance.
                    '&.Mui-selected, &.Mui-selected:hover': { bgcolor: 'primary.main', color: 'primary.contrastText' },
                  }}
                >
                  {day.slice(0, 3)}
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
            <FormHelperText>{fieldState.error?.message ?? (days.length > 0 ? formatCallingDays(days) : ' ')}</FormHelperText>
          </FormControl>
        );
      }}
    />
  );
}
