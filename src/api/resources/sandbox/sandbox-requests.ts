import { apiRequest } from '../../api-client.ts';
import { sandboxClockSchema, type SandboxClock } from '@contract/sandbox-clock.ts';

export function getSandboxClock(signal?: AbortSignal): Promise<SandboxClock> {
  return apiRequest('/sandbox/clock', { schema: sandboxClockSchema, signal });
}

/** Moves the sandbox's clock forward; every call, text and reply due by then happens before it answers. */
export function advanceSandboxClock(minutes: number): Promise<SandboxClock> {
  return apiRequest('/sandbox/clock/advance', { method: 'POST', body: { Minutes: minutes }, schema: sandboxClockSchema });
}
