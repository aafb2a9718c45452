import { expect, type Page } from '@playwright/test';
import type { z } from 'zod';

/** Our API as the signed-in user of `page` (its session cookie, and the CSRF header on writes). */
export async function apiJson<Schema extends z.ZodType>(
  page: Page,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  schema: Schema,
  data?: unknown,
): Promise<z.infer<Schema>> {
  const response = await page.request.fetch(`/api${path}`, {
    method,
    data,
    headers: method === 'GET' ? {} : { 'x-requested-with': 'callboard' },
  });
  if (!response.ok()) throw new Error(`${method} ${path} failed: ${response.status()} ${await response.text()}`);
  return schema.parse(await response.json());
}

/** Moves the sandbox clock forward as the logged-in user; whatever falls due (calls, texts, replies) happens at once. */
export async function advanceClock(page: Page, minutes: number) {
  const response = await page.request.post('/api/sandbox/clock/advance', {
    data: { Minutes: minutes },
    headers: { 'X-Requested-With': 'callboard' },
  });
  expect(response.ok()).toBe(true);
}
