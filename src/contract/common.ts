import { z } from './zod.ts';

/** Response timestamps: `yyyy-MM-dd HH:mm:ss[.fff]±hhmm`, in the user's time zone. */
export const apiDateTimeSchema = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,3})?[+-]\d{4}$/, 'Expected yyyy-MM-dd HH:mm:ss±hhmm');

/** A self link relative to the host, e.g. `/v1/broadcasts/39609`. */
export const uriSchema = z.string();

export const dayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
export const dayNameSchema = z.enum(dayNames);
export type DayName = z.infer<typeof dayNameSchema>;

export const timeOfDaySchema = z.object({
  Hour: z.int().min(0).max(23),
  Minute: z.int().min(0).max(59),
});
export type TimeOfDay = z.infer<typeof timeOfDaySchema>;

/** Ten-digit NANP number without punctuation, as the API answers with. */
export const phoneDigitsSchema = z.string().regex(/^\d{10}$/, 'Expected a 10-digit phone number');

/** The US states and DC, by postal code: a user's State sets their time zone. */
export const usStateCodes = [
  'AL',
  'AK',
  'AZ',
  'AR',
  'CA',
  'CO',
  'CT',
  'DE',
  'DC',
  'FL',
  'GA',
  'HI',
  'ID',
  'IL',
  'IN',
  'IA',
  'KS',
  'KY',
  'LA',
  'ME',
  'MD',
  'MA',
  'MI',
  'MN',
  'MS',
  'MO',
  'MT',
  'NE',
  'NV',
  'NH',
  'NJ',
  'NM',
  'NY',
  'NC',
  'ND',
  'OH',
  'OK',
  'OR',
  'PA',
  'RI',
  'SC',
  'SD',
  'TN',
  'TX',
  'UT',
  'VT',
  'VA',
  'WA',
  'WV',
  'WI',
  'WY',
] as const;
export const usStateSchema = z.enum(usStateCodes, { error: 'Expected a US state code such as TX' });

/** The time zone each state's users are in (the state's most populous zone); start times are read in it. */
export const stateTimeZones: Record<(typeof usStateCodes)[number], string> = {
  AL: 'America/Chicago',
  AK: 'America/Anchorage',
  AZ: 'America/Phoenix',
  AR: 'America/Chicago',
  CA: 'America/Los_Angeles',
  CO: 'America/Denver',
  CT: 'America/New_York',
  DE: 'America/New_York',
  DC: 'America/New_York',
  FL: 'America/New_York',
  GA: 'America/New_York',
  HI: 'Pacific/Honolulu',
  ID: 'America/Boise',
  IL: 'America/Chicago',
  IN: 'America/Indiana/Indianapolis',
  IA: 'America/Chicago',
  KS: 'America/Chicago',
  KY: 'America/New_York',
  LA: 'America/Chicago',
  ME: 'America/New_York',
  MD: 'America/New_York',
  MA: 'America/New_York',
  MI: 'America/Detroit',
  MN: 'America/Chicago',
  MS: 'America/Chicago',
  MO: 'America/Chicago',
  MT: 'America/Denver',
  NE: 'America/Chicago',
  NV: 'America/Los_Angeles',
  NH: 'America/New_York',
  NJ: 'America/New_York',
  NM: 'America/Denver',
  NY: 'America/New_York',
  NC: 'America/New_York',
  ND: 'America/Chicago',
  OH: 'America/New_York',
  OK: 'America/Chicago',
  OR: 'America/Los_Angeles',
  PA: 'America/New_York',
  RI: 'America/New_York',
  SC: 'America/New_York',
  SD: 'America/Chicago',
  TN: 'America/Chicago',
  TX: 'America/Chicago',
  UT: 'America/Denver',
  VT: 'America/New_York',
  VA: 'America/New_York',
  WA: 'America/Los_Angeles',
  WV: 'America/New_York',
  WI: 'America/Chicago',
  WY: 'America/Denver',
};

/** The time zone of a user's State; Central (the API's own examples) when the state is unknown. */
export function timeZoneForState(state: string): string {
  return (stateTimeZones as Record<string, string>)[state.toUpperCase()] ?? 'America/Chicago';
}
