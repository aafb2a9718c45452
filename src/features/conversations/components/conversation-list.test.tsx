import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { InboxConversation, TextMessage } from '@contract/conversation.ts';
import { ConversationList } from './conversation-list.tsx';

const reply = (Message: string, changes: Partial<TextMessage> = {}): TextMessage => ({
  TextMessageID: 1,
  ConversationID: 1,
  Direction: 'Inbound',
  Message,
  Status: 'Received',
  MessageDate: '2024-05-03 10:00:00-0500',
  User: null,
  IsAutomatic: false,
  BroadcastID: null,
  ...changes,
});

const conversation = (id: number, lastMessage: TextMessage, changes: Partial<InboxConversation> = {}): InboxConversation => ({
  ConversationID: id,
  Uri: `/v1/conversations/${id}`,
  TextNumberID: 1,
  TextPhoneNumber: '2145550100',
  PhoneNumber: `46955501${String(id).padStart(2, '0')}`,
  IsDone: false,
  IsAutoOptOut: false,
  FirstName: `Person${id}`,
  LastName: 'Test',
  Notes: null,
  IntegrationData: '',
  PersonID: null,
  UnreadCount: 1,
  IsOptedOut: false,
  CreatedDate: '2024-05-03 09:00:00-0500',
  LastMessageDate: lastMessage.MessageDate,
  LastMessage: lastMessage,
  Broadcast: null,
  ...changes,
});

function renderList(conversations: InboxConversation[]) {
  render(
    <MemoryRouter>
      <ConversationList
        conversations={conversations}
        selectedId={null}
        hrefFor={(id) => `/conversations/${id}`}
        textNumberNames={null}
        loading={false}
        empty={null}
        hasMore={false}
        loadingMore={false}
        onLoadMore={() => {}}
      />
    </MemoryRouter>,
  );
  return (name: string) => screen.getByRole('link', { name: new RegExp(name) });
}

describe('the inbox list', () => {
  it('flags a reply that may ask to stop for a person, and nothing else (decision 0142)', () => {
    const row = renderList([
      conversation(1, reply('stop please')),
      conversation(2, reply('STOP')),
      conversation(3, reply('What time does it start?')),
      conversation(4, reply('please take me off your list'), { IsOptedOut: true }),
      conversation(5, reply('Stop texting me', { Direction: 'Outbound', Status: 'Delivered' })),
    ]);
    expect(within(row('Person1')).getByText('May ask to stop')).toBeTruthy();
    for (const name of ['Person2', 'Person3', 'Person4', 'Person5']) expect(within(row(name)).queryByText('May ask to stop'), name).toBeNull();
  });
});
