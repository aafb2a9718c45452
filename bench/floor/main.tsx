import { zodResolver } from '@hookform/resolvers/zod';
import { AppBar, Box, Button, CssBaseline, Dialog, DialogActions, DialogContent, DialogTitle, Drawer, List, ListItemButton, ListItemText, Table, TableBody, TableCell, TableHead, TableRow, TextField, Toolbar, Typography } from '@mui/material';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { useForm } from 'react-hook-form';
import { createBrowserRouter, Link, Outlet, RouterProvider } from 'react-router-dom';
import { z } from 'zod';

/**
 * The bundle floor (the smallest app built from the same packages): the packages our first route uses, rendering the same kind of
 * shell (MUI layout, a table, a dialog), a router, one query and one form validated by zod, and no app code. Built in
 * the same run as the app, it is the peer of our login page and shell.
 */

const contacts = Array.from({ length: 10 }, (_, index) => ({ id: index + 1, first: `Ann${index}`, last: 'Lee', phone: `214555${1000 + index}` }));

function Shell({ children }: { children?: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <Box sx={{ display: 'flex' }}>
      <CssBaseline />
      <AppBar position="fixed" sx={{ zIndex: 1300 }}>
        <Toolbar>
          <Typography variant="h6">Broadcast admin</Typography>
        </Toolbar>
      </AppBar>
      <Drawer variant="permanent" sx={{ width: 220, '& .MuiDrawer-paper': { width: 220 } }}>
        <Toolbar />
        <List>
          {['Contacts', 'Lists', 'Broadcasts', 'Opt-outs', 'Conversations'].map((title) => (
            <ListItemButton key={title}>
              <ListItemText primary={title} />
            </ListItemButton>
          ))}
        </List>
      </Drawer>
      <Box component="main" sx={{ flexGrow: 1, p: 3 }}>
        <Toolbar />
        <h1>Contacts</h1>
        <TextField label="Search phone" size="small" />{' '}
        <Button variant="contained" onClick={() => setOpen(true)}>
          New contact
        </Button>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>First</TableCell>
              <TableCell>Last</TableCell>
              <TableCell>Phone</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {contacts.map((contact) => (
              <TableRow key={contact.id}>
                <TableCell>{contact.first}</TableCell>
                <TableCell>{contact.last}</TableCell>
                <TableCell>{contact.phone}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {children}
        <Dialog open={open} onClose={() => setOpen(false)}>
          <DialogTitle>New contact</DialogTitle>
          <DialogContent>
            <TextField label="Phone" />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>Cancel</Button>
          </DialogActions>
        </Dialog>
      </Box>
    </Box>
  );
}

const schema = z.object({ FirstName: z.string().min(1), LastName: z.string().min(1), PrimaryPhone: z.string().regex(/^\d{10}$/, '10 digits') });
type ContactFields = z.infer<typeof schema>;

function ContactForm() {
  const { register, handleSubmit, formState } = useForm<ContactFields>({ resolver: zodResolver(schema) });
  return (
    <form onSubmit={handleSubmit((values) => console.log(values))}>
      <TextField label="First" {...register('FirstName')} error={!!formState.errors.FirstName} />
      <TextField label="Last" {...register('LastName')} />
      <TextField label="Phone" {...register('PrimaryPhone')} helperText={formState.errors.PrimaryPhone?.message} />
      <Button type="submit">Save</Button>
    </form>
  );
}

function Stats() {
  const stats = useQuery({ queryKey: ['stats'], queryFn: async () => ({ contacts: 100000 }) });
  return (
    <p>
      Total: {stats.data?.contacts ?? '…'} <Link to="/lists">Lists</Link>
    </p>
  );
}

const queryClient = new QueryClient();
const router = createBrowserRouter([
  {
    path: '/',
    element: (
      <Shell>
        <Outlet />
      </Shell>
    ),
    children: [
      {
        index: true,
        element: (
          <>
            <Stats />
            <ContactForm />
          </>
        ),
      },
      { path: 'lists', element: <p>Lists</p> },
    ],
  },
]);

createRoot(document.getElementById('root')!).render(
  <QueryClientProvider client={queryClient}>
    <RouterProvider router={router} />
  </QueryClientProvider>,
);
