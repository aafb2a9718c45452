import { expect, test } from 'vitest';
import { MAX_BULK_CONTACTS, personRefsInputSchema } from './contact.ts';

test('a bulk body names at least one contact and at most 100,000, and says so', () => {
  const refs = (count: number) => Array.from({ length: count }, (_, index) => ({ PersonID: index + 1 }));
  expect(personRefsInputSchema.safeParse(refs(MAX_BULK_CONTACTS)).success).toBe(true);
  expect(personRefsInputSchema.safeParse(refs(MAX_BULK_CONTACTS + 1)).error?.issues.map((issue) => issue.message)).toEqual([
    'At most 100,000 contacts per request',
  ]);
  expect(personRefsInputSchema.safeParse([]).error?.issues.map((issue) => issue.message)).toEqual([
    'Name at least one contact, or send no body to mean all of them',
  ]);
});
