import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { columnFieldLabels, type ColumnField } from '@contract/column-mapping.ts';
import { formatCountOf } from '@/utils/format-number.ts';
import type { BroadcastDraft } from './broadcast-draft.ts';
import { describeLeftOut } from './recipient-file.ts';

type UploadedFileDraft = BroadcastDraft['recipients']['files'][number];

const labelOf = (field: string) => columnFieldLabels[field as ColumnField]?.toLowerCase() ?? field;

/** An uploaded file: who it reaches, which columns were read as what, and the rows left out with their reasons. */
export function UploadedFile({ file, onRemove }: { file: UploadedFileDraft; onRemove: () => void }) {
  const leftOut = file.leftOut ? describeLeftOut(file.leftOut) : null;
  const listed = file.leftOutRows ?? [];
  return (
    <Box>
      <Chip icon={<UploadFileOutlined />} label={`${file.name}: ${formatCountOf(file.rows, 'person', 'people')}`} onDelete={onRemove} />
      {file.columns && (
        <Typography variant="body2" color="textSecondary" sx={{ mt: 0.5 }}>
          {file.totalRows !== undefined && `${formatCountOf(file.totalRows, 'row', 'rows')}. `}
          Read {file.columns.map(({ column, field }) => `“${column}” as ${labelOf(field)}`).join(', ')}.
        </Typography>
      )}
      {leftOut && (
        <Box role="note" aria-label={`Rows of ${file.name} left out`}>
          <Typography variant="body2" color="warning">
            {leftOut}
          </Typography>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {listed.map((row) => (
              <Typography key={row.row} component="li" variant="body2" color="textSecondary">
                Row {row.row}: {row.message}
              </Typography>
            ))}
          </Box>
        </Box>
      )}
    </Box>
  );
}
