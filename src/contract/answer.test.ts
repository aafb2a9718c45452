import { describe, expect, it } from 'vitest';
import { answerSchemaOf, readAnswer } from './answer.ts';
import { broadcastSchema, broadcastTypeSchema } from './broadcast.ts';
import { feedSchema } from './feed.ts';
import { z } from './zod.ts';

const itemSchema = z.object({
  ID: z.int(),
  Name: z.string(),
  Type: broadcastTypeSchema,
  Active: z.boolean(),
  Count: z.int(),
  Owner: z.object({ UserID: z.int(), FirstName: z.string() }).optional(),
  Tags: z.array(z.string()),
});
const item = { ID: 7, Name: 'Spring', Type: 'SMS', Active: true, Count: 3, Owner: { UserID: 1, FirstName: 'Ann' }, Tags: ['a'] };

describe('answerSchemaOf', () => {
  it('accepts null strings, enums, booleans and nested models, absent optional fields and unknown fields', () => {
    const lenient = answerSchemaOf(itemSchema);
    const answer = { ...item, Name: null, Type: null, Active: null, Owner: null, Tags: null, Extra: { x: 1 } };
    expect(lenient.parse(answer)).toEqual({ ...answer, Tags: [] });
    const { Owner: _owner, ...withoutOwner } = item;
    expect(lenient.parse(withoutOwner)).toEqual(withoutOwner);
  });

  it('reads an ID answered as digits as the same number, and nothing else as one', () => {
    const lenient = answerSchemaOf(itemSchema);
    expect(lenient.parse({ ...item, ID: '7', Owner: { UserID: '1', FirstName: 'Ann' } })).toEqual(item);
    expect(lenient.safeParse({ ...item, ID: '7a' }).success).toBe(false);
    expect(lenient.safeParse({ ...item, Count: null }).success).toBe(false);
  });

  it('leaves the strict schema strict (requests and the sandbox still use it)', () => {
    answerSchemaOf(itemSchema);
    expect(itemSchema.safeParse({ ...item, Name: null }).success).toBe(false);
  });
});

describe('readAnswer', () => {
  it('replaces an odd value and names its field, without the value', () => {
    const feed = feedSchema(itemSchema);
    const answer = { Size: 2, Previous: null, Next: null, Items: [item, { ...item, Name: 42, Count: 'many' }] };
    const reading = readAnswer(feed, answer);
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(reading.data.Items[0]).toEqual(item);
    expect(reading.data.Items[1]!.Name).toBeNull();
    expect(reading.data.Items[1]!.Count).toBeNaN();
    expect(reading.oddFields).toEqual([
      { field: 'Items[].Name', expected: 'string' },
      { field: 'Items[].Count', expected: 'number' },
    ]);
    expect(JSON.stringify(reading.oddFields)).not.toContain('many');
    expect(answer.Items[1]!.Name).toBe(42);
  });

  it('fills a missing required field', () => {
    const { Name: _name, ...rest } = item;
    const reading = readAnswer(itemSchema, rest);
    expect(reading.ok && reading.data.Name).toBeNull();
  });

  it('gives up on an answer that is not the expected shape at all', () => {
    expect(readAnswer(itemSchema, 'hello').ok).toBe(false);
    expect(readAnswer(itemSchema, [item]).ok).toBe(false);
    expect(readAnswer(feedSchema(itemSchema), { Size: 1, Previous: null, Next: null, Items: ['x'] }).ok).toBe(false);
  });

  it('reads a broadcast in the real service shape', () => {
    const reading = readAnswer(broadcastSchema, {
      Uri: '/v1/broadcasts/5',
      UriBroadcastDetails: '/v1/broadcasts/5/details',
      BroadcastID: 5,
      BroadcastName: 'x',
      BroadcastType: 'SMS',
      BroadcastStatus: 'AuthorizationApproved',
      CreatedDate: '2026-01-01 10:00:00-0600',
      StartDate: '2026-01-01 10:00:00-0600',
      CompletedDate: null,
      CreditsUsed: null,
      PhoneNumberCount: 1,
      TotalCompleted: 0,
      TextNumberID: '12',
      TransferAndConnect: null,
      MessageRecordingInstruction: null,
      User: {
        PinCode: null,
        UserID: 1,
        UserName: null,
        FirstName: null,
        LastName: null,
        Email: null,
        Phone: null,
        CallerID: null,
        IsMasterUser: null,
        AuthToken: null,
        State: null,
        Permissions: null,
      },
    });
    expect(reading.ok && reading.oddFields).toEqual([]);
    expect(reading.ok && reading.data.TextNumberID).toBe(12);
  });
});
