import { apiRequest } from '../../api-client.ts';
import { followClock } from '@/utils/app-clock.ts';
import { sandboxClockSchema, type SandboxClock } from '@contract/sandbox-clock.ts';
import { sandboxRecordingResultSchema, sandboxWaitingRecordingsSchema, type SandboxRecordingInput } from '@contract/sandbox-recording.ts';

/** Every reading of the sandbox's clock sets the app's "now" (src/utils/app-clock.ts). */
function followed(clock: SandboxClock): SandboxClock {
  followClock(clock.Now, clock.Speed);
  return clock;
}

export async function getSandboxClock(signal?: AbortSignal): Promise<SandboxClock> {
  return followed(await apiRequest('/sandbox/clock', { schema: sandboxClockSchema, signal }));
}

/** Moves the sandbox's clock forward; every call, text and reply due by then happens before it answers. */
export async function advanceSandboxClock(minutes: number): Promise<SandboxClock> {
  return followed(await apiRequest('/sandbox/clock/advance', { method: 'POST', body: { Minutes: minutes }, schema: sandboxClockSchema }));
}

/** The broadcasts waiting for their message to be recorded by phone (docs/decisions/0080-record-by-phone.md). */
export function getWaitingRecordings(signal?: AbortSignal) {
  return apiRequest('/sandbox/recordings', { schema: sandboxWaitingRecordingsSchema, signal });
}

/** Plays a person who calls the recording line, keys in the code and records a message. */
export function recordByPhone(input: SandboxRecordingInput) {
  return apiRequest('/sandbox/recordings', { method: 'POST', body: input, schema: sandboxRecordingResultSchema });
}
