import { render, screen } from '@testing-library/react';
import { expect, test, vi } from 'vitest';

test('draws again the outline the page was served with, once the page has given its own copy up', async () => {
  document.body.innerHTML = '<div id="root"><div class="first-view"><div role="progressbar" aria-label="Loading Callboard"></div></div></div>';
  vi.resetModules();
  const { FirstView } = await import('./first-view.tsx');
  document.body.innerHTML = '';

  render(<FirstView />);
  expect(screen.getByRole('progressbar', { name: 'Loading Callboard' })).toBeInTheDocument();
});
