/**
 * Checks of a text before it is sent: what makes carriers filter it, people ignore it, or it cost more than it needs
 * to (docs/decisions/0190-sender-name-in-texts.md, 0191-opt-out-wording-check.md, 0192-text-delivery-checks.md).
 * Each finding says why it matters and, where one exists, a fix that returns the changed text. None blocks sending.
 */
import { unicodeCharactersOf } from './sms-segments.ts';
import { OPT_OUT_NOTICE } from './text-opt-out.ts';

export type TextLintId = 'link-shortener' | 'no-sender-name' | 'shouting' | 'punctuation-run' | 'emoji-run' | 'flagged-words' | 'unicode' | 'no-opt-out';

export interface TextLintFix {
  /** The button's words, e.g. "Lower-case it". */
  label: string;
  /** The text with the fix applied. */
  apply: (text: string) => string;
}

export interface TextLint {
  id: TextLintId;
  /** What was found, in a few words. */
  title: string;
  /** Why it matters, in plain words. */
  why: string;
  fix: TextLintFix | null;
}

/** Who the text is from, as far as the dashboard knows (decision 0190). */
export interface TextSender {
  /** Words any of which, in the text, names the sender: the organisation and its own words, the user's names. */
  names: string[];
  /** What "Add your name" puts at the start of the text; null when nothing is known. */
  signature: string | null;
}

/**
 * Whether the service adds its opt-out notice to this text (decision 0191): `notice-added` (a first text in a
 * conversation), `not-first-text` (the number has had texts, and the notice, before), `not-added` (a broadcast).
 */
export type OptOutNoticeCase = 'notice-added' | 'not-first-text' | 'not-added';

export interface TextLintContext {
  /** null where the sender need not be named (a reply in a conversation already under way). */
  sender: TextSender | null;
  optOut: OptOutNoticeCase;
}

/** Generic words of an organisation's name: "Galaxy Community Schools" is named by "Galaxy", not by "Schools". */
const GENERIC_NAME_WORDS = new Set(
  (
    'the of and for at in on a an inc llc ltd co corp company group services service school schools district unified ' +
    'independent isd usd cisd community county city town public elementary middle high academy church center centre ' +
    'association foundation department office club team staff parish ministries ministry college university'
  ).split(' '),
);

/** Lower case, accents gone, anything but letters and digits a space: for finding whole words and names. */
export function foldForMatching(text: string): string {
  return ` ${text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

const nameWords = (name: string) => foldForMatching(name).trim().split(' ').filter(Boolean);

/**
 * The sender as the account and the signed-in user name it (decision 0190): the organisation's whole name and each
 * of its own words (not "School" or "District"), the user's first and last name. The signature is the organisation's
 * name, else the user's full name.
 */
export function senderOf({
  organization,
  firstName,
  lastName,
}: {
  organization?: string | null;
  firstName?: string | null;
  lastName?: string | null;
}): TextSender {
  const org = organization?.trim() ?? '';
  const first = firstName?.trim() ?? '';
  const last = lastName?.trim() ?? '';
  const names = new Set<string>();
  if (org) {
    names.add(nameWords(org).join(' '));
    for (const word of nameWords(org)) if (word.length >= 3 && !GENERIC_NAME_WORDS.has(word)) names.add(word);
  }
  for (const part of [first, last]) {
    const words = nameWords(part);
    if (words.length > 0 && words.join('').length >= 2) names.add(words.join(' '));
  }
  const fullName = [first, last].filter(Boolean).join(' ');
  return { names: [...names].filter(Boolean), signature: org || fullName || null };
}

/** Merge fields ({{FirstName}}) and links are not words of the message: the checks of wording skip them. */
const MERGE_FIELD = /\{\{[^{}]*\}\}/g;
const LINK =
  /\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|edu|gov|us|ly|io|co|me|gl|gd|at|cc|gy|in|link|ink|de|to|be|is|info|site)\/\S*/gi;

function withoutFieldsAndLinks(text: string): string {
  return text.replace(MERGE_FIELD, ' ').replace(LINK, ' ');
}

/** Shorteners carriers filter (spammers hide where a link goes behind them); matched as a link's host. */
const SHORTENERS = [
  'bit.ly',
  'bitly.com',
  'bitly.is',
  'tinyurl.com',
  'tiny.cc',
  'tiny.one',
  'goo.gl',
  'ow.ly',
  't.co',
  'is.gd',
  'v.gd',
  'buff.ly',
  'rebrand.ly',
  'cutt.ly',
  'shorturl.at',
  'rb.gy',
  'bl.ink',
  't.ly',
  's.id',
  'lnkd.in',
  'qrco.de',
  'shorte.st',
  'adf.ly',
  'x.co',
  'soo.gd',
  'clck.ru',
  'short.io',
  'sh.st',
  'tr.im',
  'po.st',
  'mcaf.ee',
  'trib.al',
  'dlvr.it',
];
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SHORTENED_LINK = new RegExp(
  `(?<![\\p{L}\\p{N}.-])(?:https?://)?(?:www\\.)?(?:${SHORTENERS.map(escapeRegExp).join('|')})(?:/[^\\s]*)?(?![\\p{L}\\p{N}-]|\\.[\\p{L}\\p{N}])`,
  'giu',
);

export function shortenedLinksOf(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(SHORTENED_LINK), (match) => match[0].replace(/[.,;:!?)]+$/, '')))];
}

/** Keywords that stay in capitals: carriers and the service act on them written so. */
const KEYWORDS = new Set(['STOP', 'UNSTOP', 'START', 'END', 'QUIT', 'CANCEL', 'UNSUBSCRIBE', 'HELP', 'JOIN', 'STOPALL']);

/** More than half the letters are capitals, with at least 10 of them (keywords such as STOP, fields and links aside). */
export function isShouting(text: string): boolean {
  const words = withoutFieldsAndLinks(text)
    .split(/[^\p{L}]+/u)
    .filter((word) => word && !KEYWORDS.has(word));
  const upper = words.join('').match(/\p{Lu}/gu)?.length ?? 0;
  const lower = words.join('').match(/\p{Ll}/gu)?.length ?? 0;
  return upper >= 10 && upper > lower;
}

/** Words that keep their capital when lower-cased: days and months ("May" is left out: it is also a verb). */
const PROPER_WORDS = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april june july august september october november december'.split(' '),
);

/**
 * The text with its words in capitals lower-cased (days and months keep their capital) and each sentence begun with
 * a capital; fields, links, keywords (STOP) and words already in mixed case ("McKinley") stay as they are.
 */
export function lowerCaseShouting(text: string): string {
  const kept: [number, number][] = [];
  for (const pattern of [MERGE_FIELD, LINK]) for (const match of text.matchAll(pattern)) kept.push([match.index, match.index + match[0].length]);
  const isKept = (index: number) => kept.some(([start, end]) => index >= start && index < end);
  return text.replace(/\p{L}[\p{L}'’]*/gu, (word, index: number) => {
    if (isKept(index) || KEYWORDS.has(word) || /\p{Ll}/u.test(word)) return word;
    const lowered = word === 'I' ? word : word.toLowerCase();
    const before = text.slice(0, index).replace(MERGE_FIELD, 'x');
    const startsSentence = /(?:^|[.!?]\s+|\n\s*)$/u.test(before);
    return startsSentence || PROPER_WORDS.has(lowered) ? lowered.charAt(0).toUpperCase() + lowered.slice(1) : lowered;
  });
}

/** "!!", "??", "?!?" or "$$": repeated marks read as spam. One "?!" is left alone. */
const PUNCTUATION_RUN = /!{2,}|\?{2,}|[!?]{3,}|\${2,}/g;

export function punctuationRunsOf(text: string): string[] {
  return [...new Set(Array.from(text.replace(MERGE_FIELD, ' ').replace(LINK, ' ').matchAll(PUNCTUATION_RUN), (match) => match[0]))];
}

export function collapsePunctuationRuns(text: string): string {
  const kept = Array.from(text.matchAll(LINK), (match) => [match.index, match.index + match[0].length] as const);
  return text.replace(PUNCTUATION_RUN, (run, index: number) => (kept.some(([start, end]) => index >= start && index < end) ? run : run.charAt(0)));
}

const graphemes = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('en', { granularity: 'grapheme' }) : null;
const charactersOf = (text: string) => (graphemes ? Array.from(graphemes.segment(text), (part) => part.segment) : Array.from(text));
const isEmoji = (character: string) => /\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(character);

interface EmojiRun {
  /** Where it starts and ends, in characters as a person sees them. */
  start: number;
  end: number;
  emoji: string[];
}

/** Runs of three or more emoji, spaces between them allowed. */
function emojiRunsIn(characters: readonly string[]): EmojiRun[] {
  const runs: EmojiRun[] = [];
  let current: EmojiRun | null = null;
  for (const [index, character] of characters.entries()) {
    if (isEmoji(character)) {
      if (current) {
        current.end = index + 1;
        current.emoji.push(character);
      } else current = { start: index, end: index + 1, emoji: [character] };
    } else if (!(current && /^\s$/u.test(character))) {
      if (current) runs.push(current);
      current = null;
    }
  }
  if (current) runs.push(current);
  return runs.filter((run) => run.emoji.length >= 3);
}

/** Three or more emoji in a row (spaces between them allowed), each run as typed. */
export function emojiRunsOf(text: string): string[] {
  const characters = charactersOf(text);
  return emojiRunsIn(characters).map((run) => characters.slice(run.start, run.end).join(''));
}

/** Each run of three or more emoji cut to its first. */
export function shortenEmojiRuns(text: string): string {
  const characters = charactersOf(text);
  let result = '';
  let from = 0;
  for (const run of emojiRunsIn(characters)) {
    result += characters.slice(from, run.start).join('') + run.emoji[0];
    from = run.end;
  }
  return result + characters.slice(from).join('');
}

/**
 * Words carriers' filters flag, by the SHAFT categories (sex, hate, alcohol, firearms, tobacco) and cannabis, which
 * they treat alike. Whole words only, and none that school and office texts use in other senses ("shot", "spirit",
 * "bar", "weed", "pot"); hate speech is left to people: no list of slurs ships here (decision 0192).
 */
const FLAGGED_WORDS: Record<string, readonly string[]> = {
  sex: ['sex', 'sexy', 'porn', 'porno', 'xxx', 'nude', 'nudes', 'erotic', 'hookup'],
  alcohol: [
    'alcohol',
    'alcoholic',
    'beer',
    'beers',
    'wine',
    'wines',
    'liquor',
    'vodka',
    'whiskey',
    'whisky',
    'tequila',
    'rum',
    'booze',
    'cocktail',
    'cocktails',
    'happy hour',
    'brewery',
    'winery',
  ],
  firearms: [
    'gun',
    'guns',
    'firearm',
    'firearms',
    'rifle',
    'rifles',
    'handgun',
    'handguns',
    'pistol',
    'pistols',
    'shotgun',
    'shotguns',
    'ammo',
    'ammunition',
    'ar 15',
  ],
  tobacco: ['tobacco', 'cigarette', 'cigarettes', 'cigar', 'cigars', 'vape', 'vapes', 'vaping', 'e cig', 'e cigarette', 'nicotine', 'juul', 'hookah'],
  cannabis: ['cannabis', 'marijuana', 'thc', 'cbd', 'dispensary', 'edibles'],
};

export function flaggedWordsOf(text: string): string[] {
  const folded = foldForMatching(withoutFieldsAndLinks(text));
  return Object.values(FLAGGED_WORDS)
    .flat()
    .filter((word) => folded.includes(` ${word} `));
}

/** Wording that tells people how to stop: "Reply STOP", "text END to …", "opt out", "unsubscribe". */
const OPT_OUT_WORDING = [
  /\b(?:reply|text|send|respond)(?:\s+with)?\s+["“'‘]?(?:stop|end|quit|cancel|unsubscribe|stopall)\b/i,
  /\b(?:stop|end|quit|cancel)["”'’]?\s+to\s+(?:opt|end|stop|unsubscribe|cancel|quit)\b/i,
  /\bopt(?:ing)?[\s-]?out\b/i,
  /\bunsubscribe\b/i,
];

export function hasOptOutWording(text: string): boolean {
  return OPT_OUT_WORDING.some((pattern) => pattern.test(text));
}

/** Whether any of the sender's names is in the text (merge fields and links aside: {{FirstName}} is the recipient). */
export function namesSender(text: string, sender: TextSender): boolean {
  const folded = foldForMatching(withoutFieldsAndLinks(text));
  return sender.names.some((name) => folded.includes(` ${name} `));
}

/** The checks that want a whole message (its sender, its opt-out line) wait until this much is typed. */
export const COMPLETE_TEXT_LENGTH = 20;

const quoteList = (items: readonly string[]) => items.map((item) => `“${item}”`).join(', ');

/** Every finding for a text, in the order they are shown. Empty for an empty text. */
export function lintText(text: string, context: TextLintContext): TextLint[] {
  if (!text.trim()) return [];
  const found: TextLint[] = [];
  const links = shortenedLinksOf(text);
  if (links.length > 0) {
    found.push({
      id: 'link-shortener',
      title: `Shortened link: ${links.join(', ')}`,
      why: 'Carriers often block texts with shortened links (bit.ly, TinyURL and the like): spammers use them to hide where a link goes. Paste the full link instead.',
      fix: null,
    });
  }
  const flagged = flaggedWordsOf(text);
  if (flagged.length > 0) {
    found.push({
      id: 'flagged-words',
      title: `${flagged.length === 1 ? 'A word' : 'Words'} carriers' filters flag: ${quoteList(flagged)}`,
      why: 'Carriers filter texts about sex, alcohol, guns, tobacco and drugs, even innocent ones. Reword it if you can, or some texts may not arrive.',
      fix: null,
    });
  }
  if (isShouting(text)) {
    found.push({
      id: 'shouting',
      title: 'Mostly capital letters',
      why: 'A text in capitals reads as shouting, and spam filters count it against you.',
      fix: { label: 'Lower-case it', apply: lowerCaseShouting },
    });
  }
  const punctuation = punctuationRunsOf(text);
  if (punctuation.length > 0) {
    found.push({
      id: 'punctuation-run',
      title: `Repeated punctuation: ${quoteList(punctuation)}`,
      why: 'Runs like “!!!” or “$$” look like spam to carriers’ filters.',
      fix: { label: punctuation.length === 1 ? `Use one “${punctuation[0]!.charAt(0)}”` : 'Use one mark each', apply: collapsePunctuationRuns },
    });
  }
  const emoji = emojiRunsOf(text);
  if (emoji.length > 0) {
    found.push({
      id: 'emoji-run',
      title: `Several emoji in a row: ${emoji.join(', ')}`,
      why: 'Strings of emoji look like spam to carriers’ filters.',
      fix: { label: 'Keep one emoji of each row', apply: shortenEmojiRuns },
    });
  }
  const complete = text.trim().length >= COMPLETE_TEXT_LENGTH;
  const sender = context.sender;
  if (complete && sender && sender.names.length > 0 && !namesSender(text, sender)) {
    const signature = sender.signature;
    found.push({
      id: 'no-sender-name',
      title: 'Who it is from is not in the text',
      why: 'People ignore or report a text when they cannot tell who sent it, and carriers expect the sender to be named.',
      fix: signature ? { label: `Start with “${signature}:”`, apply: (current) => `${signature}: ${current.trimStart()}` } : null,
    });
  }
  if (complete && context.optOut === 'not-added' && !hasOptOutWording(text)) {
    found.push({
      id: 'no-opt-out',
      title: 'It does not say how to stop these texts',
      why: 'Carriers expect a text sent to many people to say how to stop getting them. Without it more people report it as spam.',
      fix: { label: `Add “${OPT_OUT_NOTICE}”`, apply: (current) => `${current.trimEnd()} ${OPT_OUT_NOTICE}` },
    });
  }
  const unicode = unicodeCharactersOf(text);
  if (unicode.length > 0) {
    // Shown by the Unicode panel (decision 0156), each character with its own replacement.
    found.push({
      id: 'unicode',
      title: unicode.length === 1 ? 'A character that doubles the cost' : 'Characters that double the cost',
      why: 'These characters make the text Unicode: 70 characters fit in a segment instead of 160.',
      fix: null,
    });
  }
  return found;
}
