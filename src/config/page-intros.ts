import { paths } from './paths.ts';

export interface PageIntro {
  title: string;
  description: string;
}

/** The title and the line under it of each page whose header is the same for every user. */
export const pageIntros = {
  broadcasts: {
    title: 'Broadcasts',
    description: 'Every call and text broadcast: what is running, what is scheduled, and how each one went.',
  },
  newBroadcast: {
    title: 'New broadcast',
    description: 'Compose it, see exactly who it reaches and what it costs, then send. Your draft is saved as you go.',
  },
  contacts: {
    title: 'Contacts',
    description: 'Everyone you can call or text. Search by name or any part of a phone number.',
  },
  lists: {
    title: 'Lists',
    description: 'Groups of contacts to send broadcasts to. A contact can be in any number of lists.',
  },
  conversations: {
    title: 'Conversations',
    description: 'Replies to your texts and broadcasts. J and K move, R replies, E marks done.',
  },
  optOuts: {
    title: 'Opt-outs',
    description: 'Numbers that asked not to be called or texted. Every broadcast and conversation skips them.',
  },
  audio: {
    title: 'Audio library',
    description: 'Recordings and text-to-speech messages for voice broadcasts.',
  },
  account: {
    title: 'Account',
    description: "Your organisation's details, credit balance and usage.",
  },
  settings: {
    title: 'My settings',
    description: 'How you log in, and the defaults your new broadcasts start from.',
  },
} as const satisfies Record<string, PageIntro>;

/** The address of each page with an intro; the home shows the broadcasts. */
const introPaths: ReadonlyArray<readonly [path: string, intro: PageIntro]> = [
  [paths.home.path, pageIntros.broadcasts],
  [paths.broadcasts.list.path, pageIntros.broadcasts],
  [paths.broadcasts.create.path, pageIntros.newBroadcast],
  [paths.contacts.list.path, pageIntros.contacts],
  [paths.lists.list.path, pageIntros.lists],
  [paths.conversations.inbox.path, pageIntros.conversations],
  [paths.optOuts.list.path, pageIntros.optOuts],
  [paths.audio.list.path, pageIntros.audio],
  [paths.account.path, pageIntros.account],
  [paths.settings.path, pageIntros.settings],
];

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * The intros as index.html's outline draws them before the app's code arrives: one inert element a page, each
 * naming its address. The page's inline script puts the one of its address into the outline.
 */
export function firstViewIntrosHtml(): string {
  return introPaths
    .map(
      ([path, { title, description }]) =>
        `<div class="first-view-page" data-path="${escapeHtml(path)}"><div class="first-view-section"><div class="first-view-intro">` +
        `<div class="first-view-title">${escapeHtml(title)}</div>` +
        `<div class="first-view-description">${escapeHtml(description)}</div></div></div></div>`,
    )
    .join('');
}
