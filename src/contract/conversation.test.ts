import { describe, expect, it } from 'vitest';
import { conversationSendInputSchema, conversationUpdateInputSchema, textMessageInputSchema } from './conversation.ts';

describe('text message inputs', () => {
  it('refuses more than 1,600 characters unless asked to truncate, then cuts to 1,600', () => {
    const long = 'x'.repeat(1700);
    expect(textMessageInputSchema.safeParse({ Message: long }).success).toBe(false);
    expect(textMessageInputSchema.parse({ Message: long, TruncateIfExceedsLimit: true }).Message).toHaveLength(1600);
    const send = { TextNumberID: 98615, LastMessage: { Message: long, TruncateIfExceedsLimit: true, Contact: { PrimaryPhone: '2145551234' } } };
    expect(conversationSendInputSchema.parse(send).LastMessage.Message).toHaveLength(1600);
  });

  it('never cuts an emoji in half', () => {
    const message = `${'x'.repeat(1599)}👍 and more`;
    expect(textMessageInputSchema.parse({ Message: message, TruncateIfExceedsLimit: true }).Message).toBe('x'.repeat(1599));
  });

  it('needs IsDone or IsRead to update a conversation', () => {
    expect(conversationUpdateInputSchema.safeParse({}).success).toBe(false);
    expect(conversationUpdateInputSchema.parse({ IsDone: true })).toEqual({ IsDone: true });
    expect(conversationUpdateInputSchema.safeParse({ IsRead: 'yes' }).success).toBe(false);
  });
});
