import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { log } from '../http/log.ts';

/**
 * Sessions ended before their time (docs/decisions/0070-logout-revokes-sessions.md): by logout, one ID each; by a PIN
 * change or "log out everywhere", all of a user's sessions issued before a moment (decision 0112). The cookie stays
 * the whole session, so a copy of it taken before would still open; each entry is kept here until the sessions it
 * ends would have expired anyway. Kept in memory and, given a file, appended there so a restart remembers them.
 */

/** Far more than one server sees in a week; past it, the revocations closest to expiry make room. */
export const MAX_REVOKED_SESSIONS = 200_000;

interface Revocation {
  id: string;
  /** When the session would have expired on its own (ms). */
  until: number;
}

/** Every session of a user issued before `before`, except one (the session that changed the PIN). */
interface UserRevocation {
  user: number;
  before: number;
  except: string | null;
  until: number;
}

/** What a revocation is checked against: the sealed session's ID, user and login time. */
export interface RevocableSession {
  sessionId: string;
  userId: number;
  issuedAt: number;
}

/** The store behind revocations: in memory (with a file), or the shared store (shared-revocations.ts). */
export interface SessionRevocations {
  /** Ends one session until it would have expired anyway. */
  revoke(id: string, until: number): void;
  /** Ends a user's sessions issued before `before`, except `except`; kept until `until`. */
  revokeUser(userId: number, before: number, until: number, except?: string | null): void;
  isRevoked(session: RevocableSession): boolean;
  readonly size: number;
}

function readRevocations(file: string): { sessions: Revocation[]; users: UserRevocation[] } {
  const sessions: Revocation[] = [];
  const users: UserRevocation[] = [];
  if (!existsSync(file)) return { sessions, users };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    try {
      const entry = JSON.parse(line) as Partial<Revocation & UserRevocation>;
      if (typeof entry.until !== 'number') continue;
      if (typeof entry.id === 'string') sessions.push({ id: entry.id, until: entry.until });
      else if (typeof entry.user === 'number' && typeof entry.before === 'number') {
        users.push({ user: entry.user, before: entry.before, except: typeof entry.except === 'string' ? entry.except : null, until: entry.until });
      }
    } catch {
      // A line cut short by a crash: the entries before it still count.
    }
  }
  return { sessions, users };
}

export function createSessionRevocations({ file, now = Date.now }: { file?: string | null; now?: () => number } = {}): SessionRevocations {
  const revoked = new Map<string, number>();
  /** The latest user-wide revocation per user: it covers every earlier one (its moment is later). */
  const revokedUsers = new Map<number, UserRevocation>();

  function prune() {
    const at = now();
    for (const [id, until] of revoked) if (until <= at) revoked.delete(id);
    for (const [user, entry] of revokedUsers) if (entry.until <= at) revokedUsers.delete(user);
    if (revoked.size <= MAX_REVOKED_SESSIONS) return;
    const soonest = [...revoked].sort((a, b) => a[1] - b[1]).slice(0, revoked.size - MAX_REVOKED_SESSIONS);
    for (const [id] of soonest) revoked.delete(id);
  }

  /** One entry per user, and users are far fewer than logouts; still bounded, the nearest to expiry going first. */
  function pruneUsers() {
    if (revokedUsers.size <= MAX_REVOKED_SESSIONS) return;
    const soonest = [...revokedUsers.values()].sort((a, b) => a.until - b.until).slice(0, revokedUsers.size - MAX_REVOKED_SESSIONS);
    for (const entry of soonest) revokedUsers.delete(entry.user);
  }

  function persist(line: string, rewrite: boolean) {
    if (!file) return;
    try {
      mkdirSync(dirname(file), { recursive: true });
      if (rewrite) writeFileSync(file, line, { mode: 0o600 });
      else appendFileSync(file, line, { mode: 0o600 });
    } catch (error) {
      // Logout still works for this process; only a restart would forget it.
      log.error({ file, error: (error as Error).message }, 'could not save ended sessions');
    }
  }

  /** Keeps the later of two user-wide revocations (the later moment ends every session the earlier one did). */
  function setUser(entry: UserRevocation) {
    const known = revokedUsers.get(entry.user);
    if (!known || known.before <= entry.before) revokedUsers.set(entry.user, entry);
  }

  if (file) {
    const stored = readRevocations(file);
    for (const { id, until } of stored.sessions) revoked.set(id, until);
    for (const entry of stored.users) setUser(entry);
    prune();
    // Start the file afresh with what is still current, so it never grows past a lifetime's logouts.
    const lines = [...revoked].map(([id, until]) => JSON.stringify({ id, until }));
    for (const entry of revokedUsers.values()) lines.push(JSON.stringify(entry));
    persist(lines.map((line) => `${line}\n`).join(''), true);
  }

  let nextPrune = 0;
  return {
    revoke(id: string, until: number) {
      if (until <= now()) return;
      revoked.set(id, until);
      persist(`${JSON.stringify({ id, until })}\n`, false);
      if (revoked.size > MAX_REVOKED_SESSIONS || now() >= nextPrune) {
        prune();
        nextPrune = now() + 60_000;
      }
    },

    revokeUser(userId: number, before: number, until: number, except: string | null = null) {
      if (until <= now()) return;
      const entry = { user: userId, before, except, until };
      setUser(entry);
      persist(`${JSON.stringify(entry)}\n`, false);
      pruneUsers();
    },

    isRevoked({ sessionId, userId, issuedAt }: RevocableSession): boolean {
      const at = now();
      const until = revoked.get(sessionId);
      if (until !== undefined && until > at) return true;
      const user = revokedUsers.get(userId);
      return user !== undefined && user.until > at && issuedAt <= user.before && sessionId !== user.except;
    },

    get size() {
      return revoked.size + revokedUsers.size;
    },
  };
}
