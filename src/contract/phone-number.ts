import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * US (NANP) phone numbers as the API stores them: 10 digits, no punctuation. Shared by the sandbox (validation),
 * the contact forms and the import worker, so all three accept and reject exactly the same numbers.
 */

export type PhoneNumberProblem = 'empty' | 'invalid' | 'precision-lost';

export type PhoneNumberCheck = { ok: true; digits: string; repaired: boolean } | { ok: false; problem: PhoneNumberProblem };

export const phoneProblemMessages: Record<PhoneNumberProblem, string> = {
  empty: 'Enter a phone number',
  invalid: 'Not a valid US phone number',
  'precision-lost': 'The number was shortened by a spreadsheet (scientific notation)',
};

// NPA [2-9][0-8]x and NXX [2-9]xx, neither N11: the NANP's own shape, checked before the costlier library call.
const NANP_SHAPE = /^[2-9](?!11)[0-8]\d[2-9](?!11)\d{2}\d{4}$/;
const validExchanges = new Map<string, boolean>();

function isValidNanp(digits: string): boolean {
  if (!NANP_SHAPE.test(digits)) return false;
  // Validity depends on the area code and exchange only; caching by them keeps large imports fast.
  const exchange = digits.slice(0, 6);
  let valid = validExchanges.get(exchange);
  if (valid === undefined) {
    valid = parsePhoneNumberFromString(digits, 'US')?.isValid() ?? false;
    if (validExchanges.size > 200_000) validExchanges.clear();
    validExchanges.set(exchange, valid);
  }
  return valid;
}

/** Excel writes long numbers as `2.145551234E+09`; recover them when no digit was lost. */
function fromScientific(text: string): string | null | 'lost' {
  const match = /^(\d)(?:\.(\d+))?e\+?(\d{1,2})$/i.exec(text);
  if (!match) return null;
  const [, whole = '', fraction = '', exponent = '0'] = match;
  const power = Number(exponent);
  if (fraction.replace(/0+$/, '').length > power) return 'lost';
  const digits = `${whole}${fraction.padEnd(power, '0')}`;
  // A 10- or 11-digit number shown with fewer significant digits than it has may have lost the rest.
  return fraction.length < power ? 'lost' : digits;
}

/** Normalises what a person or a spreadsheet typed: punctuation, `+1`/leading 1, scientific notation. */
export function normalizePhoneNumber(input: string | null | undefined): PhoneNumberCheck {
  const text = (input ?? '').trim();
  if (text === '') return { ok: false, problem: 'empty' };
  let digits: string;
  let repaired = false;
  const scientific = fromScientific(text);
  if (scientific === 'lost') return { ok: false, problem: 'precision-lost' };
  if (scientific !== null) {
    digits = scientific;
    repaired = true;
  } else {
    if (!/^[\d\s().+\-/]+$/.test(text)) return { ok: false, problem: 'invalid' };
    digits = text.replace(/\D/g, '');
  }
  if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
  if (digits.length !== 10 || !isValidNanp(digits)) return { ok: false, problem: 'invalid' };
  return { ok: true, digits, repaired };
}
