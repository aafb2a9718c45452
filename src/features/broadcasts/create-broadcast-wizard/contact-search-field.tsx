import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { contactQueries } from '@/api/resources/contacts/contact-queries.ts';
import { contactIdOf, contactNameOf, type Contact } from '@/api/schemas/contact.ts';
import { formatPhoneNumber } from '@/api/schemas/phone-number.ts';
import { useDebouncedValue } from '@/hooks/use-debounced-value.ts';

export interface PickedContact {
  personId: number;
  name: string;
  phone: string;
}

/** Search contacts by name or number; each pick is handed over and the box clears for the next one. */
export function ContactSearchField({ label, onPick, exclude }: { label: string; onPick: (contact: PickedContact) => void; exclude: readonly number[] }) {
  const [text, setText] = useState('');
  const search = useDebouncedValue(text.trim());
  const matches = useQuery({ ...contactQueries.list({ search, pageSize: 10 }), enabled: search.length > 0 });
  const options = (search ? (matches.data?.Items ?? []) : []).filter((contact) => !exclude.includes(contactIdOf(contact) ?? -1));

  return (
    <Autocomplete<Contact>
      size="small"
      options={options}
      value={null}
      onChange={(_event, contact) => {
        if (!contact) return;
        onPick({ personId: contactIdOf(contact)!, name: contactNameOf(contact), phone: contact.PrimaryPhone });
        setText('');
      }}
      inputValue={text}
      onInputChange={(_event, value, reason) => {
        if (reason === 'input') setText(value);
      }}
      filterOptions={(all) => all}
      loading={matches.isFetching}
      getOptionLabel={(contact) => contactNameOf(contact) || formatPhoneNumber(contact.PrimaryPhone)}
      noOptionsText={search ? 'No contact matches.' : 'Type a name or a number.'}
      renderOption={({ key, ...props }, contact) => (
        <Box component="li" key={key} {...props}>
          <Box>
            <Typography variant="body2">{contactNameOf(contact) || 'No name'}</Typography>
            <Typography variant="caption" color="text.secondary">
              {formatPhoneNumber(contact.PrimaryPhone)}
            </Typography>
          </Box>
        </Box>
      )}
      renderInput={(params) => <TextField {...params} label={label} placeholder="Search by name or number" />}
    />
  );
}
