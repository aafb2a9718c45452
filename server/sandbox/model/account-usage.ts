import { creditKinds, type Account, type AccountUsage, type CreditKind } from '../../../src/contract/account.ts';
import type { SandboxClock } from '../clock.ts';
import type { AuthUser } from '../context.ts';
import type { SandboxDatabase } from '../db/database.ts';
import { SandboxError } from '../http/errors.ts';
import { formatApiDate, zonedParts, zonedTimeToEpoch } from '../time.ts';

/** The longest range one report covers, and the one answered when the request names none. */
export const MAX_USAGE_DAYS = 366;
export const DEFAULT_USAGE_DAYS = 30;

interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const pad = (value: number) => String(value).padStart(2, '0');
const isoDay = ({ year, month, day }: CalendarDay) => `${year}-${pad(month)}-${pad(day)}`;
/** Credits are kept to two decimals (texts cost half a credit; transfers bill by the minute). */
const credits = (value: number) => Math.round(value * 100) / 100;

function addDays({ year, month, day }: CalendarDay, days: number): CalendarDay {
  const date = new Date(Date.UTC(year, month - 1, day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

const daysBetween = (from: CalendarDay, to: CalendarDay) =>
  Math.round((Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / 86_400_000);

function parseDay(name: string, value: string): CalendarDay {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const parsed = match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : null;
  if (!parsed || isoDay(addDays(parsed, 0)) !== value.trim()) {
    throw new SandboxError('InvalidQueryParameter', `${name} must be a date such as 2024-01-31.`);
  }
  return parsed;
}

/** The requested days: `date-from` and `date-to` (inclusive, in the user's zone), by default the last 30 days. */
function usageRange(url: URL, today: CalendarDay): { from: CalendarDay; to: CalendarDay } {
  let from: CalendarDay | null = null;
  let to: CalendarDay | null = null;
  for (const [name, value] of url.searchParams) {
    const lower = name.toLowerCase();
    if (lower === 'date-from') from = parseDay('date-from', value);
    else if (lower === 'date-to') to = parseDay('date-to', value);
    else throw new SandboxError('InvalidQueryParameter', `Unknown parameter ${name}. Use date-from and date-to.`);
  }
  to ??= from ? addDays(from, DEFAULT_USAGE_DAYS - 1) : today;
  from ??= addDays(to, -(DEFAULT_USAGE_DAYS - 1));
  const span = daysBetween(from, to) + 1;
  if (span < 1) throw new SandboxError('InvalidQueryParameter', 'date-from must not be after date-to.');
  if (span > MAX_USAGE_DAYS) {
    throw new SandboxError('InvalidQueryParameter', `A usage report covers at most ${MAX_USAGE_DAYS} days.`);
  }
  return { from, to };
}

/**
 * Credits by day and by kind from the credit ledger (docs/decisions/0041-account-usage.md). Amounts are read as
 * magnitudes: the kind says whether credits went out (Call, Text, Transfer) or came in (Purchase). Users who may
 * not see every broadcast get their own broadcasts' spending and the account's purchases.
 */
export function createUsageReport(db: SandboxDatabase, clock: SandboxClock) {
  const accountWide = db.prepare<[number, number, number], { kind: CreditKind; total: number }>(`
    SELECT kind, SUM(ABS(credits)) AS total FROM credit_ledger
    WHERE account_id = ? AND created_at BETWEEN ? AND ? GROUP BY kind`);
  const ownBroadcasts = db.prepare<[number, number, number, number], { kind: CreditKind; total: number }>(`
    SELECT l.kind, SUM(ABS(l.credits)) AS total FROM credit_ledger l
    LEFT JOIN broadcasts b ON b.broadcast_id = l.broadcast_id
    WHERE l.account_id = ? AND l.created_at BETWEEN ? AND ?
      AND (b.user_id = ? OR (l.broadcast_id IS NULL AND l.kind = 'Purchase'))
    GROUP BY l.kind`);

  return (user: AuthUser, url: URL): AccountUsage => {
    const now = zonedParts(clock.now(), user.timeZone);
    const { from, to } = usageRange(url, { year: now.year, month: now.month, day: now.day });
    const startOf = (day: CalendarDay) => zonedTimeToEpoch({ ...day, hour: 0, minute: 0 }, user.timeZone);
    const zero = (): Record<CreditKind, number> => ({ Call: 0, Text: 0, Transfer: 0, Purchase: 0 });
    const totals = zero();
    const days: AccountUsage['Days'] = [];

    // One indexed query per day: day boundaries follow the user's zone (and its DST changes), which SQLite cannot.
    for (let index = 0, span = daysBetween(from, to); index <= span; index += 1) {
      const day = addDays(from, index);
      const range = [user.accountId, startOf(day), startOf(addDays(day, 1)) - 1] as const;
      const rows = user.canSeeAllBroadcasts ? accountWide.all(...range) : ownBroadcasts.all(...range, user.userId);
      const byKind = zero();
      for (const row of rows) {
        if (!creditKinds.includes(row.kind)) continue;
        byKind[row.kind] = credits(row.total);
        totals[row.kind] += row.total;
      }
      days.push({ Date: isoDay(day), ...byKind });
    }
    for (const kind of creditKinds) totals[kind] = credits(totals[kind]);
    return {
      DateFrom: isoDay(from),
      DateTo: isoDay(to),
      Scope: user.canSeeAllBroadcasts ? 'Account' : 'OwnBroadcasts',
      CreditsUsed: credits(totals.Call + totals.Text + totals.Transfer),
      CreditsPurchased: totals.Purchase,
      Totals: totals,
      Days: days,
    };
  };
}

/** One row of `accounts`, with the credits its running broadcasts may still spend. */
interface AccountRow {
  account_id: number;
  company_name: string;
  account_status: string;
  address: string;
  city: string;
  state: string;
  zip: string;
  phone: string;
  call_balance: number;
  can_create_users: number;
  created_at: number;
  pending: number;
}

/** Reads of the account, prepared once per database. */
export function accountQueries(db: SandboxDatabase) {
  const byId = db.prepare<[number], AccountRow>(`
    SELECT a.*, COALESCE((
      SELECT SUM(MAX(b.max_credit_cost - b.credits_used, 0)) FROM broadcasts b
      WHERE b.account_id = a.account_id AND b.deleted_at IS NULL
        AND b.broadcast_status IN ('AuthorizationApproved', 'InProgress', 'Paused')
    ), 0) AS pending
    FROM accounts a WHERE a.account_id = ?`);
  return { byId: (accountId: number): AccountRow | undefined => byId.get(accountId) };
}

/** GET /v1/account's shape; dates in the reading user's time zone. */
export function toApiAccount(row: AccountRow, timeZone: string): Account {
  return {
    Uri: '/v1/account',
    AccountID: row.account_id,
    CompanyName: row.company_name,
    AccountStatus: row.account_status,
    Address: row.address,
    City: row.city,
    State: row.state,
    Zip: row.zip,
    Phone: row.phone,
    CallBalance: credits(row.call_balance),
    PendingCallBalance: credits(row.pending),
    AvailableCallUnits: credits(row.call_balance - row.pending),
    CanCreateUsers: row.can_create_users === 1,
    CreatedDate: formatApiDate(row.created_at, timeZone),
  };
}
