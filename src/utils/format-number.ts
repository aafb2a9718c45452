import { MISSING } from './missing.ts';

const creditFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const countFormat = new Intl.NumberFormat('en-US');

/** Credits: whole numbers plain, halves (texts) with their decimals: "25,000", "12.5". */
export const formatCredits = (value: number | null | undefined) => (isReadable(value) ? creditFormat.format(value) : MISSING);

export const formatCount = (value: number | null | undefined) => (isReadable(value) ? countFormat.format(value) : MISSING);

/** A number the API answered in a form we could read (an unreadable one arrives as NaN, a missing one as null). */
export const isReadable = (value: number | null | undefined): value is number => typeof value === 'number' && !Number.isNaN(value);

const pluralRules = new Intl.PluralRules('en-US');

/** "1 contact", "4,221 contacts" (the form chosen by Intl.PluralRules). */
export const formatCountOf = (value: number, one: string, many: string) => `${countFormat.format(value)} ${pluralRules.select(value) === 'one' ? one : many}`;
