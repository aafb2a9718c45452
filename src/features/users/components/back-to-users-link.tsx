import ArrowBack from '@mui/icons-material/ArrowBack';
import Button from '@mui/material/Button';
import { Link as RouterLink } from 'react-router';
import { paths } from '@/config/paths.ts';

export function BackToUsersLink() {
  return (
    <Button component={RouterLink} to={paths.users.list.href()} startIcon={<ArrowBack />} size="small" sx={{ ml: -1 }}>
      Users
    </Button>
  );
}
