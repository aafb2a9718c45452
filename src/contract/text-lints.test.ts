import { describe, expect, it } from 'vitest';
import {
  collapsePunctuationRuns,
  emojiRunsOf,
  flaggedWordsOf,
  hasOptOutWording,
  isShouting,
  lintText,
  lowerCaseShouting,
  namesSender,
  punctuationRunsOf,
  senderOf,
  shortenEmojiRuns,
  shortenedLinksOf,
  type TextLintContext,
  type TextLintId,
} from './text-lints.ts';

const galaxy = senderOf({ organization: 'Galaxy Community Schools', firstName: 'Leia', lastName: 'Organa' });
/** A broadcast from the demo account: the sender should be named and the service adds no notice. */
const broadcast: TextLintContext = { sender: galaxy, optOut: 'not-added' };
/** A text that would raise no finding of its own. */
const CLEAN = 'Galaxy Schools: the bus runs 10 minutes late today. Reply STOP to opt out.';

const idsOf = (text: string, context: TextLintContext = broadcast): TextLintId[] => lintText(text, context).map((lint) => lint.id);
const fixOf = (text: string, id: TextLintId, context: TextLintContext = broadcast) => lintText(text, context).find((lint) => lint.id === id)?.fix;

describe('lintText', () => {
  it('finds nothing in a plain, signed text with opt-out wording, nor in an empty one', () => {
    expect(idsOf(CLEAN)).toEqual([]);
    expect(idsOf('   ')).toEqual([]);
  });
});

describe('link shorteners', () => {
  it('finds bit.ly, TinyURL and the like, with or without a scheme', () => {
    expect(shortenedLinksOf('Forms: https://bit.ly/3xYz and tinyurl.com/abc.')).toEqual(['https://bit.ly/3xYz', 'tinyurl.com/abc']);
    expect(shortenedLinksOf('See BIT.LY/Forms today')).toEqual(['BIT.LY/Forms']);
    expect(idsOf(`${CLEAN} https://t.co/x1`)).toEqual(['link-shortener']);
    expect(fixOf(`${CLEAN} bit.ly/a`, 'link-shortener')).toBeNull();
  });

  it('leaves full links and look-alike words alone', () => {
    expect(shortenedLinksOf('Forms at https://galaxy.k12.tx.us/forms and www.tinyurlfacts.com/x')).toEqual([]);
    expect(shortenedLinksOf('Meet at.com or habit.ly? No: at 3 we eat.com')).toEqual([]);
    expect(idsOf(`${CLEAN} https://galaxyschools.org/lunch`)).toEqual([]);
  });
});

describe('the sender name', () => {
  it("counts the organisation's own words and the user's names, not its generic words", () => {
    expect(galaxy.names).toEqual(['galaxy community schools', 'galaxy', 'leia', 'organa']);
    expect(galaxy.signature).toBe('Galaxy Community Schools');
    expect(namesSender('From GALAXY: late bus', galaxy)).toBe(true);
    expect(namesSender('Thanks, Mrs. Organa', galaxy)).toBe(true);
    expect(namesSender('The schools are closed', galaxy)).toBe(false);
    // {{FirstName}} is the recipient's name, and a link's path is no signature.
    expect(namesSender('Hi {{Leia}}', galaxy)).toBe(false);
    expect(namesSender('Forms at bit.ly/galaxy-pics', galaxy)).toBe(false);
  });

  it('fires on a text that names nobody, with a fix that starts it with the organisation', () => {
    const text = 'The bus runs 10 minutes late today. Reply STOP to opt out.';
    expect(idsOf(text)).toEqual(['no-sender-name']);
    const fix = fixOf(text, 'no-sender-name')!;
    expect(fix.label).toBe('Start with “Galaxy Community Schools:”');
    expect(fix.apply(text)).toBe(`Galaxy Community Schools: ${text}`);
    expect(idsOf(fix.apply(text))).toEqual([]);
  });

  it('does not fire where names are unknown, the sender need not be named, or the text is still short', () => {
    const text = 'The bus runs 10 minutes late today. Reply STOP to opt out.';
    expect(idsOf(text, { sender: senderOf({}), optOut: 'not-added' })).toEqual([]);
    expect(idsOf(text, { sender: null, optOut: 'not-added' })).toEqual([]);
    expect(idsOf('The bus is late', broadcast)).toEqual([]);
  });

  it("signs with the user's name when the organisation's is unknown", () => {
    const sender = senderOf({ organization: null, firstName: 'Han', lastName: 'Solo' });
    expect(sender).toEqual({ names: ['han', 'solo'], signature: 'Han Solo' });
  });
});

describe('shouting', () => {
  it('fires on a text mostly in capitals, and its fix lower-cases it sentence by sentence', () => {
    const text = 'Galaxy: SCHOOL IS CLOSED TOMORROW. ENJOY THE SNOW DAY! Reply STOP to opt out.';
    expect(isShouting(text)).toBe(true);
    expect(idsOf(text)).toEqual(['shouting']);
    const fixed = fixOf(text, 'shouting')!.apply(text);
    expect(fixed).toBe('Galaxy: school is closed tomorrow. Enjoy the snow day! Reply STOP to opt out.');
    expect(idsOf(fixed)).toEqual([]);
  });

  it('leaves a word or two in capitals, STOP, merge fields and links alone', () => {
    expect(isShouting('REMINDER: the PTA meets at 6 PM in the library.')).toBe(false);
    expect(isShouting('Hi {{FirstName}}, forms at HTTPS://GALAXY.ORG/FORMS-AND-FEES. Reply STOP')).toBe(false);
    expect(lowerCaseShouting('HI {{FirstName}}, SEE HTTPS://X.ORG/ABC. Reply STOP')).toBe('Hi {{FirstName}}, see HTTPS://X.ORG/ABC. Reply STOP');
    expect(lowerCaseShouting("DON'T BE LATE, McKINLEY")).toBe("Don't be late, McKINLEY");
    expect(lowerCaseShouting('NO SCHOOL FRIDAY OR IN MAY')).toBe('No school Friday or in may');
  });
});

describe('runs of punctuation', () => {
  it('fires on !!, ??, ?!? and $$, and the fix keeps one mark', () => {
    expect(punctuationRunsOf('Free lunch!!! Really??? $$$ ?!?')).toEqual(['!!!', '???', '$$$', '?!?']);
    const text = `${CLEAN} Great news!!!`;
    expect(idsOf(text)).toEqual(['punctuation-run']);
    expect(fixOf(text, 'punctuation-run')!.label).toBe('Use one “!”');
    expect(collapsePunctuationRuns('Wow!!! Really??')).toBe('Wow! Really?');
  });

  it('leaves single marks, one ?! and marks inside links alone', () => {
    expect(punctuationRunsOf('Ready? Go! Really?! See https://galaxy.org/a??b')).toEqual([]);
  });
});

describe('runs of emoji', () => {
  it('fires on three emoji in a row (spaces between allowed), and the fix keeps the first', () => {
    expect(emojiRunsOf('Snow day ❄️❄️❄️ and 🎉 🎉 🎉!')).toEqual(['❄️❄️❄️', '🎉 🎉 🎉']);
    expect(idsOf(`${CLEAN} 🎉🎉🎉`)).toEqual(['emoji-run', 'unicode']);
    expect(shortenEmojiRuns('Snow day ❄️❄️❄️ and 👍🏽 👍🏽 👍🏽!')).toBe('Snow day ❄️ and 👍🏽!');
  });

  it('leaves one or two emoji alone (a skin tone is part of its emoji)', () => {
    expect(emojiRunsOf('Thanks 👍🏽 see you soon 🙂🙂')).toEqual([]);
  });
});

describe("words carriers' filters flag", () => {
  it('fires on SHAFT words, whole words only, accents and case aside', () => {
    expect(flaggedWordsOf('Wine and cheese night; no VAPING on campus; a gun-safety talk')).toEqual(['wine', 'gun', 'vaping']);
    expect(idsOf(`${CLEAN} Wine tasting Friday.`)).toEqual(['flagged-words']);
    expect(fixOf(`${CLEAN} Wine tasting Friday.`, 'flagged-words')).toBeNull();
  });

  it('leaves common words that contain them, or mean something else at school, alone', () => {
    expect(flaggedWordsOf('Sussex and Essex teams: flu shots, school spirit, the snack bar, begun, gunther, swine, winery-road.com/x')).toEqual([]);
  });
});

describe('opt-out wording', () => {
  it('recognises the usual ways of saying how to stop', () => {
    for (const text of ['Reply STOP to opt out', 'Text END to stop', 'reply with "stop"', 'STOP to end', 'opt-out anytime', 'Unsubscribe: reply Q']) {
      expect(hasOptOutWording(text), text).toBe(true);
    }
    expect(hasOptOutWording('Please stop by the office to pick up forms')).toBe(false);
  });

  it('fires on a broadcast text that does not say how to stop, with a fix that adds the notice', () => {
    const text = 'Galaxy Schools: the bus runs 10 minutes late today.';
    expect(idsOf(text)).toEqual(['no-opt-out']);
    const fix = fixOf(text, 'no-opt-out')!;
    expect(fix.label).toBe('Add “Reply STOP to opt out.”');
    expect(fix.apply(`${text}\n`)).toBe(`${text} Reply STOP to opt out.`);
    expect(idsOf(fix.apply(text))).toEqual([]);
  });

  it('does not fire where the service adds its notice, or the number has had texts before', () => {
    const text = 'Galaxy Schools: the bus runs 10 minutes late today.';
    expect(idsOf(text, { sender: galaxy, optOut: 'notice-added' })).toEqual([]);
    expect(idsOf(text, { sender: galaxy, optOut: 'not-first-text' })).toEqual([]);
  });
});

describe('Unicode characters', () => {
  it('fires on a character that makes the text Unicode, and not on plain text', () => {
    expect(idsOf(CLEAN.replace('the bus', 'the bus’s'))).toEqual(['unicode']);
    expect(lintText(`${CLEAN} ’ “`, broadcast).at(-1)!.title).toBe('Characters that double the cost');
    expect(idsOf(CLEAN)).not.toContain('unicode');
  });
});
