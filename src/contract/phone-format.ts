/*
 * Showing a stored number, apart from checking one (phone-number.ts): the pages that only show numbers do not load
 * the phone-number library.
 */

/** `2145551234` -> `(214) 555-1234`; anything else comes back unchanged. */
export function formatPhoneNumber(digits: string | null | undefined): string {
  if (!digits) return '';
  const ten = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  if (!/^\d{10}$/.test(ten)) return digits;
  const formatted = `(${ten.slice(0, 3)}) ${ten.slice(3, 6)}-${ten.slice(6)}`;
  return ten === digits ? formatted : `+1 ${formatted}`;
}
