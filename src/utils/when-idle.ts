/**
 * Runs `work` once the browser has nothing better to do (or after `timeout` ms at the latest), so code a page is
 * likely to need next loads without delaying what the page shows now. Answers a function that cancels it.
 */
export function whenIdle(work: () => void, timeout = 3000): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(work, { timeout });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(work, 1);
  return () => window.clearTimeout(handle);
}
