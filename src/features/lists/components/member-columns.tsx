import type { GridColDef } from '@mui/x-data-grid';
import { contactIdOf, contactNameOf, type Contact } from '@contract/contact.ts';
import { formatPhoneNumber } from '@contract/phone-format.ts';
import { LinkCell } from '@/components/data-table/link-cell.tsx';
import { paths } from '@/config/paths.ts';
import { formatApiDay } from '@/utils/format-date.ts';

/** The columns of a list's members and of the Deleted folder: who, how to reach them, and the note. */
export const memberColumns: GridColDef<Contact>[] = [
  {
    field: 'LastName',
    headerName: 'Name',
    flex: 1.2,
    minWidth: 180,
    renderCell: ({ row }) => <LinkCell to={paths.contacts.detail.href(contactIdOf(row)!)} label={contactNameOf(row)} emptyLabel="No name" />,
  },
  { field: 'PrimaryPhone', headerName: 'Phone', width: 160, valueFormatter: (value: string) => formatPhoneNumber(value) },
  { field: 'Notes', headerName: 'Notes', flex: 1, minWidth: 140 },
  { field: 'LastUpdated', headerName: 'Last updated', width: 140, valueFormatter: (value: string) => formatApiDay(value) },
];
