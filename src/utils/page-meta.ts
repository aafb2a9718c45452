/**
 * Whether the API is the embedded sandbox, as our server wrote it into `<meta name="callboard-sandbox">`; undefined
 * where no server filled it in (Vite's dev server), and the app asks /api/config instead.
 */
export function pageSaysSandbox(): boolean | undefined {
  if (typeof document === 'undefined') return undefined;
  const value = document.querySelector<HTMLMetaElement>('meta[name="callboard-sandbox"]')?.content;
  return value === 'true' ? true : value === 'false' ? false : undefined;
}

/**
 * What our server wrote into `<script id="callboard-session">`: the signed-in user's JSON, null when nobody is signed
 * in, or undefined when it could not say (the API did not answer; Vite's dev server) and the app asks /api/session.
 */
export function pageSession(): unknown {
  if (typeof document === 'undefined') return undefined;
  const text = document.getElementById('callboard-session')?.textContent?.trim() ?? '';
  if (text === '' || text === '__SESSION__') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
