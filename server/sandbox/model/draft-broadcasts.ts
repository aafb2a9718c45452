import type { AuthUser } from '../context.ts';
import type { SandboxDatabase } from '../db/database.ts';

/** Draft broadcasts (§12): a create's body kept for later, by the user who sent it. */

export interface DraftRow {
  draft_broadcast_id: number;
  account_id: number;
  user_id: number;
  body_json: string;
}

/** Storing and reading drafts, prepared once per database. */
export function draftBroadcastQueries(db: SandboxDatabase) {
  const byId = db.prepare<[number], DraftRow>('SELECT * FROM draft_broadcasts WHERE draft_broadcast_id = ?');
  const insert = db.prepare<[number, number, string, number]>('INSERT INTO draft_broadcasts (account_id, user_id, body_json, created_at) VALUES (?, ?, ?, ?)');
  return {
    /** The draft, if `user` made it: nobody else, in the account or out of it, may read or use it. */
    ownDraft(user: AuthUser, draftId: number): DraftRow | undefined {
      const draft = byId.get(draftId);
      return draft && draft.account_id === user.accountId && draft.user_id === user.userId ? draft : undefined;
    },
    /** Stores the body as `user`'s draft; returns its ID. */
    insert: (user: AuthUser, body: object, at: number): number => Number(insert.run(user.accountId, user.userId, JSON.stringify(body), at).lastInsertRowid),
  };
}
