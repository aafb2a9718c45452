import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Sessions ended by logout (docs/decisions/0070-logout-revokes-sessions.md). The cookie stays the whole session, so a
 * copy of it taken before logout would still open; its ID is kept here until the session would have expired anyway.
 * Kept in memory and, given a file, appended there so a restart remembers them.
 */

/** Far more than one server sees in a week; past it, the revocations closest to expiry make room. */
export const MAX_REVOKED_SESSIONS = 200_000;

interface Revocation {
  id: string;
  /** When the session would have expired on its own (ms). */
  until: number;
}

function readRevocations(file: string): Revocation[] {
  if (!existsSync(file)) return [];
  const revocations: Revocation[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    try {
      const entry = JSON.parse(line) as Partial<Revocation>;
      if (typeof entry.id === 'string' && typeof entry.until === 'number') revocations.push({ id: entry.id, until: entry.until });
    } catch {
      // A line cut short by a crash: the entries before it still count.
    }
  }
  return revocations;
}

export function createSessionRevocations({ file, now = Date.now }: { file?: string | null; now?: () => number } = {}) {
  const revoked = new Map<string, number>();

  function prune() {
    const at = now();
    for (const [id, until] of revoked) if (until <= at) revoked.delete(id);
    if (revoked.size <= MAX_REVOKED_SESSIONS) return;
    const soonest = [...revoked].sort((a, b) => a[1] - b[1]).slice(0, revoked.size - MAX_REVOKED_SESSIONS);
    for (const [id] of soonest) revoked.delete(id);
  }

  function persist(line: string, rewrite: boolean) {
    if (!file) return;
    try {
      mkdirSync(dirname(file), { recursive: true });
      if (rewrite) writeFileSync(file, line, { mode: 0o600 });
      else appendFileSync(file, line, { mode: 0o600 });
    } catch (error) {
      // Logout still works for this process; only a restart would forget it.
      console.error('[server] could not save ended sessions to', file, (error as Error).message);
    }
  }

  if (file) {
    for (const { id, until } of readRevocations(file)) revoked.set(id, until);
    prune();
    // Start the file afresh with what is still current, so it never grows past a lifetime's logouts.
    persist([...revoked].map(([id, until]) => `${JSON.stringify({ id, until })}\n`).join(''), true);
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

    isRevoked(id: string): boolean {
      const until = revoked.get(id);
      return until !== undefined && until > now();
    },

    get size() {
      return revoked.size;
    },
  };
}
export type SessionRevocations = ReturnType<typeof createSessionRevocations>;
