import { countSegments } from './sms-segments.ts';

/**
 * What calls and texts cost (docs/decisions/0011-broadcast-results.md): a connected call 1 credit per started
 * 30 seconds played, a text handed to the carrier 0.5 credit per segment, a transfer 1 credit per started minute.
 * The sandbox bills with these and the dashboard estimates with them.
 */

/** Credits for one connected call (live answer or answering machine) playing `seconds` of audio, capped at `maxSeconds`. */
export const callCredits = (seconds: number, maxSeconds: number) => Math.max(1, Math.ceil(Math.min(seconds, maxSeconds || seconds) / 30));

/** Credits for one text handed to the carrier (Delivered or Not Delivered). */
export const textCredits = (text: string) => countSegments(text).segments * 0.5;

/** Credits for a transfer connected for `seconds`. */
export const transferCredits = (seconds: number) => (seconds > 0 ? Math.ceil(seconds / 60) : 0);

/** The most a broadcast can spend: every call connected, every text sent. */
export const maxCreditCost = (calls: number, creditsPerCall: number, texts: number, textSegments: number) =>
  calls * creditsPerCall + texts * textSegments * 0.5;
