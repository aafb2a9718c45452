import type { SandboxDatabase } from '../db/database.ts';

/** Handles one due event; runs inside the transaction that removes the event, so it happens exactly once. */
export type EventHandler = (db: SandboxDatabase, payload: unknown, dueAt: number) => void;

/** Something the sandbox will do at a time on its clock (a simulated reply, say). */
export function scheduleEvent(db: SandboxDatabase, dueAt: number, kind: string, payload: unknown): void {
  db.prepare('INSERT INTO scheduled_events (due_at, kind, payload_json) VALUES (?, ?, ?)').run(dueAt, kind, JSON.stringify(payload));
}

interface EventRow {
  event_id: number;
  due_at: number;
  kind: string;
  payload_json: string;
}

/** Runs every event due by `now`, oldest first, each in its own transaction. Unknown kinds are dropped. */
export function createEventRunner(db: SandboxDatabase, handlers: Record<string, EventHandler>) {
  const due = db.prepare<[number], EventRow>(
    'SELECT event_id, due_at, kind, payload_json FROM scheduled_events WHERE due_at <= ? ORDER BY due_at, event_id LIMIT 500',
  );
  const remove = db.prepare<[number]>('DELETE FROM scheduled_events WHERE event_id = ?');
  return (now: number): boolean => {
    for (let batch = due.all(now); batch.length > 0; batch = due.all(now)) {
      for (const event of batch) {
        db.transaction(() => {
          remove.run(event.event_id);
          handlers[event.kind]?.(db, JSON.parse(event.payload_json) as unknown, event.due_at);
        })();
      }
    }
    return false;
  };
}
