import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// The files of a worker share one page environment and the libraries' modules (vite.config.ts): each file starts as a
// new tab would, on a clean page with the app's own modules loaded afresh (their state lives once a page load).
vi.resetModules();
localStorage.clear();
sessionStorage.clear();
window.history.replaceState(null, '', '/');
document.title = '';
vi.useRealTimers();

afterEach(() => {
  cleanup();
});
