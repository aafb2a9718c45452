import Badge from '@mui/material/Badge';

/** The count at the end of a navigation item; nothing when it is zero. */
export function NavigationBadge({ count }: { count: number }) {
  if (!count) return null;
  return <Badge badgeContent={count} color="primary" max={999} sx={{ mr: 1.5 }} slotProps={{ badge: { 'aria-label': `${count} unread` } }} />;
}
