import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
/** Tests that restart the collaboration server all the others use. */
const RESTARTS_SHARED_SERVER = /collaboration-server-restarts-mid-session\.spec\.ts/;

/** Browser journeys against a production build (`next build` + `next start`) in the system Chromium. */
export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  workers: 2,
  // One retry on CI, so a run on a busy machine is not lost to a slow moment; a test that
  // needs it is reported as flaky in the output.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: true,
  reporter: [['list']],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts/, use: { ...devices['Desktop Chrome'] } },
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, dependencies: ['setup'], testIgnore: RESTARTS_SHARED_SERVER },
    // After all the others, alone: a test that kills a server every test shares drops the
    // connections of whatever runs beside it. Skipped when a test before it has failed; on
    // its own: `npx playwright test <its file> --no-deps` (it signs in by itself).
    { name: 'restarts', testMatch: RESTARTS_SHARED_SERVER, use: { ...devices['Desktop Chrome'] }, dependencies: ['chromium'] },
  ],
  webServer: {
    command: 'tsx --conditions=react-server scripts/e2e-server.ts',
    url: `http://localhost:${port}/api/health`,
    // Warnings and errors only: a line per request would bury the test report.
    env: { E2E_PORT: String(port), COLLAB_PORT: String(Number(process.env.COLLAB_PORT ?? port + 1)), LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
  },
});
