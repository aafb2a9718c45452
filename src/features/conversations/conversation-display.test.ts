import { describe, expect, it } from 'vitest';
import type { TextMessage } from '@contract/conversation.ts';
import { conversationTitle, messageSnippet, parseQueue } from './conversation-display.ts';

const message = (changes: Partial<TextMessage>): TextMessage => ({
  TextMessageID: 1,
  ConversationID: 1,
  Direction: 'Inbound',
  Message: 'Is school\nopen tomorrow?',
  Status: 'Received',
  MessageDate: '2024-05-03 10:00:00-0500',
  User: null,
  IsAutomatic: false,
  BroadcastID: null,
  ...changes,
});

describe('conversation display', () => {
  it('titles a conversation by the contact, else by the number', () => {
    expect(conversationTitle({ FirstName: 'James', LastName: 'Polk', PhoneNumber: '2145555055' })).toBe('James Polk');
    expect(conversationTitle({ FirstName: '', LastName: '', PhoneNumber: '2145555055' })).toBe('(214) 555-5055');
  });

  it('says who wrote the latest text, on one line', () => {
    expect(messageSnippet(message({}))).toBe('Is school open tomorrow?');
    expect(messageSnippet(message({ Direction: 'Outbound', Status: 'Delivered', Message: 'Yes!' }))).toBe('You: Yes!');
    expect(messageSnippet(message({ Direction: 'Outbound', IsAutomatic: true, Message: 'Unsubscribed.' }))).toBe('Automatic reply: Unsubscribed.');
    expect(messageSnippet(null)).toBe('No texts yet');
  });

  it('reads the queue from the URL: needing a reply by default, every reply to a broadcast', () => {
    expect(parseQueue('done')).toBe('done');
    expect(parseQueue('all')).toBe('all');
    expect(parseQueue('')).toBe('open');
    expect(parseQueue('bogus')).toBe('open');
    expect(parseQueue('', { broadcast: true })).toBe('all');
    expect(parseQueue('open', { broadcast: true })).toBe('open');
  });
});
