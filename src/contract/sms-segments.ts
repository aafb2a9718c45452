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
  Array.from('@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà'),
);
/** Sent as an escape plus the character: two units each. */
const GSM_EXTENSION = new Set(Array.from('\f^{}\\[~]|€'));

const LIMITS: Record<SmsEncoding, { single: number; multipart: number }> = {
  'GSM-7': { single: 160, multipart: 153 },
  'UCS-2': { single: 70, multipart: 67 },
};

const graphemes = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('en', { granularity: 'grapheme' }) : null;

/** Printable ASCII and line feeds: each is a whole character by itself (only CR LF would join). */
const SINGLE_UNIT_CHARACTERS = /^[\n\x20-\x7e]*$/;

function countCharacters(text: string): number {
  // The segmenter is slow, and most texts are plain: the sandbox counts thousands of them when it plans a broadcast.
  if (SINGLE_UNIT_CHARACTERS.test(text)) return text.length;
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

/**
 * Plain GSM-7 stand-ins for the Unicode characters that slip into texts pasted from word processors and phones
 * (docs/decisions/0156-unicode-characters-in-texts.md). Accented letters outside the GSM table fall back to their
 * base letter (see gsmReplacementOf).
 */
const GSM_REPLACEMENTS: Readonly<Record<string, { replacement: string; name: string }>> = {
  '\u2018': { replacement: "'", name: 'curly quote' },
  '\u2019': { replacement: "'", name: 'curly apostrophe' },
  '\u201a': { replacement: "'", name: 'low quote' },
  '\u2032': { replacement: "'", name: 'prime' },
  '\u201c': { replacement: '"', name: 'curly double quote' },
  '\u201d': { replacement: '"', name: 'curly double quote' },
  '\u201e': { replacement: '"', name: 'low double quote' },
  '\u2033': { replacement: '"', name: 'double prime' },
  '\u00ab': { replacement: '"', name: 'angle quote' },
  '\u00bb': { replacement: '"', name: 'angle quote' },
  '\u2010': { replacement: '-', name: 'hyphen' },
  '\u2011': { replacement: '-', name: 'non-breaking hyphen' },
  '\u2012': { replacement: '-', name: 'figure dash' },
  '\u2013': { replacement: '-', name: 'en dash' },
  '\u2014': { replacement: '-', name: 'em dash' },
  '\u2212': { replacement: '-', name: 'minus sign' },
  '\u2026': { replacement: '...', name: 'ellipsis' },
  '\u2022': { replacement: '-', name: 'bullet' },
  '\u00a0': { replacement: ' ', name: 'non-breaking space' },
  '\u2007': { replacement: ' ', name: 'figure space' },
  '\u2009': { replacement: ' ', name: 'thin space' },
  '\u202f': { replacement: ' ', name: 'narrow non-breaking space' },
  '\u200b': { replacement: '', name: 'zero-width space' },
  '\ufeff': { replacement: '', name: 'zero-width no-break space' },
  '\t': { replacement: ' ', name: 'tab' },
};

const isGsm = (text: string) => Array.from(text).every((ch) => GSM_BASIC.has(ch) || GSM_EXTENSION.has(ch));

/** What a non-GSM character can become in plain GSM-7, and what to call it; null when nothing plain stands for it. */
export function gsmReplacementOf(character: string): { replacement: string; name: string | null } | null {
  const known = GSM_REPLACEMENTS[character];
  if (known) return known;
  // "á" is not in the GSM table, "a" is: drop the accent.
  const base = character.normalize('NFD').replace(/\p{M}+/gu, '');
  return base !== character && base !== '' && isGsm(base) ? { replacement: base, name: null } : null;
}

/** A character that makes a text Unicode (UCS-2), with where it first appears. */
export interface UnicodeCharacter {
  /** As a person sees it: an emoji with its skin tone is one. */
  character: string;
  /** How many times the text has it. */
  count: number;
  /** Its plain GSM-7 stand-in ('' removes it), or null when there is none (an emoji). */
  replacement: string | null;
  /** A name for characters that look like plain ones or are invisible ("curly apostrophe"); null otherwise. */
  name: string | null;
  /** Index (in UTF-16 units) of its first appearance in the text. */
  firstIndex: number;
}

function* charactersOf(text: string): Generator<{ segment: string; index: number }> {
  if (graphemes) {
    for (const { segment, index } of graphemes.segment(text)) yield { segment, index };
    return;
  }
  let index = 0;
  for (const segment of Array.from(text)) {
    yield { segment, index };
    index += segment.length;
  }
}

/**
 * The characters that make a text Unicode, in the order they first appear: `unicodeCharactersOf('Don’t 👍')` →
 * the curly apostrophe (replaceable by `'`) and the emoji (no replacement). Empty for a GSM-7 text.
 */
export function unicodeCharactersOf(text: string): UnicodeCharacter[] {
  const found = new Map<string, UnicodeCharacter>();
  for (const { segment, index } of charactersOf(text)) {
    if (isGsm(segment)) continue;
    const seen = found.get(segment);
    if (seen) {
      seen.count += 1;
      continue;
    }
    const stand = gsmReplacementOf(segment);
    found.set(segment, { character: segment, count: 1, replacement: stand?.replacement ?? null, name: stand?.name ?? null, firstIndex: index });
  }
  return [...found.values()];
}

/** The text with every `character` (a whole character, as unicodeCharactersOf names it) replaced by `replacement`. */
export function replaceCharacter(text: string, character: string, replacement: string): string {
  let result = '';
  for (const { segment } of charactersOf(text)) result += segment === character ? replacement : segment;
  return result;
}

/** The text with every replaceable Unicode character turned into its plain GSM-7 stand-in; emoji and the like stay. */
export function replaceUnicodeCharacters(text: string): string {
  let result = '';
  for (const { segment } of charactersOf(text)) result += isGsm(segment) ? segment : (gsmReplacementOf(segment)?.replacement ?? segment);
  return result;
}

/** What a text's counter offers to make it GSM-7 again: its Unicode characters, and the text with them replaced. */
export interface UnicodeFixes {
  characters: UnicodeCharacter[];
  /** The text with every `character.character` replaced by its stand-in (unchanged when it has none). */
  replace: (character: UnicodeCharacter) => string;
  /** The text with every replaceable character replaced. */
  replaceAll: () => string;
}

export function unicodeFixesOf(text: string): UnicodeFixes {
  return {
    characters: unicodeCharactersOf(text),
    replace: (character) => (character.replacement === null ? text : replaceCharacter(text, character.character, character.replacement)),
    replaceAll: () => replaceUnicodeCharacters(text),
  };
}
