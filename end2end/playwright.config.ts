import { defineConfig } from '@playwright/test';
import { PORT, SERVER_BIN, SERVER_ENV, SERVER_LOG } from './server-env';

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    // localhost, not 127.0.0.1: WebAuthn needs it as the RP id.
    baseURL: `http://localhost:${PORT}`,
    locale: 'en-US',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    },
  },
  webServer: {
    // Through a shell, so that its log goes to a file of the run (S43).
    command: `exec '${SERVER_BIN}' >> '${SERVER_LOG}' 2>&1`,
    url: `http://localhost:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'ignore',
    env: SERVER_ENV,
  },
});
