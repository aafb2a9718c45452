import Button from '@mui/material/Button';
import { Link as RouterLink } from 'react-router-dom';
import { EmptyState } from '@/components/feedback/empty-state.tsx';
import { PageContainer } from '@/components/layout/page-container.tsx';
import { paths } from '@/config/paths.ts';

export function NotFoundPage() {
  return (
    <PageContainer title="Page not found">
      <EmptyState
        title="There is nothing at this address."
        description="The link may be old, or the page may have moved."
        action={
          <Button variant="contained" component={RouterLink} to={paths.home.href()}>
            Go to the home page
          </Button>
        }
      />
    </PageContainer>
  );
}
