/**
 * A failure that means the API lacks a feature, not that something broke (decision 0131): it carries the one plain
 * sentence to show in the feature's place ("Pausing is not offered by this API."). Shared code reads it through
 * notOfferedSentenceOf, without knowing the API client.
 */
export interface NotOffered {
  readonly notOffered: string;
}

export function notOfferedSentenceOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('notOffered' in error)) return null;
  return typeof error.notOffered === 'string' ? error.notOffered : null;
}

/** How a failure is shown: a feature the API lacks is no error, its sentence says so plainly (decision 0131). */
export const failureSeverityOf = (error: unknown): 'info' | 'error' => (notOfferedSentenceOf(error) === null ? 'error' : 'info');
