import { availableParallelism } from 'node:os';
import { defineConfig, devices } from '@playwright/test';

/** Where the project servers listen: documented-only and real-shape. Each worker starts its own main server (e2e/fixtures.ts). */
const PORT = Number(process.env.E2E_PORT ?? 4319);
/** The sandbox that has only the routes a public source documents (decision 0130), on a port of its own. */
const DOCUMENTED_ONLY_PORT = PORT + 2;
const documentedOnlyURL = `http://127.0.0.1:${DOCUMENTED_ONLY_PORT}`;
/** Our server against the real-shape stand-in (decision 0093), on a port of its own. */
const REAL_SHAPE_PORT = PORT + 4;
const realShapeURL = `http://127.0.0.1:${REAL_SHAPE_PORT}`;
const chromium = {
  ...devices['Desktop Chrome'],
  viewport: { width: 1366, height: 860 },
  launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
};

/**
 * e2e runs against the real server (built SPA, signed requests) on a fresh in-memory sandbox with the demo data.
 * Debian's Chromium is launched directly: Playwright's own browser download is not reachable here.
 */
export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  // No retries: a test that passes only on a second try hides a bug in the test or the product.
  retries: 0,
  // Each worker has a server and sandbox of its own (e2e/fixtures.ts): the workers never share data. A worker keeps
  // about two cores busy (Chromium, our server, its sandbox): on 2 cores, two workers took 1,363 s in a clean-clone run,
  // one worker 1,226 s and 1,376 s in two others; no gain.
  workers: Number(process.env.PW_WORKERS ?? Math.max(1, Math.floor(availableParallelism() / 2))),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: ['documented-only.spec.ts', 'undo-window-documented-only.spec.ts', 'real-shape.spec.ts', 'record-by-phone.spec.ts'],
      use: chromium,
    },
    {
      // Moves its sandbox's clock by a day, which ends the demo's running broadcasts that other specs read: its
      // worker's server is used by nothing else.
      name: 'after-the-clock-moves',
      testMatch: ['record-by-phone.spec.ts'],
      use: chromium,
    },
    {
      name: 'documented-only',
      testMatch: ['documented-only.spec.ts', 'quiet-hours.spec.ts', 'undo-window-documented-only.spec.ts', 'double-send.spec.ts'],
      use: { ...chromium, baseURL: documentedOnlyURL },
      // One server for the project: its files take turns.
      workers: 1,
    },
    {
      name: 'real-shape',
      testMatch: ['real-shape.spec.ts'],
      use: { ...chromium, baseURL: realShapeURL },
      workers: 1,
    },
  ],
  webServer: [
    {
      command: 'node dist-server/start.mjs',
      url: `${documentedOnlyURL}/api/health`,
      env: {
        PORT: String(DOCUMENTED_ONLY_PORT),
        HOST: '127.0.0.1',
        SANDBOX_DB: ':memory:',
        SANDBOX_CLOCK_SPEED: '1',
        SANDBOX_DOCUMENTED_ONLY: 'true',
        LOG_LEVEL: 'warn',
      },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
    },
    {
      // The sandbox, the real-shape stand-in in front of it, and the built server pointed at the stand-in.
      command: 'node --import tsx server/testing/real-shape-server.ts',
      url: `${realShapeURL}/api/health`,
      env: { PORT: String(REAL_SHAPE_PORT), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
      reuseExistingServer: false,
      timeout: 90_000,
      stdout: 'pipe',
    },
  ],
});
