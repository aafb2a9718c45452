/// <reference types="vitest/config" />
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { firstViewPlugin } from './scripts/first-view-plugin.ts';

const apiPort = Number(process.env.API_PORT ?? 8081);

export default defineConfig({
  plugins: [react(), firstViewPlugin()],
  resolve: {
    alias: {
      '@contract': fileURLToPath(new URL('./src/contract', import.meta.url)),
      '@': fileURLToPath(new URL('./src', import.meta.url)),
    },
  },
  html: {
    // The server replaces this placeholder with a fresh nonce per response (Content-Security-Policy).
    cspNonce: '__CSP_NONCE__',
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    // Never inline assets as data: URLs (the CSP allows fonts and images from our own origin only).
    assetsInlineLimit: 0,
    rolldownOptions: {
      treeshake: { manualPureFunctions: ['z'] },
      output: {
        // Everything the first page needs before it renders goes in one file: one request, one compression window.
        codeSplitting: {
          groups: [
            { name: 'app', tags: ['$initial'], priority: 2 },
            // The page a signed-in visit lands on comes in one file with all it needs (27 files before): over HTTP/1.1's
            // six connections that is one round trip instead of five. Other pages share what they need from it.
            { name: 'broadcast-list-page', test: /broadcast-list-page\.tsx$/, priority: 1 },
            // What the home's route needs to ask for its broadcasts comes apart from the page, so the request goes out
            // while the page's file is still on its way.
            { name: 'broadcast-list-state', test: /broadcast-list-state\.ts$/, priority: 2 },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': { target: `http://127.0.0.1:${apiPort}`, changeOrigin: false } },
  },
  test: {
    // A global a test stubs (fetch, matchMedia, URL) is put back after it, without each file saying so.
    unstubGlobals: true,
    // One worker a core (vitest's default leaves one core out): most server tests wait on a server, a thread or a timer.
    maxWorkers: availableParallelism(),
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['server/**/*.test.ts'],
          // The files share their worker's loaded modules (lint keeps vi.mock out of them): importing the server and
          // the sandbox again for each file took a third of the run. Each test builds the servers and databases it uses.
          isolate: false,
          // Many files start our server, whose sandbox starts in a fresh thread with cold code: room on a busy machine.
          hookTimeout: 30_000,
          // The simulator's tests play whole broadcasts through a seeded sandbox: seconds each, more on a busy machine.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'app',
          environment: 'happy-dom',
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['./src/testing/setup-tests.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'bench',
          environment: 'node',
          include: ['bench/**/*.test.ts'],
          exclude: ['bench/.cache/**', 'bench/floor/**'],
          // Each test runs a bench-like run in a process of its own and waits for it to end everything.
          testTimeout: 60_000,
        },
      },
    ],
  },
});
