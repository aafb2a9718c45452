/**
 * Whether the API is the embedded sandbox, as our server wrote it into `<meta name="callboard-sandbox">`; undefined
 * where no server filled it in (Vite's dev server), and the app asks /api/config instead.
 */
export function pageSaysSandbox(): boolean | undefined {
  if (typeof document === 'undefined') return undefined;
  const value = document.querySelector<HTMLMetaElement>('meta[name="callboard-sandbox"]')?.content;
  return value === 'true' ? true : value === 'false' ? false : undefined;
}
