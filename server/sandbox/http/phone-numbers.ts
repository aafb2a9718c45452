import { normalizePhoneNumber, phoneProblemMessages } from '../../../src/contract/phone-number.ts';
import { SandboxError } from './errors.ts';

/** A phone number from a path, a query or a body, as the API stores it (10 digits), or a 400 naming the field. */
export function phoneNumberOrError(field: string, value: string): string {
  const check = normalizePhoneNumber(value);
  if (!check.ok) throw new SandboxError('ValidationFailed', `${field}: ${phoneProblemMessages[check.problem]}`);
  return check.digits;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/**
 * A list's `search` over a phone number and a person's name: a term of digits and phone punctuation (3 digits
 * or more) matches the phone, anything else the full name.
 */
export function phoneOrNameSearch(phoneSql: string, firstNameSql: string, lastNameSql: string) {
  return (term: string) => {
    if (/^[\d\s().+-]+$/.test(term)) {
      let digits = term.replace(/\D/g, '');
      if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
      if (digits.length >= 3) return { sql: `${phoneSql} LIKE ?`, params: [`%${digits}%`] };
    }
    return {
      sql: `(COALESCE(${firstNameSql}, '') || ' ' || COALESCE(${lastNameSql}, '')) LIKE ? ESCAPE '\\'`,
      params: [`%${escapeLike(term)}%`],
    };
  };
}
