import '@tanstack/react-query';

/** What queries and mutations may tell the app-wide cache handlers (src/app/query-client.ts). */
export interface CallboardMutationMeta extends Record<string, unknown> {
  /** The caller shows its own error (next to a field, say): skip the generic notification. */
  handlesErrors?: boolean;
}

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: CallboardMutationMeta;
  }
}
