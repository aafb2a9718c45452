import { CssBaseline } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { keepPreviousData, QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * The floor of the contacts page (the UI area of the bench): the same grid package showing the same rows from the
 * same request of our server's API, and nothing else: no router, no app code, the grid's code loaded with the page.
 * A click on "Contacts" asks for the rows the contacts page asks for (the `list` parameter: its request, as the bench
 * saw it) and draws them; the search box asks for the same request with `search`, after the same 120 ms of quiet.
 * The bench serves it from our server's origin, so it is signed in as the page is.
 */

interface Contact {
  PersonID: number;
  FirstName?: string | null;
  LastName?: string | null;
  PrimaryPhone?: string | null;
  Notes?: string | null;
  LastUpdated?: string | null;
}

interface Feed {
  Items: Contact[];
  Size: number;
}

const LIST = new URLSearchParams(location.search).get('list') ?? '/api/v1/contacts';
const SEARCH_DELAY_MS = 120;

const columns: GridColDef<Contact>[] = [
  { field: 'LastName', headerName: 'Name', flex: 1.2, minWidth: 180, valueGetter: (_value, row) => [row.FirstName, row.LastName].filter(Boolean).join(' ') },
  { field: 'PrimaryPhone', headerName: 'Phone', width: 180 },
  { field: 'Notes', headerName: 'Notes', flex: 1, minWidth: 140 },
  { field: 'LastUpdated', headerName: 'Last updated', width: 150 },
];

function request(search: string): string {
  const url = new URL(LIST, location.origin);
  if (search) url.searchParams.set('search', search);
  else url.searchParams.delete('search');
  return `${url.pathname}${url.search}`;
}

function Contacts() {
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(text.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const contacts = useQuery({
    queryKey: ['contacts', search],
    queryFn: async ({ signal }) => (await (await fetch(request(search), { signal })).json()) as Feed,
    placeholderData: keepPreviousData,
  });
  const rows = contacts.data?.Items ?? [];
  const total = contacts.data?.Size ?? 0;
  return (
    <main>
      <h1>Contacts</h1>
      <input type="search" aria-label="Search contacts" value={text} onChange={(event) => setText(event.target.value)} />
      {contacts.isSuccess && <p role="status">{search ? `${total.toLocaleString('en-US')} matching` : `${total.toLocaleString('en-US')} contacts`}</p>}
      {contacts.isSuccess && (
        <DataGrid
          aria-label="Contacts"
          rows={rows}
          columns={columns}
          getRowId={(row) => row.PersonID}
          rowCount={total}
          paginationMode="server"
          sortingMode="server"
          filterMode="server"
          paginationModel={{ page: 0, pageSize: Math.max(rows.length, 1) }}
          pageSizeOptions={[Math.max(rows.length, 1)]}
          checkboxSelection
          disableRowSelectionOnClick
          disableColumnMenu
          autoHeight
        />
      )}
    </main>
  );
}

function App() {
  const [shown, setShown] = useState(false);
  return (
    <>
      <CssBaseline />
      <nav>
        <a
          href="#contacts"
          onClick={(event) => {
            event.preventDefault();
            setShown(true);
          }}
        >
          Contacts
        </a>
      </nav>
      {shown && <Contacts />}
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <QueryClientProvider client={new QueryClient()}>
    <App />
  </QueryClientProvider>,
);
