import type { Answer } from './answer.ts';
import { z } from './zod.ts';

/** A toll-free or local number that sends texts. */
export const textNumberSchema = z.object({
  TextNumberID: z.int(),
  /** 11 digits with a leading 1, e.g. `18338028132`. */
  TextPhoneNumber: z.string(),
  Name: z.string(),
  Description: z.string(),
  /** The account's default text number. */
  IsDefault: z.boolean().nullable(),
});
export type TextNumber = Answer<z.infer<typeof textNumberSchema>>;
