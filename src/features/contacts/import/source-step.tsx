import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useState, type DragEvent } from 'react';
import { formatCount } from '@/utils/format-number.ts';
import type { ParserState } from './use-csv-parser.ts';

export interface SourceStepProps {
  state: ParserState;
  onRead: (source: File | string, name: string) => void;
  onCancel: () => void;
}

const MAX_FILE_BYTES = 128 * 1024 * 1024;

/** Where the rows come from: a CSV file (chosen or dropped) or text pasted from a spreadsheet. */
export function SourceStep({ state, onRead, onCancel }: SourceStepProps) {
  const [tab, setTab] = useState<'file' | 'paste'>('file');
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const tabsId = useId();

  const readFile = (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setProblem(`${file.name} is larger than 128 MB. Split it into smaller files.`);
      return;
    }
    setProblem(null);
    onRead(file, file.name);
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    readFile(event.dataTransfer.files[0]);
  };

  if (state.status === 'parsing') {
    return (
      <Box sx={{ py: 4, maxWidth: 560, mx: 'auto' }}>
        <Typography variant="body1" sx={{ mb: 1.5 }} role="status" aria-live="polite">
          Reading… {formatCount(state.rows)} rows so far
        </Typography>
        <LinearProgress variant="determinate" value={Math.round(state.fraction * 100)} aria-label="Reading the file" />
        <Button sx={{ mt: 2 }} onClick={onCancel}>
          Cancel
        </Button>
      </Box>
    );
  }

  return (
    <Box>
      {(problem ?? (state.status === 'failed' ? state.message : null)) && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          {problem ?? (state.status === 'failed' ? state.message : '')}
        </Alert>
      )}
      <Tabs value={tab} onChange={(_event, value: 'file' | 'paste') => setTab(value)} aria-label="Where the contacts come from" sx={{ mb: 2 }}>
        <Tab value="file" label="Upload a file" id={`${tabsId}-file`} aria-controls={`${tabsId}-file-panel`} />
        <Tab value="paste" label="Paste text" id={`${tabsId}-paste`} aria-controls={`${tabsId}-paste-panel`} />
      </Tabs>
      {tab === 'file' ? (
        <Box
          role="tabpanel"
          id={`${tabsId}-file-panel`}
          aria-labelledby={`${tabsId}-file`}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={drop}
          sx={{
            border: 2,
            borderStyle: 'dashed',
            borderColor: dragging ? 'primary.main' : 'divider',
            borderRadius: 3,
            py: 6,
            px: 2,
            textAlign: 'center',
            bgcolor: dragging ? 'action.hover' : 'transparent',
          }}
        >
          <UploadFileOutlined sx={{ fontSize: 40, color: 'text.secondary' }} />
          <Typography variant="body1" sx={{ mt: 1 }}>
            Drop a CSV file here, or
          </Typography>
          <Button variant="contained" component="label" sx={{ mt: 1.5 }}>
            Choose a CSV file
            <input
              hidden
              type="file"
              accept=".csv,.txt,.tsv,text/csv,text/plain"
              onChange={(event) => {
                readFile(event.target.files?.[0]);
                event.target.value = '';
              }}
            />
          </Button>
          <Typography variant="body2" color="textSecondary" sx={{ mt: 2 }}>
            One contact per row, with a phone number in each. Columns such as First Name, Last Name, Phone Number and Notes are recognised; you can match the
            rest on the next step.
          </Typography>
        </Box>
      ) : (
        <Stack spacing={2} role="tabpanel" id={`${tabsId}-paste-panel`} aria-labelledby={`${tabsId}-paste`}>
          <TextField
            label="Rows to import"
            multiline
            minRows={8}
            maxRows={16}
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder={'First Name,Last Name,Phone Number\nAda,Lovelace,(214) 555-0100'}
            helperText="Copy cells from a spreadsheet, or type rows separated by commas or tabs."
            slotProps={{ htmlInput: { spellCheck: false } }}
            sx={{ '& textarea': { fontFamily: 'monospace', fontSize: 13 } }}
          />
          <Box>
            <Button variant="contained" disabled={text.trim() === ''} onClick={() => onRead(text, 'pasted-contacts.csv')}>
              Read the rows
            </Button>
          </Box>
        </Stack>
      )}
    </Box>
  );
}
