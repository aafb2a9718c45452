import type { ComponentType } from 'react';
import { MessageStep } from './message-step.tsx';
import { RecipientsStep } from './recipients-step.tsx';
import { ReviewStep } from './review-step.tsx';
import { ScheduleStep } from './schedule-step.tsx';
import { TypeStep } from './type-step.tsx';
import type { WizardStepProps } from './wizard-step.ts';

export interface WizardStep {
  id: string;
  label: string;
  /** One line under the step's title saying what to do there. */
  description: string;
  Step: ComponentType<WizardStepProps>;
}

/** The wizard's steps, in order; each validates its own part of the draft before the next one opens. */
export const wizardSteps: readonly WizardStep[] = [
  { id: 'type', label: 'Type & name', description: 'What kind of broadcast this is.', Step: TypeStep },
  { id: 'recipients', label: 'Recipients', description: 'Who gets it: lists, people, numbers or a file.', Step: RecipientsStep },
  { id: 'message', label: 'Message', description: 'What they hear and read.', Step: MessageStep },
  { id: 'schedule', label: 'Schedule & delivery', description: 'When it goes out, and how calls are paced.', Step: ScheduleStep },
  { id: 'review', label: 'Review & send', description: 'Check everything once more, then send.', Step: ReviewStep },
];
