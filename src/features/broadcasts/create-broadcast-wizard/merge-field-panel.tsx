import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useMemo, useState } from 'react';
import { CONTACT_LIMITS } from '@contract/contact.ts';
import { mergeFieldLabels, personalise, type MergeField, type MergeValues } from '@contract/merge-fields.ts';
import { formatPhoneNumber } from '@contract/phone-format.ts';
import { formatCount, formatCountOf } from '@/utils/format-number.ts';
import type { BroadcastDraft } from './broadcast-draft.ts';
import { mergeFieldsOf } from './merge-fallbacks.ts';
import { knownRecipients, mergeFieldGaps, type KnownRecipient } from './merge-field-check.ts';

const fallbackLimits: Record<MergeField, number> = {
  FirstName: CONTACT_LIMITS.name,
  LastName: CONTACT_LIMITS.name,
  Notes: CONTACT_LIMITS.notes,
  IntegrationData: CONTACT_LIMITS.integrationData,
};

/** Who the preview shows when the wizard knows nobody's values (only lists were chosen). */
const SAMPLE: KnownRecipient = { phone: '', values: { FirstName: 'Jordan', LastName: 'Rivera', Notes: 'Room 12', IntegrationData: 'S-1042' } };
const SAMPLE_KEY = 'sample';
/** People offered in the preview's menu. */
const PREVIEW_CHOICES = 50;

export interface MergeFieldPanelProps {
  draft: BroadcastDraft;
  onFallbackChange: (field: MergeField, value: string) => void;
}

/**
 * Below "Who it reaches", once a text is written: for each merge field it uses, how many recipients have no value
 * and what they get instead (decision 0152); then the text as one recipient, chosen or a sample, will read it.
 */
export function MergeFieldPanel({ draft, onFallbackChange }: MergeFieldPanelProps) {
  const text = draft.type.channel === 'voice' ? '' : draft.message.textMessage.trim();
  const { gaps, unchecked } = useMemo(() => mergeFieldGaps(draft), [draft]);
  if (!text) return null;
  return (
    <Stack spacing={2}>
      <Divider />
      {gaps.length > 0 && (
        <Box component="section" aria-labelledby="merge-fields-title">
          <Typography id="merge-fields-title" variant="subtitle2" component="h3">
            Merge fields
          </Typography>
          <Stack spacing={1.5} sx={{ mt: 1 }}>
            {gaps.map((gap) => (
              <Box key={gap.field}>
                <Typography variant="body2" color={gap.missing > 0 && !draft.mergeFallbacks[gap.field].trim() ? 'warning' : undefined}>
                  <strong>{mergeFieldLabels[gap.field]}</strong>:{' '}
                  {gap.checked === 0
                    ? 'comes from each contact.'
                    : gap.missing === 0
                      ? `every one of the ${formatCountOf(gap.checked, 'person', 'people')} checked has one.`
                      : `${formatCount(gap.missing)} of ${formatCountOf(gap.checked, 'person', 'people')} ${gap.missing === 1 ? 'has' : 'have'} none.`}
                </Typography>
                {(gap.missing > 0 || draft.mergeFallbacks[gap.field] !== '') && (
                  <TextField
                    size="small"
                    fullWidth
                    sx={{ mt: 1 }}
                    label={`${mergeFieldLabels[gap.field]} for those without one`}
                    placeholder={gap.field === 'FirstName' ? 'e.g. there' : undefined}
                    value={draft.mergeFallbacks[gap.field]}
                    onChange={(event) => onFallbackChange(gap.field, event.target.value.slice(0, fallbackLimits[gap.field]))}
                    helperText={
                      draft.mergeFallbacks[gap.field].trim()
                        ? `${gap.missing === 1 ? 'That person gets' : `Those ${formatCount(gap.missing)} people get`} “${draft.mergeFallbacks[gap.field].trim()}” instead.`
                        : 'Left empty, their text reads without it.'
                    }
                  />
                )}
              </Box>
            ))}
            {unchecked > 0 && (
              <Typography variant="body2" color="textSecondary">
                {formatCountOf(unchecked, 'person', 'people')} on lists (or in a large file) get their own contact’s values; a fallback does not change
                contacts.
              </Typography>
            )}
          </Stack>
        </Box>
      )}
      <MessagePreview draft={draft} text={text} />
    </Stack>
  );
}

const nameOf = ({ values }: KnownRecipient) => [values.FirstName, values.LastName].filter(Boolean).join(' ');

/** The text as one recipient gets it: their values, the fallbacks where they have none. */
function MessagePreview({ draft, text }: { draft: BroadcastDraft; text: string }) {
  const id = useId();
  const people = useMemo(() => knownRecipients(draft.recipients, PREVIEW_CHOICES), [draft.recipients]);
  const [chosen, setChosen] = useState<string | null>(null);
  const key = chosen !== null && (chosen === SAMPLE_KEY || Number(chosen) < people.length) ? chosen : people.length > 0 ? '0' : SAMPLE_KEY;
  const person = key === SAMPLE_KEY ? SAMPLE : people[Number(key)]!;
  const used = mergeFieldsOf(draft);
  const values = Object.fromEntries(
    used.map((field) => {
      const own = person.values[field];
      // A value the wizard does not hold comes from the contact's record when the text is sent.
      if (own === undefined || own === null) return [field, `[their ${mergeFieldLabels[field].toLowerCase()}]`];
      return [field, own.trim() || draft.mergeFallbacks[field].trim()];
    }),
  ) as MergeValues;
  return (
    <Box component="section" aria-labelledby={id}>
      <Typography id={id} variant="subtitle2" component="h3">
        Message preview
      </Typography>
      <TextField select size="small" fullWidth label="Preview for" value={key} onChange={(event) => setChosen(event.target.value)} sx={{ mt: 1 }}>
        {people.map((recipient, index) => (
          <MenuItem key={index} value={String(index)}>
            {nameOf(recipient) || 'No name'} · {formatPhoneNumber(recipient.phone)}
          </MenuItem>
        ))}
        <MenuItem value={SAMPLE_KEY}>A sample person ({nameOf(SAMPLE)})</MenuItem>
      </TextField>
      <Typography
        aria-label="The text this person gets"
        variant="body2"
        sx={{ mt: 1, p: 1.5, borderRadius: 2, bgcolor: 'action.hover', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
      >
        {personalise(text, values)}
      </Typography>
    </Box>
  );
}
