import CampaignOutlined from '@mui/icons-material/CampaignOutlined';
import HowToVoteOutlined from '@mui/icons-material/HowToVoteOutlined';
import PhoneInTalkOutlined from '@mui/icons-material/PhoneInTalkOutlined';
import SmsOutlined from '@mui/icons-material/SmsOutlined';
import SyncAltOutlined from '@mui/icons-material/SyncAltOutlined';
import TextsmsOutlined from '@mui/icons-material/TextsmsOutlined';
import Box from '@mui/material/Box';
import FormControl from '@mui/material/FormControl';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Controller, useWatch, type Control } from 'react-hook-form';
import { FormTextField } from '@/components/form/form-text-field.tsx';
import { broadcastTypeOf, draftLimits, typeStepSchema, typeWords, type BroadcastDraft } from './broadcast-draft.ts';
import { useStepForm } from './use-step-form.ts';
import { STEP_FORM_ID, type WizardStepProps } from './wizard-step.ts';

type TypeValues = BroadcastDraft['type'];

interface Choice<Value extends string> {
  value: Value;
  title: string;
  description: string;
  icon: ReactNode;
}

/** A radio group drawn as cards: the whole card is the label, so it is one click and one tab stop per group. */
function ChoiceCards<Name extends 'channel' | 'callKind' | 'combo'>({
  control,
  name,
  label,
  choices,
}: {
  control: Control<TypeValues>;
  name: Name;
  label: string;
  choices: Array<Choice<TypeValues[Name]>>;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <FormControl component="fieldset" sx={{ width: '100%' }}>
          <FormLabel component="legend" sx={{ mb: 1, fontWeight: 500, color: 'text.primary' }}>
            {label}
          </FormLabel>
          <RadioGroup {...field} sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr', sm: `repeat(${choices.length}, 1fr)` } }}>
            {choices.map((choice) => {
              const selected = field.value === choice.value;
              return (
                <Box
                  key={choice.value}
                  component="label"
                  sx={{
                    display: 'flex',
                    gap: 1.5,
                    p: 2,
                    borderRadius: 2,
                    border: 1.5,
                    borderColor: selected ? 'primary.main' : 'divider',
                    bgcolor: selected ? 'action.selected' : 'background.paper',
                    cursor: 'pointer',
                    transition: 'border-color 120ms',
                    '&:hover': { borderColor: selected ? 'primary.main' : 'text.secondary' },
                    '&:focus-within': { outline: 2, outlineColor: 'primary.main', outlineOffset: 2 },
                  }}
                >
                  <Radio
                    value={choice.value}
                    sx={{ p: 0, alignSelf: 'flex-start' }}
                    slotProps={{ input: { 'aria-describedby': `${name}-${choice.value}-description` } }}
                  />
                  <Box sx={{ minWidth: 0 }}>
                    <Stack
                      direction="row"
                      spacing={1}
                      sx={[
                        { alignItems: 'center', color: selected ? 'primary.main' : 'text.primary' },
                        // On the selected card's tint, dark mode's primary falls just short of 4.5:1; its light shade does not.
                        selected && ((theme) => theme.applyStyles('dark', { color: (theme.vars ?? theme).palette.primary.light })),
                      ]}
                    >
                      {choice.icon}
                      <Typography sx={{ fontWeight: 600 }}>{choice.title}</Typography>
                    </Stack>
                    <Typography id={`${name}-${choice.value}-description`} variant="body2" color="textSecondary" sx={{ mt: 0.5 }}>
                      {choice.description}
                    </Typography>
                  </Box>
                </Box>
              );
            })}
          </RadioGroup>
        </FormControl>
      )}
    />
  );
}

export function TypeStep({ draft, save, next, focusFirstField = true }: WizardStepProps) {
  const form = useStepForm(typeStepSchema, draft.type, (type) => save((current) => ({ ...current, type })));
  const values = useWatch({ control: form.control });

  return (
    <Box component="form" id={STEP_FORM_ID} noValidate onSubmit={form.handleSubmit((type) => next((current) => ({ ...current, type })))}>
      <Stack spacing={3.5}>
        <FormTextField
          control={form.control}
          name="name"
          maxChars={draftLimits.name}
          label="Broadcast name"
          placeholder="e.g. Snow day closure"
          helperText="Only your team sees this name."
          autoFocus={focusFirstField}
          sx={{ maxWidth: 520 }}
        />
        <ChoiceCards
          control={form.control}
          name="channel"
          label="How should people be reached?"
          choices={[
            { value: 'voice', title: 'Phone call', description: 'A recorded or spoken message, to any phone.', icon: <PhoneInTalkOutlined fontSize="small" /> },
            { value: 'text', title: 'Text message', description: 'An SMS to mobile phones; landlines are skipped.', icon: <SmsOutlined fontSize="small" /> },
            { value: 'both', title: 'Call and text', description: 'Reach mobiles by text and everyone by phone.', icon: <SyncAltOutlined fontSize="small" /> },
          ]}
        />
        {values.channel !== 'text' && (
          <ChoiceCards
            control={form.control}
            name="callKind"
            label="What happens on the call?"
            choices={[
              {
                value: 'announcement',
                title: 'Play a message',
                description: 'Everyone hears the same announcement.',
                icon: <CampaignOutlined fontSize="small" />,
              },
              {
                value: 'survey',
                title: 'Ask a question',
                description: 'People answer by pressing a key; you see the counts.',
                icon: <HowToVoteOutlined fontSize="small" />,
              },
            ]}
          />
        )}
        {values.channel === 'both' && (
          <ChoiceCards
            control={form.control}
            name="combo"
            label="Mobile phones get"
            choices={[
              {
                value: 'and',
                title: 'The text and the call',
                description: 'Mobiles get both; landlines get the call.',
                icon: <SyncAltOutlined fontSize="small" />,
              },
              {
                value: 'or',
                title: 'Just the text',
                description: 'Mobiles get the text; landlines get the call instead.',
                icon: <TextsmsOutlined fontSize="small" />,
              },
            ]}
          />
        )}
        <Typography variant="body2" color="textSecondary">
          This broadcast: <strong>{typeWords[broadcastTypeOf({ ...draft.type, ...values } as TypeValues)]}</strong>
        </Typography>
      </Stack>
    </Box>
  );
}
