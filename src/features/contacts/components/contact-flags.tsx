import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import type { Contact } from '@contract/contact.ts';
import { formatPhoneNumber } from '@contract/phone-format.ts';
import { DeferredTooltip } from '@/components/data-display/deferred-tooltip.tsx';
import { phoneNumbersOf } from '../phone-numbers.ts';

/** "Do not call" and "No texts" chips when any of the contact's numbers is blocked; the tooltip says which. */
export function ContactFlags({ contact }: { contact: Contact }) {
  const numbers = phoneNumbersOf(contact);
  const noCalls = numbers.filter((number) => number.doNotCall);
  const noTexts = numbers.filter((number) => number.textStatus === 'OptedOut');
  const which = (list: typeof numbers) => list.map((number) => formatPhoneNumber(number.phone)).join(', ');
  // Most contacts have no flag: their cell stays empty rather than holding an empty row of chips.
  if (noCalls.length === 0 && noTexts.length === 0) return null;
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', height: '100%' }}>
      {noCalls.length > 0 && (
        <DeferredTooltip title={`Do not call ${which(noCalls)}`}>
          <Chip size="small" color="warning" variant="outlined" label="Do not call" />
        </DeferredTooltip>
      )}
      {noTexts.length > 0 && (
        <DeferredTooltip title={`Opted out of texts: ${which(noTexts)}`}>
          <Chip size="small" color="error" variant="outlined" label="No texts" />
        </DeferredTooltip>
      )}
    </Stack>
  );
}
