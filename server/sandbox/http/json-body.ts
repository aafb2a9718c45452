import type { Context } from 'hono';
import type { z } from 'zod';
import { SandboxError } from './errors.ts';

/** Describes zod issues in one line a person can act on: "PrimaryPhone: Required; Notes: At most 50 characters". */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 10)
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

/** No body of the API nests deeper than a few levels; this leaves room and keeps parsing cheap (decision 0123). */
export const MAX_JSON_DEPTH = 32;

/**
 * Whether `text` nests arrays and objects deeper than `limit`; strings are skipped, so brackets in them do not count.
 * It runs on every JSON body before parsing, so a string is jumped over with indexOf rather than read a character at
 * a time (most of a large body is strings: this halves the pass).
 */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x22) {
      // To the quote that ends the string: the first one not escaped by an odd run of backslashes.
      for (;;) {
        const end = text.indexOf('"', index + 1);
        if (end < 0) return false;
        let backslashes = 0;
        while (text.charCodeAt(end - 1 - backslashes) === 0x5c) backslashes += 1;
        index = end;
        if (backslashes % 2 === 0) break;
      }
    } else if (code === 0x5b || code === 0x7b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (code === 0x5d || code === 0x7d) depth -= 1;
  }
  return false;
}

/** Reads the JSON body; an empty body reads as `undefined` so "body or all" endpoints can tell. */
export async function readJsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return undefined;
  const type = c.req.header('content-type') ?? 'application/json';
  if (!/^application\/(.+\+)?json\b/i.test(type) && !/^text\/json\b/i.test(type)) {
    throw new SandboxError('UnsupportedMediaType', 'Send the body as JSON (Content-Type: application/json).');
  }
  // Checked before parsing: a deeply nested body costs the parser and every validator after it.
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) throw new SandboxError('InvalidJson', `The request body nests deeper than ${MAX_JSON_DEPTH} levels.`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SandboxError('InvalidJson', 'The request body is not valid JSON.');
  }
}

export function parseWith<Schema extends z.ZodType>(schema: Schema, value: unknown): z.infer<Schema> {
  const result = schema.safeParse(value);
  if (!result.success) throw new SandboxError('ValidationFailed', describeIssues(result.error.issues));
  return result.data;
}

/** Reads and validates a required JSON body. */
export async function readBody<Schema extends z.ZodType>(c: Context, schema: Schema): Promise<z.infer<Schema>> {
  const body = await readJsonBody(c);
  if (body === undefined) throw new SandboxError('ValidationFailed', 'The request needs a JSON body.');
  return parseWith(schema, body);
}
