import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import type { Contact } from '@/api/schemas/contact.ts';
import { formatPhoneNumber } from '@/api/schemas/phone-format.ts';
import { phoneNumbersOf } from './phone-numbers.ts';

/** "Do not call" and "No texts" chips when any of the contact's numbers is blocked; the tooltip says which. */
export function ContactFlags({ contact }: { contact: Contact }) {
  const numbers = phoneNumbersOf(contact);
  const noCalls = numbers.filter((number) => number.doNotCall);
  const noTexts = numbers.filter((number) => number.textStatus === 'OptedOut');
  const which = (list: typeof numbers) => list.map((number) => formatPhoneNumber(number.phone)).join(', ');
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', height: '100%' }}>
      {noCalls.length > 0 && (
        <Tooltip title={`Do not call ${which(noCalls)}`}>
          <Chip size="small" color="warning" variant="outlined" label="Do not call" />
        </Tooltip>
      )}
      {noTexts.length > 0 && (
        <Tooltip title={`Opted out of texts: ${which(noTexts)}`}>
          <Chip size="small" color="error" variant="outlined" label="No texts" />
        </Tooltip>
      )}
    </Stack>
  );
}
