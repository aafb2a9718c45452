import type { SandboxDeps } from '../context.ts';
import { createEventRunner } from './scheduled-events.ts';
import type { SimulationStep } from './simulator.ts';
import { textEventHandlers } from './text-events.ts';

/** Everything the sandbox simulates, in the order each tick runs it. */
export function simulationSteps(deps: Pick<SandboxDeps, 'db' | 'clock'>): SimulationStep[] {
  return [createEventRunner(deps.db, { ...textEventHandlers })];
}
