import WarningAmberOutlined from '@mui/icons-material/WarningAmberOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId, type ReactNode } from 'react';
import { lintText, type TextLint, type TextLintContext } from '@contract/text-lints.ts';
import { UnicodeCharacters } from './unicode-characters.tsx';

export interface TextChecksProps {
  /** The text as typed (without anything the service adds). */
  text: string;
  /** Who sends it and whether the service adds its opt-out notice (src/contract/text-lints.ts). */
  context: TextLintContext;
  /** Called with the text once a fix has been applied; the caller puts it in its field (and focuses it). */
  onChange: (text: string) => void;
  /** The heading's level where the panel sits (4 under a step's "Text message" heading). */
  headingLevel?: 3 | 4 | 5;
  /** Where room is short (the inbox reply box, under its thread), the findings scroll beyond this height. */
  maxHeight?: string;
}

function Finding({ lint, children }: { lint: TextLint; children: ReactNode }) {
  return (
    <Box component="li" sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
      <WarningAmberOutlined fontSize="small" color="warning" aria-hidden sx={{ mt: 0.25, flexShrink: 0 }} />
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography variant="body2" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
          {lint.title}
        </Typography>
        {children}
      </Box>
    </Box>
  );
}

/**
 * Under a text's counter: what may stop it arriving or make people ignore it (a shortened link, no sender name,
 * capitals, "!!!", words carriers filter, no way to stop, characters that double its cost), each with why it matters
 * and a one-click fix where one exists. Nothing here blocks sending.
 */
export function TextChecks({ text, context, onChange, headingLevel = 4, maxHeight }: TextChecksProps) {
  const headingId = useId();
  const lints = lintText(text, context);
  if (lints.length === 0) return null;
  return (
    <Box
      component="section"
      aria-labelledby={headingId}
      // A scrolling panel is reachable by keyboard, whether or not a finding has a button.
      tabIndex={maxHeight ? 0 : undefined}
      sx={{ border: 1, borderColor: 'divider', borderRadius: 1, px: 1.5, py: 1, ...(maxHeight && { maxHeight, overflowY: 'auto' }) }}
    >
      <Typography id={headingId} component={`h${headingLevel}`} variant="subtitle2" sx={{ mb: 0.75 }}>
        Before you send: {lints.length === 1 ? '1 suggestion' : `${lints.length} suggestions`}
        <Typography component="span" variant="body2" color="textSecondary">
          {' '}
          (none stops you sending)
        </Typography>
      </Typography>
      <Stack component="ul" spacing={1.25} sx={{ listStyle: 'none', m: 0, p: 0 }}>
        {lints.map((lint) => (
          <Finding key={lint.id} lint={lint}>
            {lint.id === 'unicode' ? (
              // The Unicode panel (decision 0156) says why and replaces each character itself.
              <UnicodeCharacters text={text} onReplace={onChange} bare />
            ) : (
              <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 1.5, rowGap: 0.5 }}>
                <Typography variant="body2" color="textSecondary" sx={{ flex: '1 1 260px' }}>
                  {lint.why}
                </Typography>
                {lint.fix && (
                  <Button size="small" variant="outlined" onClick={() => onChange(lint.fix!.apply(text))} sx={{ flexShrink: 0 }}>
                    {lint.fix.label}
                  </Button>
                )}
              </Box>
            )}
          </Finding>
        ))}
      </Stack>
    </Box>
  );
}
