import { z } from './zod.ts';
import { apiDateTimeSchema } from './common.ts';

export const optOutSchema = z.object({
  /** The contact's name when known, `""` otherwise. */
  FirstName: z.string(),
  LastName: z.string(),
  PhoneNumber: z.string(),
  Notes: z.string(),
  OptOutDate: apiDateTimeSchema,
  /** Opted out of voice. */
  DoNotCall: z.boolean(),
  /** Opted out of text. */
  DoNotText: z.boolean(),
  /** Opted out of every Text-Em-All sender, not just this account (meaning inferred). */
  GlobalOptOut: z.boolean().optional(),
});
export type OptOut = z.infer<typeof optOutSchema>;

/** Body of POST /v1/optouts (a route of our own; the API documents none). */
export const optOutInputSchema = z
  .object({
    PhoneNumber: z
      .string({ error: 'Enter a phone number' })
      .trim()
      .min(1, 'Enter a phone number')
      .max(20, 'At most 20 characters'),
    DoNotCall: z.boolean().optional(),
    DoNotText: z.boolean().optional(),
    Notes: z.string().trim().max(50, 'At most 50 characters').optional(),
  })
  // Reported on DoNotCall so a form shows it next to the first checkbox.
  .refine((input) => input.DoNotCall === true || input.DoNotText === true, {
    error: 'Opt out of calls, texts or both',
    path: ['DoNotCall'],
  });
export type OptOutInput = z.infer<typeof optOutInputSchema>;
