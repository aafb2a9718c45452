/**
 * How a text is split into SMS segments, as carriers count and bill them (docs/decisions/0035-sms-segments.md).
 * Shared by the sandbox (what a text costs), the conversation composer and the broadcast wizard.
 */

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SegmentCount {
  /** GSM-7 when every character is in the GSM 03.38 alphabet, UCS-2 (Unicode) otherwise. */
  encoding: SmsEncoding;
  /** Characters as a person sees them (an emoji is one). */
  characters: number;
  /** What the carrier counts: GSM-7 septets (extension characters take two) or UTF-16 code units. */
  units: number;
  /** SMS segments the text is sent as; 0 for an empty text. */
  segments: number;
  /** Units one segment holds: 160 or 70 for a single segment, 153 or 67 each once the text is split. */
  perSegment: number;
  /** Units that still fit in the last segment before another one is needed. */
  remainingInSegment: number;
}

const GSM_BASIC = new Set(
  Array.from(
    '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
  ),
);
/** Sent as an escape plus the character: two units each. */
const GSM_EXTENSION = new Set(Array.from('\f^{}\\[~]|€'));

const LIMITS: Record<SmsEncoding, { single: number; multipart: number }> = {
  'GSM-7': { single: 160, multipart: 153 },
  'UCS-2': { single: 70, multipart: 67 },
};

const graphemes = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('en', { granularity: 'grapheme' }) : null;

function countCharacters(text: string): number {
  if (!graphemes) return Array.from(text).length;
  let count = 0;
  for (const _segment of graphemes.segment(text)) count += 1;
  return count;
}

/** `countSegments('Hi 👋')` → `{ encoding: 'UCS-2', characters: 4, units: 5, segments: 1, perSegment: 70, remainingInSegment: 65 }`. */
export function countSegments(text: string): SegmentCount {
  const codePoints = Array.from(text);
  const encoding: SmsEncoding = codePoints.every((ch) => GSM_BASIC.has(ch) || GSM_EXTENSION.has(ch)) ? 'GSM-7' : 'UCS-2';
  // A code point is one unit, two for a GSM extension character or a UTF-16 surrogate pair (an emoji).
  const costs = codePoints.map((ch) => (encoding === 'GSM-7' ? (GSM_EXTENSION.has(ch) ? 2 : 1) : ch.length));
  const units = costs.reduce((sum, cost) => sum + cost, 0);
  const { single, multipart } = LIMITS[encoding];
  const characters = countCharacters(text);
  if (units <= single) {
    return { encoding, characters, units, segments: units === 0 ? 0 : 1, perSegment: single, remainingInSegment: single - units };
  }
  // Fill segments in order; a two-unit character that does not fit whole starts the next segment.
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > multipart) {
      segments += 1;
      used = 0;
    }
    used += cost;
  }
  return { encoding, characters, units, segments, perSegment: multipart, remainingInSegment: multipart - used };
}
