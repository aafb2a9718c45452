import type { SandboxDeps } from '../context.ts';
import { receiveInboundText, type InboundText } from '../model/inbound-texts.ts';
import { createDeliveryStep } from './delivery.ts';
import { createEventRunner } from './scheduled-events.ts';
import type { SimulationStep } from './simulator.ts';

/** Everything the sandbox simulates, in the order each tick runs it. */
export function simulationSteps(deps: Pick<SandboxDeps, 'db' | 'clock'>): SimulationStep[] {
  return [
    createDeliveryStep(deps.db),
    createEventRunner(deps.db, {
      // A reply to a broadcast's text, due some minutes after delivery.
      'broadcast-reply': (db, payload, dueAt) => {
        receiveInboundText(db, { ...(payload as Omit<InboundText, 'receivedAt'>), receivedAt: dueAt });
      },
    }),
  ];
}
