import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { Controller, type Control } from 'react-hook-form';
import { stateTimeZones, timeZoneForState, usStateCodes } from '@contract/common.ts';
import { timeInZone, timeZoneLabel, usStateNames } from '@/utils/us-states.ts';
import type { UserFormInput } from '../user-form-schema.ts';

/** The user's State, with the time zone it sets for start times and calling windows shown under it. */
export function StateField({ control, disabled }: { control: Control<UserFormInput>; disabled?: boolean }) {
  return (
    <Controller
      control={control}
      name="State"
      render={({ field, fieldState }) => {
        const zone = field.value in stateTimeZones ? timeZoneForState(field.value) : null;
        return (
          <TextField
            select
            label="State"
            name={field.name}
            value={field.value ?? ''}
            onChange={field.onChange}
            onBlur={field.onBlur}
            inputRef={field.ref}
            disabled={disabled}
            error={fieldState.invalid}
            helperText={
              fieldState.error?.message ?? (zone ? `${timeZoneLabel(zone)} (${zone}) · ${timeInZone(zone)} there now` : 'Sets the time zone of start times')
            }
          >
            {usStateCodes.map((code) => (
              <MenuItem key={code} value={code}>
                {usStateNames[code]} ({code})
              </MenuItem>
            ))}
          </TextField>
        );
      }}
    />
  );
}
