import { routePatternOf } from '@contract/answer-mismatch.ts';
import type { OddField } from '@contract/answer.ts';

/** Each route's field is reported once a page load, and a page load reports a bounded number in all. */
const MAX_REPORTED = 200;
const reported = new Set<string>();
const FIELD = /^[A-Za-z0-9_.[\]]{1,200}$/;

/**
 * Tells our server which answer fields the app could not read (docs/decisions/0091-odd-answer-fields.md), so a change
 * in the API shows in its log: method, route with IDs replaced, field path and the kind expected; never a value.
 * Fire and forget: a failed report changes nothing on the page.
 */
export function reportOddFields(method: string, path: string, oddFields: readonly OddField[]): void {
  const route = routePatternOf(path);
  const fresh = oddFields.filter(({ field }) => {
    const key = `${method} ${route} ${field}`;
    if (reported.has(key) || reported.size >= MAX_REPORTED || !FIELD.test(field)) return false;
    reported.add(key);
    return true;
  });
  if (fresh.length === 0) return;
  console.warn(
    `Unexpected values in the answer to ${method} ${route}, shown as missing:`,
    fresh.map(({ field }) => field),
  );
  const body = { Method: method, Route: route, Fields: fresh.slice(0, 50).map(({ field, expected }) => ({ Field: field, Expected: expected })) };
  fetch('/api/answer-mismatches', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'callboard' },
    body: JSON.stringify(body),
    credentials: 'same-origin',
    keepalive: true,
  }).catch(() => undefined);
}
