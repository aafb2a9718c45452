import { useEffect } from 'react';

export const APP_NAME = 'Callboard';

/** Sets the tab's title to "<title> · Callboard" while the component is mounted. */
export function useDocumentTitle(title: string | null) {
  useEffect(() => {
    document.title = title ? `${title} · ${APP_NAME}` : APP_NAME;
  }, [title]);
}
