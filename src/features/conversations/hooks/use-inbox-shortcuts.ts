import { useEffect, useEffectEvent } from 'react';

export interface InboxShortcuts {
  /** J */
  next: () => void;
  /** K */
  previous: () => void;
  /** R */
  reply: () => void;
  /** E */
  toggleDone: () => void;
  /** U */
  undo: () => void;
  /** ? */
  help: () => void;
}

/** Keys typed into a field, a menu or a dialog belong to it, not to the inbox. */
function belongsToAControl(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return true;
  return target.closest('[role="dialog"], [role="menu"], [role="listbox"], [role="combobox"]') !== null;
}

/** The inbox's single-key shortcuts (J/K move, R reply, E done, U undo, ? help), anywhere on the page. */
export function useInboxShortcuts(shortcuts: InboxShortcuts) {
  const handle = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || belongsToAControl(event.target)) return;
    const action = (
      {
        j: shortcuts.next,
        k: shortcuts.previous,
        r: shortcuts.reply,
        e: shortcuts.toggleDone,
        u: shortcuts.undo,
        '?': shortcuts.help,
      } as Record<string, (() => void) | undefined>
    )[event.key.toLowerCase()];
    if (!action) return;
    event.preventDefault();
    action();
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => handle(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);
}
