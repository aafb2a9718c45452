import { createContext, lazy, Suspense, useCallback, useContext, useRef, useState, type ReactNode } from 'react';

// The dialog's code loads with the first confirmation, not with the app.
const ConfirmDialogWindow = lazy(() => import('./confirm-dialog-window.tsx').then((module) => ({ default: module.ConfirmDialogWindow })));

export interface ConfirmOptions {
  title: string;
  message: ReactNode;
  /** The confirming button's label, e.g. "Delete 12 contacts". */
  confirmLabel: string;
  cancelLabel?: string;
  /** Paints the confirming button red. */
  destructive?: boolean;
  /** Text the user must type before confirming (e.g. the number of contacts to purge). */
  typeToConfirm?: string;
}

type Confirm = (options: ConfirmOptions) => Promise<boolean>;
const ConfirmContext = createContext<Confirm | null>(null);

/** `await confirm({...})` resolves true only when the user confirms. */
export function ConfirmProvider({ children }: { children: ReactNode }) {
  const [options, setOptions] = useState<ConfirmOptions | null>(null);
  const [typed, setTyped] = useState('');
  const resolver = useRef<(value: boolean) => void>(undefined);
  // Once shown, the dialog stays mounted so it can animate closed.
  const [shown, setShown] = useState(false);

  const confirm = useCallback<Confirm>((next) => {
    resolver.current?.(false);
    setTyped('');
    setOptions(next);
    setShown(true);
    return new Promise<boolean>((resolve) => {
      resolver.current = resolve;
    });
  }, []);

  const settle = (value: boolean) => {
    resolver.current?.(value);
    resolver.current = undefined;
    setOptions(null);
  };

  return (
    <ConfirmContext.Provider value={confirm}>
      {children}
      {shown && (
        <Suspense fallback={null}>
          <ConfirmDialogWindow options={options} typed={typed} onTypedChange={setTyped} onSettle={settle} />
        </Suspense>
      )}
    </ConfirmContext.Provider>
  );
}

export function useConfirm(): Confirm {
  const confirm = useContext(ConfirmContext);
  if (!confirm) throw new Error('useConfirm needs a ConfirmProvider above it.');
  return confirm;
}
