/**
 * How long a text is in SMS terms, and so what it costs (docs/decisions/0011-broadcast-results.md): GSM-7 texts fit
 * 160 characters in one segment and 153 per segment when split; anything outside GSM-7 makes the whole text UCS-2,
 * with 70 and 67. Characters of the GSM extension table (such as € and {) take two units.
 */

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '^{}\\[~]|€\f';
const basic = new Set(GSM_BASIC);
const extension = new Set(GSM_EXTENSION);

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SegmentCount {
  encoding: SmsEncoding;
  /** Characters as a person counts them (an emoji is one). */
  characters: number;
  /** Units the carrier counts: GSM septets, or UTF-16 code units for UCS-2. */
  units: number;
  segments: number;
  /** Units per segment at this length (160/153 or 70/67). */
  perSegment: number;
  /** Units left before another segment starts. */
  remainingInSegment: number;
}

export function countSegments(text: string): SegmentCount {
  const characters = [...text].length;
  let gsmUnits = 0;
  let isGsm = true;
  for (const character of text) {
    if (basic.has(character)) gsmUnits += 1;
    else if (extension.has(character)) gsmUnits += 2;
    else {
      isGsm = false;
      break;
    }
  }
  const encoding: SmsEncoding = isGsm ? 'GSM-7' : 'UCS-2';
  const units = isGsm ? gsmUnits : text.length;
  const single = isGsm ? 160 : 70;
  const multi = isGsm ? 153 : 67;
  const segments = units === 0 ? 0 : units <= single ? 1 : Math.ceil(units / multi);
  const perSegment = segments > 1 ? multi : single;
  const remainingInSegment = segments === 0 ? single : segments * perSegment - units;
  return { encoding, characters, units, segments, perSegment, remainingInSegment };
}
