import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';

export interface FormSwitchProps<Values extends FieldValues> {
  control: Control<Values>;
  name: FieldPath<Values>;
  label: string;
  /** A line under the label saying what turning it on does. */
  description?: ReactNode;
  disabled?: boolean;
}

/** A yes/no setting bound to react-hook-form; its label (and description) name the switch for screen readers. */
export function FormSwitch<Values extends FieldValues>({ control, name, label, description, disabled }: FormSwitchProps<Values>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <FormControlLabel
          disabled={disabled}
          sx={description ? { alignItems: 'flex-start', ml: 0, gap: 1.5 } : undefined}
          control={
            <Switch
              checked={Boolean(field.value)}
              onChange={(event) => field.onChange(event.target.checked)}
              onBlur={field.onBlur}
              name={field.name}
              slotProps={{ input: { ref: field.ref } }}
              sx={description ? { mt: -0.5 } : undefined}
            />
          }
          label={
            description ? (
              <Box>
                <Typography variant="body1">{label}</Typography>
                <Typography variant="body2" color="textSecondary">
                  {description}
                </Typography>
              </Box>
            ) : (
              label
            )
          }
        />
      )}
    />
  );
}
