import { messageStepSchema, needsOf, recipientsStepSchema, scheduleStepSchema, typeStepSchema, type BroadcastDraft } from './broadcast-draft.ts';

/** Each step's own rules, in the wizard's order (the review has none): the ones its form checks before Next. */
const stepPasses: ReadonlyArray<(draft: BroadcastDraft) => boolean> = [
  (draft) => typeStepSchema.safeParse(draft.type).success,
  (draft) => recipientsStepSchema.safeParse(draft.recipients).success,
  (draft) => messageStepSchema.safeParse({ ...draft.message, needs: needsOf(draft.type) }).success,
  (draft) => scheduleStepSchema.safeParse(draft.schedule).success,
];

/** The last step the draft can open: every step before it passes its rules. */
export function furthestReachableStep(draft: BroadcastDraft): number {
  const failing = stepPasses.findIndex((passes) => !passes(draft));
  return failing === -1 ? stepPasses.length : failing;
}

/**
 * The step to show: the one the address asks for (or, without one, where the draft was left), unless a step before
 * it no longer passes (a reload, Forward after an edit, another tab): then the furthest one the draft can open.
 */
export function stepToShow(requested: number | null, draft: BroadcastDraft): number {
  return Math.min(requested ?? draft.step, furthestReachableStep(draft));
}
