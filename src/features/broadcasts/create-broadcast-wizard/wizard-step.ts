import type { BroadcastPlan } from '@contract/broadcast-plan.ts';
import type { User } from '@contract/user.ts';
import type { BroadcastDraft } from './broadcast-draft.ts';

/** The id of the form each step renders; the wizard's Next button submits it. */
export const STEP_FORM_ID = 'broadcast-wizard-step';

export interface WizardStepProps {
  draft: BroadcastDraft;
  user: User;
  /** The preview of what the current draft would do, when one is available. */
  plan: BroadcastPlan | undefined;
  /** Keeps what the user typed in the saved draft (called as they type). */
  save: (change: (draft: BroadcastDraft) => BroadcastDraft) => void;
  /** The step's values are valid: save them and move on. */
  next: (change: (draft: BroadcastDraft) => BroadcastDraft) => void;
  /** Whether the step puts the focus in its first field when it opens (not right after a discard). */
  focusFirstField?: boolean;
}
