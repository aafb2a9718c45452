import LinearProgress from '@mui/material/LinearProgress';

/** The bar under the top bar while the next page loads. */
export function NavigationProgress() {
  return <LinearProgress aria-label="Loading page" sx={{ position: 'sticky', top: 64, zIndex: 1 }} />;
}
