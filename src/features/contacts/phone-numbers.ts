import type { Contact } from '@contract/contact.ts';

const slots = [
  { phone: 'PrimaryPhone', doNotCall: 'DoNotCallPrimaryPhone', text: 'PrimaryPhoneTextOptInStatus' },
  { phone: 'SecondaryPhone', doNotCall: 'DoNotCallSecondaryPhone', text: 'SecondaryPhoneTextOptInStatus' },
  { phone: 'TertiaryPhone', doNotCall: 'DoNotCallTertiaryPhone', text: 'TertiaryPhoneTextOptInStatus' },
] as const;

/** A contact's numbers with their do-not-call flag and text opt-in status, in slot order, blanks left out. */
export function phoneNumbersOf(contact: Contact) {
  return slots
    .filter((slot) => contact[slot.phone] !== '')
    .map((slot) => ({
      field: slot.phone,
      phone: contact[slot.phone],
      doNotCall: contact[slot.doNotCall] === true,
      textStatus: contact[slot.text] ?? 'Unknown',
    }));
}
