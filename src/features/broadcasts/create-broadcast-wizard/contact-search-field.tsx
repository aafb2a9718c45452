import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useContactSearch } from '@/api/resources/contacts/use-contact-search.ts';
import { contactIdOf, contactNameOf, type Contact } from '@contract/contact.ts';
import { formatPhoneNumber } from '@contract/phone-format.ts';
import { renderAutocompleteOption } from '@/components/form/autocomplete-option.tsx';

export interface PickedContact {
  personId: number;
  name: string;
  phone: string;
}

/** Search contacts by name or number; each pick is handed over and the box clears for the next one. */
export function ContactSearchField({ label, onPick, exclude }: { label: string; onPick: (contact: PickedContact) => void; exclude: readonly number[] }) {
  const [text, setText] = useState('');
  const matches = useContactSearch(text, 10);
  const options = matches.contacts.filter((contact) => !exclude.includes(contactIdOf(contact) ?? -1));

  return (
    <Autocomplete<Contact>
      size="small"
      options={options}
      value={null}
      onChange={(_event, contact) => {
        if (!contact) return;
        onPick({ personId: contactIdOf(contact)!, name: contactNameOf(contact), phone: contact.PrimaryPhone ?? '' });
        setText('');
      }}
      inputValue={text}
      onInputChange={(_event, value, reason) => {
        if (reason === 'input') setText(value);
      }}
      filterOptions={(all) => all}
      loading={matches.isFetching}
      getOptionLabel={(contact) => contactNameOf(contact) || formatPhoneNumber(contact.PrimaryPhone)}
      noOptionsText={matches.noOptionsText}
      renderOption={(props, contact) =>
        renderAutocompleteOption(props, contactNameOf(contact) || 'No name', formatPhoneNumber(contact.PrimaryPhone), 'stacked')
      }
      renderInput={(params) => <TextField {...params} label={label} placeholder="Search by name or number" />}
    />
  );
}
