import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { useUploadAudio } from '@/api/resources/audio/audio-mutations.ts';
import { audioNameOfFile, type Audio } from '@contract/audio.ts';
import { formatBytes } from '@/utils/format-bytes.ts';
import { ACCEPTED_AUDIO, audioFileProblem } from '@/utils/audio-files.ts';

export interface UploadDialogProps {
  open: boolean;
  onClose: () => void;
  onUploaded: (item: Audio) => void;
}

/** Uploads a WAV or MP3 recording; it can be heard before it is sent. */
export function UploadDialog({ open, onClose, onUploaded }: UploadDialogProps) {
  const titleId = useId();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const upload = useUploadAudio();
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [previewUrl, setPreviewUrl] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  // The preview's object URL lives until another file is chosen or the dialog closes.
  useEffect(
    () => () => {
      if (previewUrl) URL.revokeObjectURL(previewUrl);
    },
    [previewUrl],
  );

  const choose = (chosen: File | undefined) => {
    if (!chosen) return;
    const chosenProblem = audioFileProblem(chosen);
    // What went wrong with the last file (here or at the server) is about that file, not this one.
    upload.reset();
    setFile(chosen);
    setName(audioNameOfFile(chosen.name));
    setProblem(chosenProblem);
    setPreviewUrl(chosenProblem ? null : URL.createObjectURL(chosen));
  };

  const close = () => {
    setFile(null);
    setPreviewUrl(null);
    setName('');
    setProblem(null);
    upload.reset();
    onClose();
  };

  const send = () => {
    if (!file) {
      setProblem('Choose a WAV or MP3 file.');
      return;
    }
    if (problem) return;
    upload.mutate(
      { file, name: name.trim() || undefined },
      {
        onSuccess: (item) => {
          onUploaded(item);
          close();
        },
      },
    );
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files[0]);
  };

  return (
    <Dialog open={open} onClose={close} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>Upload audio</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {upload.isError && (
            <Alert severity="error" role="alert">
              {upload.error.message}
            </Alert>
          )}
          <Box
            onDragOver={(event) => {
              event.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
            sx={{
              border: 2,
              borderStyle: 'dashed',
              borderColor: problem ? 'error.main' : dragging ? 'primary.main' : 'divider',
              borderRadius: 2,
              p: 3,
              textAlign: 'center',
              bgcolor: dragging ? 'action.hover' : 'transparent',
            }}
          >
            <UploadFileOutlined color="action" sx={{ fontSize: 36 }} />
            <Typography variant="body2" color="textSecondary" sx={{ mt: 1, mb: 1.5 }}>
              Drop a WAV or MP3 file here, or
            </Typography>
            <input
              ref={inputRef}
              id={inputId}
              type="file"
              accept={ACCEPTED_AUDIO}
              hidden
              aria-label="Audio file"
              onChange={(event) => {
                choose(event.target.files?.[0]);
                event.target.value = '';
              }}
            />
            <Button variant="outlined" onClick={() => inputRef.current?.click()}>
              Choose a file
            </Button>
            {file && (
              <Typography variant="body2" sx={{ mt: 1.5 }}>
                {file.name} · {formatBytes(file.size)}
              </Typography>
            )}
            {problem && (
              <Typography variant="body2" color="error" role="alert" sx={{ mt: 1 }}>
                {problem}
              </Typography>
            )}
          </Box>
          {previewUrl && <Box component="audio" controls src={previewUrl} aria-label="Listen before uploading" sx={{ width: '100%' }} />}
          <TextField
            label="Name in the library"
            value={name}
            onChange={(event) => setName(event.target.value)}
            slotProps={{ htmlInput: { maxLength: 100 } }}
            helperText="The file name unless you type another"
          />
          <Typography variant="body2" color="textSecondary">
            The length is read from the file itself. Each connected call costs a credit per started 30 seconds played.
          </Typography>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>Cancel</Button>
        <Button variant="contained" onClick={send} loading={upload.isPending}>
          Upload
        </Button>
      </DialogActions>
    </Dialog>
  );
}
