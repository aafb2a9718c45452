import type { z } from './zod.ts';
import { contactInputSchema } from './contact.ts';
import { normalizePhoneNumber, phoneProblemMessages } from './phone-number.ts';

/*
 * The contact form's phone checks, apart from the contact schemas: they bring the phone-number library, which only
 * the pages that take a phone number should load.
 */

export const contactPhoneFields = ['PrimaryPhone', 'SecondaryPhone', 'TertiaryPhone'] as const;
export type ContactPhoneField = (typeof contactPhoneFields)[number];

/**
 * Checks and normalises the phones of a contact body as the sandbox stores them (10 digits; "" clears an
 * optional one). Shared by the sandbox and the contact form so both refuse exactly the same numbers.
 */
export function checkContactPhones(input: Partial<Record<ContactPhoneField, string>>): {
  digits: Partial<Record<ContactPhoneField, string>>;
  issues: Array<{ path: [ContactPhoneField]; message: string }>;
} {
  const digits: Partial<Record<ContactPhoneField, string>> = {};
  const issues: Array<{ path: [ContactPhoneField]; message: string }> = [];
  const seen = new Map<string, ContactPhoneField>();
  for (const field of contactPhoneFields) {
    const value = input[field];
    if (value === undefined) continue;
    if (value.trim() === '' && field !== 'PrimaryPhone') {
      digits[field] = '';
      continue;
    }
    const check = normalizePhoneNumber(value);
    if (!check.ok) {
      issues.push({ path: [field], message: check.problem === 'empty' ? 'Enter the primary phone number' : phoneProblemMessages[check.problem] });
      continue;
    }
    const earlier = seen.get(check.digits);
    if (earlier) {
      issues.push({ path: [field], message: `Same number as ${earlier.replace('Phone', ' phone').toLowerCase()}` });
      continue;
    }
    seen.set(check.digits, field);
    digits[field] = check.digits;
  }
  return { digits, issues };
}

/** The contact form: the input schema with every phone checked as the sandbox will check it. */
export const contactFormSchema = contactInputSchema.superRefine((input, context) => {
  for (const issue of checkContactPhones(input).issues) context.addIssue({ code: 'custom', ...issue });
});
export type ContactFormValues = z.input<typeof contactFormSchema>;
