import type { SandboxDatabase } from '../db/database.ts';
import { daysToMask } from '../model/users.ts';
import { seedDemoAudio } from './demo-audio.ts';
import { seedDemoBroadcasts } from './demo-broadcasts.ts';
import { hashPinCodeSync } from '../pin-codes.ts';
import { seedDemoConversations } from './demo-conversations.ts';
import { demoUsers } from './demo-logins.ts';
import { areaCodes, firstNames, lastNames } from './names.ts';
import { createRandom, type Random } from './random.ts';

const DAY = 86_400_000;

export const DEMO_ACCOUNT_ID = 1;
export const DEMO_USER_IDS = { master: 73312, leia: 73313, han: 73314 } as const;
export const DEMO_CONTACT_COUNT = 4233;

/** A 10-digit number that is valid in the NANP: real area code, exchange 2-9 and not N11. */
export function demoPhoneNumber(random: Random): string {
  let exchange: number;
  do exchange = random.int(200, 999);
  while (exchange % 100 === 11);
  return `${random.pick(areaCodes)}${exchange}${String(random.int(0, 9999)).padStart(4, '0')}`;
}

const noteSamples = [
  'Prefers texts',
  'Call after 5pm',
  'Spanish speaker',
  'Grandparent pickup',
  'Room parent',
  'Allergy alert on file',
  'Works night shift',
  'Bus rider',
  'New this year',
  'Emergency contact only',
];

interface SeedContext {
  db: SandboxDatabase;
  random: Random;
  now: number;
}

function seedAccountAndUsers({ db, now }: SeedContext) {
  db.prepare(
    `INSERT INTO accounts (account_id, company_name, address, city, state, zip, phone, call_balance, can_create_users, created_at)
     VALUES (?, 'Galaxy Community Schools', '2027 Echo Base Road', 'Dallas', 'TX', '75201', '2027075000', 25000, 1, ?)`,
  ).run(DEMO_ACCOUNT_ID, now - 400 * DAY);

  const insertUser = db.prepare(`
    INSERT INTO users (user_id, account_id, user_name, pin_hash, first_name, last_name, email, phone, caller_id, retries,
      max_message_length, call_throttle, continue_on_next_day, start_minute, stop_minute, calling_window_days, state,
      is_master, can_see_all_broadcasts, can_see_all_roster, can_see_all_audio, can_see_group_audio, created_at)
    VALUES (@id, ${DEMO_ACCOUNT_ID}, @userName, @pinHash, @first, @last, @email, @phone, @callerId, @retries, @maxLength,
      @throttle, @continueNextDay, @start, @stop, @days, @state, @master, @allBroadcasts, @allRoster, @allAudio,
      @groupAudio, @created)`);
  const [master, leia, han] = demoUsers;
  // The master user carries the settings of the documentation's own Create User example.
  insertUser.run({
    id: DEMO_USER_IDS.master,
    userName: master.UserName,
    pinHash: hashPinCodeSync(master.PinCode),
    first: 'Luke',
    last: 'Skywalker',
    email: 'luke@galaxy.com',
    phone: '2027075000',
    callerId: '2027075000',
    retries: 1,
    maxLength: 120,
    throttle: 10,
    continueNextDay: 1,
    start: 7 * 60,
    stop: 20 * 60,
    days: daysToMask([]),
    state: 'TX',
    master: 1,
    allBroadcasts: 1,
    allRoster: 1,
    allAudio: 1,
    groupAudio: 1,
    created: now - 400 * DAY,
  });
  insertUser.run({
    id: DEMO_USER_IDS.leia,
    userName: leia.UserName,
    pinHash: hashPinCodeSync(leia.PinCode),
    first: 'Leia',
    last: 'Organa',
    email: 'leia@galaxy.com',
    phone: '2125550187',
    callerId: '2125550187',
    retries: 2,
    maxLength: 90,
    throttle: 20,
    continueNextDay: 0,
    start: 8 * 60,
    stop: 19 * 60 + 30,
    days: daysToMask(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']),
    state: 'NY',
    master: 0,
    allBroadcasts: 1,
    allRoster: 1,
    allAudio: 1,
    groupAudio: 1,
    created: now - 300 * DAY,
  });
  insertUser.run({
    id: DEMO_USER_IDS.han,
    userName: han.UserName,
    pinHash: hashPinCodeSync(han.PinCode),
    first: 'Han',
    last: 'Solo',
    email: 'han@galaxy.com',
    phone: '4155550142',
    callerId: '4155550142',
    retries: 1,
    maxLength: 60,
    throttle: 5,
    continueNextDay: 0,
    start: 9 * 60,
    stop: 18 * 60,
    days: daysToMask([]),
    state: 'CA',
    master: 0,
    allBroadcasts: 0,
    allRoster: 0,
    allAudio: 0,
    groupAudio: 1,
    created: now - 200 * DAY,
  });

  const insertTextNumber = db.prepare(
    `INSERT INTO text_numbers (text_number_id, account_id, text_phone_number, name, description, is_default)
     VALUES (?, ${DEMO_ACCOUNT_ID}, ?, ?, ?, ?)`,
  );
  insertTextNumber.run(98615, '18338028132', 'Main line', 'District-wide announcements and replies', 1);
  insertTextNumber.run(98616, '18669481703', 'Transportation', 'Bus routes and weather delays', 0);
}

const demoLists = [
  { name: 'Parents — Lincoln Elementary', description: 'Every parent and guardian at Lincoln', owner: 'master', share: 0.35 },
  { name: 'Parents — Roosevelt Middle', description: 'Every parent and guardian at Roosevelt', owner: 'master', share: 0.3 },
  { name: 'Staff', description: 'Teachers, aides and office staff', owner: 'master', share: 0.08 },
  { name: 'Bus Route 12', description: 'Families on the north-side route', owner: 'leia', share: 0.04 },
  { name: 'Volunteers', description: 'Library and field-trip volunteers', owner: 'leia', share: 0.06 },
  { name: 'Board Members', description: 'School board and superintendent office', owner: 'master', share: 0.004 },
  { name: 'Substitute Teachers', description: 'On-call substitutes', owner: 'leia', share: 0.02 },
  { name: 'Band Parents', description: 'Marching and concert band families', owner: 'master', share: 0.05 },
  { name: 'Weather Alerts', description: 'Opted in to closure and delay alerts', owner: 'master', share: 0.45 },
  { name: 'Field Team', description: "Han's maintenance crew", owner: 'han', share: 0 },
] as const;

function seedContactsAndLists({ db, random, now }: SeedContext) {
  const insertContact = db.prepare(`
    INSERT INTO contacts (person_id, account_id, owner_user_id, first_name, last_name, primary_phone, secondary_phone,
      tertiary_phone, notes, integration_data, dnc_primary, optin_primary, optin_secondary, created_at, last_updated)
    VALUES (?, ${DEMO_ACCOUNT_ID}, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?)`);
  const usedPhones = new Set<string>();
  const uniquePhone = () => {
    let phone: string;
    do phone = demoPhoneNumber(random);
    while (usedPhones.has(phone));
    usedPhones.add(phone);
    return phone;
  };

  const hanContacts: number[] = [];
  const otherContacts: number[] = [];
  for (let index = 0; index < DEMO_CONTACT_COUNT; index += 1) {
    const personId = 4_947_403 + index;
    const owner = index % 25 === 0 ? DEMO_USER_IDS.han : index % 7 === 0 ? DEMO_USER_IDS.leia : DEMO_USER_IDS.master;
    (owner === DEMO_USER_IDS.han ? hanContacts : otherContacts).push(personId);
    const created = now - random.int(1, 380) * DAY - random.int(0, DAY - 1);
    const updated = random.chance(0.3) ? created + random.int(0, Math.max(0, now - created - 1)) : created;
    const secondary = random.chance(0.35) ? uniquePhone() : '';
    insertContact.run(
      personId,
      owner,
      random.pick(firstNames),
      random.pick(lastNames),
      uniquePhone(),
      secondary,
      random.chance(0.15) ? random.pick(noteSamples) : '',
      random.chance(0.5) ? `SIS-${100000 + index}` : '',
      random.chance(0.01) ? 1 : 0,
      random.chance(0.6) ? 'OptedIn' : random.chance(0.1) ? 'NotTextable' : 'Unknown',
      secondary ? (random.chance(0.5) ? 'OptedIn' : 'Unknown') : 'Unknown',
      created,
      updated,
    );
  }

  const insertList = db.prepare(`
    INSERT INTO lists (list_id, account_id, owner_user_id, list_name, list_description, created_at, last_updated)
    VALUES (?, ${DEMO_ACCOUNT_ID}, ?, ?, ?, ?, ?)`);
  const insertMember = db.prepare('INSERT OR IGNORE INTO list_members (list_id, person_id, added_at) VALUES (?, ?, ?)');
  demoLists.forEach((list, index) => {
    const listId = 34 + index;
    const created = now - random.int(200, 380) * DAY;
    insertList.run(listId, DEMO_USER_IDS[list.owner], list.name, list.description, created, created + random.int(0, 30) * DAY);
    const pool = list.owner === 'han' ? hanContacts : otherContacts;
    for (const personId of pool) {
      if (list.owner === 'han' || random.chance(list.share)) insertMember.run(listId, personId, created);
    }
  });

  // A few contacts already sit in the Deleted folder, to be restored or purged.
  db.prepare(`UPDATE contacts SET deleted_at = ? WHERE person_id IN (SELECT person_id FROM contacts ORDER BY person_id DESC LIMIT 12)`).run(now - 3 * DAY);
  return usedPhones;
}

function seedOptOuts({ db, random, now }: SeedContext) {
  const contacts = db.prepare<[], { primary_phone: string }>('SELECT primary_phone FROM contacts WHERE deleted_at IS NULL ORDER BY person_id LIMIT 1200').all();
  const insertOptOut = db.prepare(`
    INSERT OR IGNORE INTO opt_outs (account_id, phone_number, do_not_call, do_not_text, notes, source, opt_out_date)
    VALUES (${DEMO_ACCOUNT_ID}, ?, ?, ?, ?, ?, ?)`);
  const insertEvent = db.prepare(`
    INSERT INTO opt_out_events (account_id, phone_number, action, do_not_call, do_not_text, source, notes, created_at)
    VALUES (${DEMO_ACCOUNT_ID}, ?, 'OptOut', ?, ?, ?, ?, ?)`);
  const markText = db.prepare(`UPDATE contacts SET optin_primary = 'OptedOut' WHERE primary_phone = ?`);
  for (let index = 0; index < 64; index += 1) {
    const phone = index < 48 ? contacts[index * 23]!.primary_phone : demoPhoneNumber(random);
    // A text STOP blocks voice too; a keypress opt-out blocks voice only; manual ones vary.
    const source = random.pick(['TextReply', 'TextReply', 'Keypress', 'Manual'] as const);
    const doNotCall = 1;
    const doNotText = source === 'Keypress' ? 0 : source === 'Manual' ? (random.chance(0.5) ? 1 : 0) : 1;
    const notes = source === 'Manual' ? random.pick(['Asked by phone', 'Requested at front office', 'Parent request']) : '';
    const at = now - random.int(1, 300) * DAY - random.int(0, DAY - 1);
    insertOptOut.run(phone, doNotCall, doNotText, notes, source, at);
    insertEvent.run(phone, doNotCall, doNotText, source, notes, at);
    if (doNotText) markText.run(phone);
  }
}

/**
 * The account's credits: bought in two purchases, less everything the demo broadcasts have spent, so the balance,
 * the usage report and the ledger agree.
 */
function settleCredits({ db, now }: SeedContext) {
  const purchases = [
    { credits: 20_000, daysAgo: 150 },
    { credits: 15_000, daysAgo: 12 },
  ];
  const insert = db.prepare(`INSERT INTO credit_ledger (account_id, kind, credits, created_at) VALUES (${DEMO_ACCOUNT_ID}, 'Purchase', ?, ?)`);
  for (const purchase of purchases) insert.run(purchase.credits, now - purchase.daysAgo * DAY);
  const { spent } = db
    .prepare<[], { spent: number }>(`SELECT COALESCE(SUM(credits), 0) AS spent FROM credit_ledger WHERE account_id = ${DEMO_ACCOUNT_ID} AND kind <> 'Purchase'`)
    .get()!;
  const bought = purchases.reduce((sum, purchase) => sum + purchase.credits, 0);
  db.prepare(`UPDATE accounts SET call_balance = ? WHERE account_id = ${DEMO_ACCOUNT_ID}`).run(Math.round((bought - spent) * 100) / 100);
}

/** Fills an empty sandbox with the demo account. Deterministic for a given `now`. */
export function seedDemoData(db: SandboxDatabase, now: number): void {
  const context: SeedContext = { db, random: createRandom(20_200_201), now };
  db.transaction(() => {
    seedAccountAndUsers(context);
    seedContactsAndLists(context);
    seedOptOuts(context);
    seedDemoAudio(db, now, DEMO_USER_IDS, DEMO_ACCOUNT_ID);
    seedDemoBroadcasts(db, now);
    seedDemoConversations(context);
    settleCredits(context);
  })();
}

export function hasNoAccounts(db: SandboxDatabase): boolean {
  return (db.prepare('SELECT COUNT(*) AS n FROM accounts').get() as { n: number }).n === 0;
}
