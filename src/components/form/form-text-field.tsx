import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { CharacterLimitHelper } from './character-limit.tsx';

export type FormTextFieldProps<Values extends FieldValues> = Omit<TextFieldProps, 'name' | 'value' | 'onChange' | 'error'> & {
  control: Control<Values>;
  name: FieldPath<Values>;
  /** Parse the typed text into the form value (e.g. a number); the field keeps showing what was typed. */
  parse?: (text: string) => unknown;
  /** The most characters the value may have: a counter shows it before it is reached, and past it the field is in error. Nothing typed is cut. */
  maxChars?: number;
};

/**
 * A MUI text field bound to react-hook-form: the zod message shows under the field, and the helper line is
 * always reserved so an error never shifts the layout.
 */
export function FormTextField<Values extends FieldValues>({ control, name, helperText, parse, maxChars, ...props }: FormTextFieldProps<Values>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => {
        const length = typeof field.value === 'string' ? field.value.length : 0;
        const over = maxChars !== undefined && length > maxChars;
        return (
          <TextField
            {...props}
            name={field.name}
            value={field.value ?? ''}
            onChange={(event) => field.onChange(parse ? parse(event.target.value) : event.target.value)}
            onBlur={field.onBlur}
            inputRef={field.ref}
            error={fieldState.invalid || over}
            helperText={
              maxChars === undefined ? (
                (fieldState.error?.message ?? helperText ?? ' ')
              ) : (
                <CharacterLimitHelper error={fieldState.error?.message} helperText={helperText} length={length} maxChars={maxChars} />
              )
            }
          />
        );
      }}
    />
  );
}
