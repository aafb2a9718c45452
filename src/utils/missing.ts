/** What a page shows for a value the API left out or answered in a form we cannot read (decision 90). */
export const MISSING = '—';

/** The text, or "—" when it is null, absent or empty. */
export const textOr = (value: string | null | undefined, fallback: string = MISSING): string =>
  value === null || value === undefined || value === '' ? fallback : value;
