import ArrowBackOutlined from '@mui/icons-material/ArrowBackOutlined';
import Link from '@mui/material/Link';
import { Link as RouterLink } from 'react-router';
import { paths } from '@/config/paths.ts';

/** The link above a list's title back to all lists. */
export function BackToLists() {
  return (
    <Link component={RouterLink} to={paths.lists.list.href()} underline="hover" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
      <ArrowBackOutlined fontSize="small" /> Lists
    </Link>
  );
}
