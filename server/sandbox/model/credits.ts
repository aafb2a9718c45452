/**
 * What calls and texts cost (docs/decisions/0011-broadcast-results.md): a connected call 1 credit per started
 * 30 seconds played, a text handed to the carrier 0.5 credit per segment, a transfer 1 credit per started minute.
 */

// The GSM 03.38 basic set and its extension (the extension's characters take two septets).
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM_EXTENDED = new Set('^{}\\[~]|€\f');

/** Segments a text is split into: 160 GSM-7 septets (153 when split), or 70 UTF-16 units (67) for Unicode. */
export function textSegments(text: string): number {
  let septets = 0;
  let gsm = true;
  for (const char of text) {
    if (GSM_BASIC.has(char)) septets += 1;
    else if (GSM_EXTENDED.has(char)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (gsm) return septets <= 160 ? 1 : Math.ceil(septets / 153);
  return text.length <= 70 ? 1 : Math.ceil(text.length / 67);
}

/** Credits for one text handed to the carrier (Delivered or Not Delivered). */
export const textCredits = (text: string) => textSegments(text) * 0.5;

/** Credits for one connected call (live answer or answering machine) playing `seconds` of audio, capped at `maxSeconds`. */
export const callCredits = (seconds: number, maxSeconds: number) => Math.max(1, Math.ceil(Math.min(seconds, maxSeconds || seconds) / 30));

/** Credits for a transfer connected for `seconds`. */
export const transferCredits = (seconds: number) => (seconds > 0 ? Math.ceil(seconds / 60) : 0);
