import type { SandboxDatabase } from '../db/database.ts';
import { findOrOpenConversation, insertTextMessage, withOptOutNotice } from '../model/conversations.ts';
import { receiveInboundText } from '../model/inbound-texts.ts';
import { DEMO_ACCOUNT_ID, DEMO_USER_IDS, demoPhoneNumber } from './demo-data.ts';
import { createRandom } from './random.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MAIN_LINE = 98615;
const TRANSPORTATION = 98616;

type Staff = keyof typeof DEMO_USER_IDS;

interface Thread {
  textNumberId: number;
  /** Who answers for the district. */
  staff: Staff;
  /** Alternating from the first speaker; each text comes a few minutes after the one before. */
  texts: Array<{ from: 'staff' | 'contact'; body: string }>;
  /** Where the inbox stands: unread texts, read but open, or done. */
  state: 'unread' | 'read' | 'done';
}

const staff = (body: string) => ({ from: 'staff' as const, body });
const contact = (body: string) => ({ from: 'contact' as const, body });

const threads: Thread[] = [
  {
    textNumberId: MAIN_LINE,
    staff: 'master',
    state: 'read',
    texts: [
      staff('Reminder: Lincoln Elementary dismisses at 1:00 PM this Friday for teacher training.'),
      contact('Will the buses run at 1 too?'),
      staff('Yes, buses leave at 1:15 PM.'),
      contact('Perfect, thank you!'),
    ],
  },
  { textNumberId: MAIN_LINE, staff: 'leia', state: 'unread', texts: [contact('Is school closed tomorrow because of the ice?')] },
  {
    textNumberId: MAIN_LINE,
    staff: 'leia',
    state: 'unread',
    texts: [staff('Picture day is Tuesday. Order forms are due Monday.'), contact('Can I order online instead?')],
  },
  {
    textNumberId: MAIN_LINE,
    staff: 'master',
    state: 'done',
    texts: [
      staff('A library book checked out by your student is two weeks overdue.'),
      contact('Sorry! We will bring it back tomorrow.'),
      staff('No problem, thank you!'),
    ],
  },
  {
    textNumberId: MAIN_LINE,
    staff: 'leia',
    state: 'unread',
    texts: [
      contact('Who do I talk to about the lunch account balance?'),
      staff("Please call the cafeteria office at (214) 555-0130, or reply here with your student's name."),
      contact("It's Maya Patel, 3rd grade."),
    ],
  },
  {
    textNumberId: MAIN_LINE,
    staff: 'master',
    state: 'read',
    texts: [staff('Board meeting tonight at 6 PM in the Roosevelt gym. All are welcome.'), contact('STOP')],
  },
  {
    textNumberId: MAIN_LINE,
    staff: 'han',
    state: 'done',
    texts: [
      staff('Parent-teacher conferences start next week. Reply with a day that works for you.'),
      contact('Wednesday after 4 works best'),
      staff('Booked: Wednesday 4:30 PM with Ms. Rivera.'),
    ],
  },
  {
    textNumberId: MAIN_LINE,
    staff: 'leia',
    state: 'done',
    texts: [contact('My son will be absent today, he has a fever.'), staff('Thanks for letting us know. Feel better soon!')],
  },
  {
    textNumberId: MAIN_LINE,
    staff: 'master',
    state: 'unread',
    texts: [staff('Volunteers needed for the book fair March 12–14.'), contact('I can help on the 13th in the morning.')],
  },
  { textNumberId: MAIN_LINE, staff: 'leia', state: 'read', texts: [contact('Can you resend the permission slip for the zoo trip?')] },
  {
    textNumberId: MAIN_LINE,
    staff: 'master',
    state: 'read',
    texts: [staff('Spring concert tickets are free; doors open at 6:30 PM.'), contact('How long does it last?'), staff('About an hour.'), contact('👍')],
  },
  {
    textNumberId: MAIN_LINE,
    staff: 'han',
    state: 'read',
    texts: [staff('Reminder: the school supply drive ends this week.'), contact('unsubscribe')],
  },
  {
    textNumberId: MAIN_LINE,
    staff: 'leia',
    state: 'done',
    texts: [contact('¿Hay clases mañana?'), staff('Sí, hay clases normales mañana.')],
  },
  {
    textNumberId: MAIN_LINE,
    staff: 'master',
    state: 'done',
    texts: [staff('Report cards go home Friday.'), contact('Will they also be online?'), staff('Yes, in the parent portal by Thursday night.')],
  },
  {
    textNumberId: MAIN_LINE,
    staff: 'leia',
    state: 'unread',
    texts: [contact('Hi, my email changed. Where do I update it?')],
  },
  {
    textNumberId: TRANSPORTATION,
    staff: 'leia',
    state: 'done',
    texts: [staff('Bus 12 is running about 15 minutes late this morning.'), contact('Thanks for the heads up')],
  },
  { textNumberId: TRANSPORTATION, staff: 'leia', state: 'unread', texts: [contact("The bus didn't come to Elm St today?")] },
  {
    textNumberId: TRANSPORTATION,
    staff: 'master',
    state: 'unread',
    texts: [staff('Due to weather, all buses run on the 2-hour delay schedule.'), contact('Is pickup also delayed?')],
  },
  {
    textNumberId: TRANSPORTATION,
    staff: 'leia',
    state: 'read',
    texts: [staff('Route 7 has a new stop at Oak & 3rd starting Monday.'), contact('Quit')],
  },
  {
    textNumberId: TRANSPORTATION,
    staff: 'han',
    state: 'read',
    texts: [
      contact('Can my daughter ride bus 4 home with a friend on Friday?'),
      staff('Please send a signed note to the office; the driver needs it.'),
      contact('Will do, thanks'),
    ],
  },
  {
    textNumberId: TRANSPORTATION,
    staff: 'leia',
    state: 'done',
    texts: [contact('Driver was great today, please pass on our thanks!'), staff('We will, thank you!')],
  },
  {
    textNumberId: TRANSPORTATION,
    staff: 'master',
    state: 'unread',
    texts: [staff('Bus 9 will pick up 10 minutes early tomorrow.'), contact('Ok. Does that include the afternoon route?')],
  },
];

const isStop = (thread: Thread) => thread.texts.some((text) => /^(stop|quit|unsubscribe)$/i.test(text.body));

/**
 * A realistic inbox: about forty conversations on both text numbers, some unread, some done, a few that ended
 * with a STOP (which opts those numbers out, exactly as a live reply would). Deterministic for a given `now`.
 */
export function seedDemoConversations({ db, now }: { db: SandboxDatabase; now: number }): void {
  const random = createRandom(61_006);
  const candidates = db
    .prepare<[], { primary_phone: string }>(
      `SELECT primary_phone FROM contacts c
       WHERE c.account_id = ${DEMO_ACCOUNT_ID} AND c.deleted_at IS NULL AND c.optin_primary IN ('OptedIn', 'Unknown')
         AND NOT EXISTS (SELECT 1 FROM opt_outs o WHERE o.account_id = c.account_id AND o.phone_number = c.primary_phone)
       ORDER BY c.person_id`,
    )
    .all();
  // Each thread once, and again with other people (a STOP thread only once, to keep opt-outs rare).
  const plan = [...threads, ...threads.filter((thread) => !isStop(thread))];
  const used = new Set<string>();
  plan.forEach((thread, index) => {
    // Every ninth thread comes from a number the account has no contact for.
    let phone: string;
    do {
      phone = index % 9 === 4 ? demoPhoneNumber(random) : candidates[random.int(0, candidates.length - 1)]!.primary_phone;
    } while (used.has(phone));
    used.add(phone);

    // Unread threads are recent; the rest spread over the last two weeks. The last text is `age` ago.
    const age = thread.state === 'unread' ? random.int(10 * MINUTE, 30 * HOUR) : random.int(2 * HOUR, 14 * DAY);
    const gaps = thread.texts.map((_text, position) => (position === 0 ? 0 : random.int(2 * MINUTE, 40 * MINUTE)));
    let at = now - age - gaps.reduce((sum, gap) => sum + gap, 0);
    const conversationId = findOrOpenConversation(db, {
      accountId: DEMO_ACCOUNT_ID,
      textNumberId: thread.textNumberId,
      phoneNumber: phone,
      userId: DEMO_USER_IDS[thread.staff],
      at,
    });
    thread.texts.forEach((text, position) => {
      at += gaps[position]!;
      if (text.from === 'contact') {
        receiveInboundText(db, {
          accountId: DEMO_ACCOUNT_ID,
          textNumberId: thread.textNumberId,
          phoneNumber: phone,
          body: text.body,
          receivedAt: at,
          broadcastId: null,
        });
      } else {
        insertTextMessage(db, {
          conversationId,
          direction: 'Outbound',
          body: withOptOutNotice(db, DEMO_ACCOUNT_ID, phone, text.body),
          status: 'Delivered',
          userId: DEMO_USER_IDS[thread.staff],
          at,
        });
        // Staff read what came before they answered.
        db.prepare('UPDATE conversations SET unread_count = 0 WHERE conversation_id = ?').run(conversationId);
      }
    });
    if (thread.state !== 'unread') {
      db.prepare('UPDATE conversations SET unread_count = 0, is_done = ? WHERE conversation_id = ?').run(thread.state === 'done' ? 1 : 0, conversationId);
    }
  });
}
