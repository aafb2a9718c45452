/**
 * The page's Content-Security-Policy nonce (docs/decisions/0008-content-security-policy.md): our server writes it
 * into `<meta property="csp-nonce">` for every page. Components that insert their own `<style>` need it.
 */
export function cspNonce(): string | undefined {
  if (typeof document === 'undefined') return undefined;
  return document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined;
}
