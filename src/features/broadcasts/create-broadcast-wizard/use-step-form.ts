import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useEffectEvent } from 'react';
import { useForm, type DefaultValues, type FieldValues } from 'react-hook-form';
import type { z } from '@contract/zod.ts';

/**
 * A wizard step's form: validated by the step's own zod schema when the user moves on, and saved into the draft
 * as they type, so a reload loses nothing.
 */
export function useStepForm<Values extends FieldValues>(schema: z.ZodType<Values, Values>, values: Values, persist: (values: Values) => void) {
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: values as DefaultValues<Values>, mode: 'onTouched' });
  const onChange = useEffectEvent((next: Values) => persist(next));
  useEffect(() => form.subscribe({ formState: { values: true }, callback: ({ values: next }) => onChange(next as Values) }), [form]);
  return form;
}
