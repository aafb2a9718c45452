import Visibility from '@mui/icons-material/Visibility';
import VisibilityOff from '@mui/icons-material/VisibilityOff';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import { useState } from 'react';
import type { FieldValues } from 'react-hook-form';
import { FormTextField, type FormTextFieldProps } from './form-text-field.tsx';

export type FormSecretFieldProps<Values extends FieldValues> = Omit<FormTextFieldProps<Values>, 'type' | 'slotProps'> & {
  /** What the secret is called in the show/hide button: "Show PIN code". */
  secretName: string;
};

/** A password-like field whose content can be shown while typing, to check it. */
export function FormSecretField<Values extends FieldValues>({ secretName, ...props }: FormSecretFieldProps<Values>) {
  const [shown, setShown] = useState(false);
  return (
    <FormTextField
      {...props}
      type={shown ? 'text' : 'password'}
      slotProps={{
        input: {
          endAdornment: (
            <InputAdornment position="end">
              <IconButton aria-label={`${shown ? 'Hide' : 'Show'} ${secretName}`} onClick={() => setShown((value) => !value)} edge="end">
                {shown ? <VisibilityOff /> : <Visibility />}
              </IconButton>
            </InputAdornment>
          ),
        },
      }}
    />
  );
}
