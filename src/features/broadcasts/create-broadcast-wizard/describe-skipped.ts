import type { SkippedNumbers } from '@contract/broadcast-plan.ts';
import { formatCount } from '@/utils/format-number.ts';

const SKIP_REASONS: Array<[keyof SkippedNumbers, string]> = [
  ['OptedOut', 'opted out'],
  ['DoNotCall', 'do not call'],
  ['Invalid', 'invalid'],
  ['Duplicate', 'duplicates'],
  ['Excluded', 'excluded'],
  ['NotTextable', 'cannot take texts'],
];

/** "57 skipped: 41 opted out, 9 invalid, 7 duplicates", or null when nothing is skipped. */
export function describeSkipped(skipped: SkippedNumbers | null): string | null {
  if (skipped === null) return null;
  const parts = SKIP_REASONS.filter(([reason]) => skipped[reason] > 0).map(([reason, label]) => `${formatCount(skipped[reason])} ${label}`);
  const total = SKIP_REASONS.reduce((sum, [reason]) => sum + skipped[reason], 0);
  return total === 0 ? null : `${formatCount(total)} skipped: ${parts.join(', ')}`;
}
