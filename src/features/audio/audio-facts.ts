import { callCredits } from '@contract/credits.ts';

/** "1 credit per connected call", "2 credits per connected call". */
export function describeCallCost(lengthSeconds: number, maxMessageLength: number): string {
  const credits = callCredits(lengthSeconds, maxMessageLength);
  return `${credits} credit${credits === 1 ? '' : 's'} per connected call`;
}
