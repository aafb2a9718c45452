import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useInboxShortcuts, type InboxShortcuts } from './use-inbox-shortcuts.ts';

function Inbox({ shortcuts }: { shortcuts: InboxShortcuts }) {
  useInboxShortcuts(shortcuts);
  return (
    <>
      <label>
        Reply <textarea />
      </label>
      <div role="dialog" aria-label="Help">
        <button type="button">Close</button>
      </div>
    </>
  );
}

function setup() {
  const shortcuts = { next: vi.fn(), previous: vi.fn(), reply: vi.fn(), toggleDone: vi.fn(), undo: vi.fn(), help: vi.fn() };
  render(<Inbox shortcuts={shortcuts} />);
  return shortcuts;
}

describe('useInboxShortcuts', () => {
  it('maps J, K, R, E, U and ? to their actions, upper or lower case', () => {
    const shortcuts = setup();
    for (const key of ['j', 'J', 'k', 'r', 'e', 'u', '?']) fireEvent.keyDown(document.body, { key });
    expect(shortcuts.next).toHaveBeenCalledTimes(2);
    expect(shortcuts.previous).toHaveBeenCalledOnce();
    expect(shortcuts.reply).toHaveBeenCalledOnce();
    expect(shortcuts.toggleDone).toHaveBeenCalledOnce();
    expect(shortcuts.undo).toHaveBeenCalledOnce();
    expect(shortcuts.help).toHaveBeenCalledOnce();
  });

  it('leaves keys alone in a text field, in a dialog, and with a modifier', () => {
    const shortcuts = setup();
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Reply' }), { key: 'j' });
    fireEvent.keyDown(screen.getByRole('button', { name: 'Close' }), { key: 'e' });
    fireEvent.keyDown(document.body, { key: 'r', ctrlKey: true });
    fireEvent.keyDown(document.body, { key: 'e', metaKey: true });
    expect(shortcuts.next).not.toHaveBeenCalled();
    expect(shortcuts.toggleDone).not.toHaveBeenCalled();
    expect(shortcuts.reply).not.toHaveBeenCalled();
  });
});
