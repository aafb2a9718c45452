import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import InputLabel from '@mui/material/InputLabel';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { memo, useDeferredValue, useId } from 'react';
import { listQueries } from '@/api/resources/lists/list-queries.ts';
import { checkImportRow } from '@contract/contact-import-rows.ts';
import { importProblemLabels } from '@contract/contact-import.ts';
import { CONTACT_LIMITS } from '@contract/contact.ts';
import { columnFieldLabels, columnFields, columnNameOf, valuesOfRow, type ColumnField } from '@contract/column-mapping.ts';
import { formatPhoneNumber } from '@contract/phone-format.ts';
import { formatCountOf } from '@/utils/format-number.ts';
import { ImportProgress } from './import-progress.tsx';

export interface MappingStepProps {
  /** The first rows of the file, the header (if any) included. */
  firstRows: string[][];
  /** Rows of contacts in the file (the header not counted). */
  dataRowCount: number;
  columnCount: number;
  hasHeader: boolean;
  onHasHeaderChange: (hasHeader: boolean) => void;
  mapping: Array<ColumnField | null>;
  onMappingChange: (mapping: Array<ColumnField | null>) => void;
  listId: number | null;
  /** The chosen list's name, shown while the lists load. */
  listName: string | null;
  onListChange: (listId: number | null) => void;
  /** What is happening while the file is prepared, uploaded and checked. */
  busy: string | null;
  error: string | null;
  onBack: () => void;
  onCheck: () => void;
}

const PREVIEWED = 5;
/** Columns a phone leaves out, so the ones that matter fit its width. */
const onWideScreens = { display: { xs: 'none', sm: 'table-cell' } } as const;
const narrowCells = { '& td, & th': { px: { xs: 1, sm: 2 } } } as const;
const IGNORE = '';

/** Match each column to a contact field, choose a list, and see how the first rows will read. */
export function MappingStep(props: MappingStepProps) {
  const phoneMapped = props.mapping.includes('PrimaryPhone');
  // The preview and the list menu follow the columns in a commit of their own: drawn together, the step was one task
  // long enough to stall the page.
  const showAll = useDeferredValue(true, false);
  return (
    <Stack spacing={3}>
      <Box>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' }, justifyContent: 'space-between', mb: 1 }}>
          <Typography variant="h3" component="h2">
            Match the columns
          </Typography>
          <FormControlLabel
            control={<Checkbox checked={props.hasHeader} onChange={(event) => props.onHasHeaderChange(event.target.checked)} />}
            label="The first row holds column names"
          />
        </Stack>
        <Typography variant="body2" color="textSecondary" sx={{ mb: 2 }}>
          {formatCountOf(props.dataRowCount, 'row', 'rows')} of contacts. We guessed what each column holds; the choices you make are remembered for files with
          the same column names.
        </Typography>
        <ColumnsTable
          firstRows={props.firstRows}
          hasHeader={props.hasHeader}
          columnCount={props.columnCount}
          mapping={props.mapping}
          onMappingChange={props.onMappingChange}
        />
        <Typography variant="body2" color="textSecondary" sx={{ mt: 1 }}>
          Names hold at most {CONTACT_LIMITS.name} characters each, notes {CONTACT_LIMITS.notes} and integration data {CONTACT_LIMITS.integrationData}: a row
          with a longer value is rejected, not cut short.
        </Typography>
        {!phoneMapped && (
          <Alert severity="warning" sx={{ mt: 2 }}>
            Choose the column that holds phone numbers: every contact needs one.
          </Alert>
        )}
      </Box>

      <Box>
        <Typography variant="h3" component="h2" sx={{ mb: 1 }}>
          Preview
        </Typography>
        <Typography variant="body2" color="textSecondary" sx={{ mb: 2 }}>
          The first rows as they will be saved. Phone numbers are written as 10 digits: punctuation, a leading 1 and spreadsheet notation such as
          2.145551234E+09 are fixed.
        </Typography>
        {showAll && <PreviewTable firstRows={props.firstRows} hasHeader={props.hasHeader} mapping={props.mapping} />}
      </Box>

      <Box>
        <Typography variant="h3" component="h2" sx={{ mb: 1.5 }}>
          Add them to a list
        </Typography>
        {showAll && <ListChooser listId={props.listId} listName={props.listName} onListChange={props.onListChange} />}
      </Box>

      {props.error && (
        <Alert severity="error" role="alert">
          {props.error}
        </Alert>
      )}
      {props.busy && (
        <Box role="status" aria-live="polite">
          <Typography variant="body2" sx={{ mb: 1 }}>
            {props.busy}
          </Typography>
          <ImportProgress label={props.busy} />
        </Box>
      )}
      <Stack direction="row" spacing={1}>
        <Button onClick={props.onBack} disabled={props.busy !== null}>
          Back
        </Button>
        <Button variant="contained" onClick={props.onCheck} disabled={!phoneMapped || props.busy !== null}>
          Check the import
        </Button>
      </Stack>
    </Stack>
  );
}

// The tables and the list menu are memoised: the busy messages shown while the file is checked change nothing in
// them, and drawing their nine menus again each time took tens of milliseconds.

type ColumnsTableProps = Pick<MappingStepProps, 'firstRows' | 'hasHeader' | 'columnCount' | 'mapping' | 'onMappingChange'>;

const ColumnsTable = memo(function ColumnsTable({ firstRows, hasHeader, columnCount, mapping, onMappingChange }: ColumnsTableProps) {
  const dataRows = hasHeader ? firstRows.slice(1) : firstRows;
  const columns = Array.from({ length: columnCount }, (_, column) => column);
  const choose = (column: number, field: ColumnField | null) =>
    onMappingChange(mapping.map((current, index) => (index === column ? field : current === field ? null : current)));
  return (
    <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 2 }}>
      <Table size="small" aria-label="Columns of the file" sx={narrowCells}>
        <TableHead>
          <TableRow>
            <TableCell>Column</TableCell>
            <TableCell sx={onWideScreens}>Sample values</TableCell>
            <TableCell sx={{ width: { xs: 150, sm: 240 } }}>Import as</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {columns.map((column) => {
            const name = columnNameOf(firstRows, hasHeader, column);
            const samples = dataRows
              .map((row) => row[column]?.trim() ?? '')
              .filter(Boolean)
              .slice(0, 3);
            return (
              <TableRow key={column}>
                <TableCell sx={{ fontWeight: 500, overflowWrap: 'anywhere' }}>
                  {name}
                  {/* On a phone the samples sit under the name, so the menu stays in view. */}
                  <Typography
                    variant="body2"
                    color="textSecondary"
                    sx={{ display: { xs: 'block', sm: 'none' }, maxWidth: 120, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
                  >
                    {samples.join(' · ') || '—'}
                  </Typography>
                </TableCell>
                <TableCell
                  sx={{ ...onWideScreens, color: 'text.secondary', maxWidth: 360, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
                >
                  {samples.join(' · ') || '—'}
                </TableCell>
                <TableCell>
                  <Select
                    size="small"
                    fullWidth
                    sx={{ maxWidth: { xs: 150, sm: 'none' } }}
                    value={mapping[column] ?? IGNORE}
                    onChange={(event) => choose(column, (event.target.value || null) as ColumnField | null)}
                    inputProps={{ 'aria-label': `Import ${name} as` }}
                  >
                    <MenuItem value={IGNORE}>
                      <em>Don’t import</em>
                    </MenuItem>
                    {columnFields.map((field) => (
                      <MenuItem key={field} value={field}>
                        {columnFieldLabels[field]}
                      </MenuItem>
                    ))}
                  </Select>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
});

type PreviewTableProps = Pick<MappingStepProps, 'firstRows' | 'hasHeader' | 'mapping'>;

const PreviewTable = memo(function PreviewTable({ firstRows, hasHeader, mapping }: PreviewTableProps) {
  const dataRows = hasHeader ? firstRows.slice(1) : firstRows;
  // The sandbox finds every repeated number; the preview already shows those among its own rows.
  const seenPhones = new Map<string, number>();
  const preview = dataRows.slice(0, PREVIEWED).map((cells, index) => {
    const values = valuesOfRow(cells, mapping);
    const rowNumber = index + (hasHeader ? 2 : 1);
    const check = checkImportRow(values);
    if (!check.ok) return { rowNumber, values, check };
    const earlier = seenPhones.get(check.values.PrimaryPhone);
    seenPhones.set(check.values.PrimaryPhone, earlier ?? rowNumber);
    return {
      rowNumber,
      values,
      check: earlier === undefined ? check : { ok: false as const, reason: 'DuplicateInFile' as const, message: `Same phone number as row ${earlier}` },
    };
  });
  return (
    <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 2 }}>
      <Table size="small" aria-label="Preview of the first rows" sx={narrowCells}>
        <TableHead>
          <TableRow>
            <TableCell>Row</TableCell>
            <TableCell>Name</TableCell>
            <TableCell sx={onWideScreens}>Phone in the file</TableCell>
            <TableCell sx={onWideScreens}>Saved as</TableCell>
            <TableCell>Check</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {preview.map(({ rowNumber, values, check }) => (
            <TableRow key={rowNumber}>
              <TableCell>{rowNumber}</TableCell>
              <TableCell>
                {[values.FirstName, values.LastName].filter(Boolean).join(' ') || '—'}
                {/* On a phone the number as saved sits under the name. */}
                {check.ok && (
                  <Typography variant="body2" color="textSecondary" sx={{ display: { xs: 'block', sm: 'none' }, whiteSpace: 'nowrap' }}>
                    {formatPhoneNumber(check.values.PrimaryPhone)}
                  </Typography>
                )}
              </TableCell>
              <TableCell sx={{ ...onWideScreens, fontFamily: 'monospace' }}>{values.PrimaryPhone || '—'}</TableCell>
              <TableCell sx={onWideScreens}>{check.ok ? formatPhoneNumber(check.values.PrimaryPhone) : '—'}</TableCell>
              <TableCell>
                {check.ok ? (
                  <Chip size="small" color="success" variant="outlined" label={check.repairedPhones.length > 0 ? 'Fixed and ready' : 'Ready'} />
                ) : (
                  <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { xs: 'flex-start', sm: 'center' } }}>
                    <Chip size="small" color="error" variant="outlined" label={importProblemLabels[check.reason]} sx={{ maxWidth: '100%' }} />
                    <Typography variant="caption" color="textSecondary">
                      {check.message}
                    </Typography>
                  </Stack>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
});

type ListChooserProps = Pick<MappingStepProps, 'listId' | 'listName' | 'onListChange'>;

const ListChooser = memo(function ListChooser({ listId, listName, onListChange }: ListChooserProps) {
  const listLabelId = useId();
  const lists = useQuery(listQueries.list({ pageSize: 1000, filters: [{ field: 'ListType', op: 'eq', value: 'User' }] }));
  return (
    <FormControl size="small" sx={{ minWidth: 320 }}>
      <InputLabel id={listLabelId}>List</InputLabel>
      <Select
        labelId={listLabelId}
        label="List"
        value={listId === null ? IGNORE : String(listId)}
        onChange={(event) => onListChange(event.target.value ? Number(event.target.value) : null)}
      >
        <MenuItem value={IGNORE}>
          <em>No list (Everyone only)</em>
        </MenuItem>
        {listId !== null && !lists.data && <MenuItem value={String(listId)}>{listName ?? 'Loading…'}</MenuItem>}
        {(lists.data?.Items ?? []).map((list) => (
          <MenuItem key={list.ListID} value={String(list.ListID)}>
            {list.ListName}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
});
