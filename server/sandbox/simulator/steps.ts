import type { SandboxDeps } from '../context.ts';
import { createDeliveryStep } from './delivery.ts';
import { createEventRunner } from './scheduled-events.ts';
import type { SimulationStep } from './simulator.ts';
import { textEventHandlers } from './text-events.ts';

/** Everything the sandbox simulates, in the order each tick runs it: broadcasts, then timed events (replies). */
export function simulationSteps(deps: Pick<SandboxDeps, 'db' | 'clock'>): SimulationStep[] {
  return [createDeliveryStep(deps.db), createEventRunner(deps.db, { ...textEventHandlers })];
}
