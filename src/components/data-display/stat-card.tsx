import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

export interface StatCardProps {
  label: string;
  value: ReactNode;
  /** A line under the value ("42% of 1,764"). */
  hint?: ReactNode;
  /** Below the hint: a progress bar, say. */
  footer?: ReactNode;
  /** A colour swatch beside the label, matching a chart. */
  accent?: string;
  /** Makes the card a button (e.g. "show these numbers"); `selected` marks the one in effect. */
  onClick?: () => void;
  selected?: boolean;
  /** A smaller value, for long ones such as dates. */
  dense?: boolean;
}

/** One headline figure. A clickable one is a toggle button (its name is its label and value) that shows when it is in effect. */
export function StatCard({ label, value, hint, footer, accent, onClick, selected = false, dense = false }: StatCardProps) {
  // Inside a button only phrasing content is valid: a clickable card is made of spans, a plain one has a heading.
  const inline = onClick !== undefined;
  const content = (
    <CardContent component={inline ? 'span' : 'div'} sx={{ height: '100%', display: 'block' }}>
      <Box component="span" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        {accent && <Box component="span" aria-hidden sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: accent, flexShrink: 0 }} />}
        <Typography variant="overline" color="textSecondary" component={inline ? 'span' : 'h3'} sx={{ lineHeight: 1.6 }}>
          {label}
        </Typography>
      </Box>
      <Typography
        component={inline ? 'span' : 'p'}
        sx={{ display: 'block', fontSize: dense ? '1.25rem' : '1.75rem', fontWeight: 600, lineHeight: dense ? 1.5 : 1.25, mt: 0.25 }}
      >
        {value}
      </Typography>
      {hint && (
        <Typography variant="body2" color="textSecondary" component={inline ? 'span' : 'div'} sx={{ display: 'block', mt: 0.5 }}>
          {hint}
        </Typography>
      )}
      {footer && (
        <Box component="span" sx={{ display: 'block', mt: 1.5 }}>
          {footer}
        </Box>
      )}
    </CardContent>
  );
  return (
    <Card
      sx={{
        height: '100%',
        ...(selected && { borderColor: 'primary.main', boxShadow: (theme) => `inset 0 0 0 1px ${theme.vars?.palette.primary.main}` }),
      }}
    >
      {onClick ? (
        <CardActionArea onClick={onClick} aria-pressed={selected} sx={{ height: '100%', alignItems: 'stretch' }}>
          {content}
        </CardActionArea>
      ) : (
        content
      )}
    </Card>
  );
}
