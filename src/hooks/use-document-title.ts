import { useEffect } from 'react';

export const APP_NAME = 'Callboard';

// The tab's title is one global; the page and the attention count each own their part of it.
let pageTitle: string | null = null;
let attentionCount = 0;

function applyTitle() {
  const base = pageTitle ? `${pageTitle} · ${APP_NAME}` : APP_NAME;
  document.title = attentionCount > 0 ? `(${attentionCount}) ${base}` : base;
}

/** Sets the tab's title to "<title> · Callboard" while the component is mounted. */
export function useDocumentTitle(title: string | null) {
  useEffect(() => {
    pageTitle = title;
    applyTitle();
  }, [title]);
}

/** Puts a count before every page's title, "(3) Broadcasts · Callboard" (unread replies, say), while mounted. */
export function useDocumentTitleCount(count: number) {
  useEffect(() => {
    attentionCount = count;
    applyTitle();
    return () => {
      attentionCount = 0;
      applyTitle();
    };
  }, [count]);
}
