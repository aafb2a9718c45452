import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useDocumentTitle } from '@/hooks/use-document-title.ts';

export interface PageContainerProps {
  title: string;
  /** A line under the title saying what the page is for. */
  description?: ReactNode;
  /** Buttons at the right of the title (the page's main actions). */
  actions?: ReactNode;
  /** Above the title, e.g. a back link. */
  eyebrow?: ReactNode;
  children: ReactNode;
}

/** The anatomy every page shares: one h1, a description, actions, then the content. */
export function PageContainer({ title, description, actions, eyebrow, children }: PageContainerProps) {
  useDocumentTitle(title);
  return (
    <Box component="section" aria-labelledby="page-title" sx={{ maxWidth: 1440, mx: 'auto', width: '100%' }}>
      {eyebrow && <Box sx={{ mb: 1 }}>{eyebrow}</Box>}
      <Stack
        direction={{ xs: 'column', sm: 'row' }}
        spacing={2}
        sx={{ mb: 3, alignItems: { xs: 'stretch', sm: 'flex-start' }, justifyContent: 'space-between' }}
      >
        <Box sx={{ minWidth: 0 }}>
          <Typography id="page-title" variant="h1" tabIndex={-1} sx={{ outline: 'none' }}>
            {title}
          </Typography>
          {description && (
            <Typography variant="body2" color="textSecondary" sx={{ mt: 0.5 }}>
              {description}
            </Typography>
          )}
        </Box>
        {actions && (
          <Stack direction="row" spacing={1} sx={{ flexShrink: 0, flexWrap: 'wrap', rowGap: 1 }}>
            {actions}
          </Stack>
        )}
      </Stack>
      {children}
    </Box>
  );
}
