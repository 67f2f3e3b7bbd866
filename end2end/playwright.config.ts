import { defineConfig } from '@playwright/test';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// The real server (the binary `cargo xtask test` built) on a fresh SQLite
// database, in test mode: demo seed on, the user-fixtures API mounted.
const PORT = 8090;
process.env.SECINFO_E2E_DATA ??= fs.mkdtempSync(path.join(os.tmpdir(), 'secinfo-e2e-'));
const root = path.resolve(__dirname, '..');

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
    command: process.env.SECINFO_SERVER_BIN ?? path.join(root, 'target/debug/secinfo-server'),
    url: `http://localhost:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      SECINFO_MODE: 'test',
      SECINFO_DEMO_SEED: 'true',
      SECINFO_COOKIE_SECURE: 'false',
      SECINFO_BIND: `127.0.0.1:${PORT}`,
      SECINFO_PUBLIC_ORIGIN: `http://localhost:${PORT}`,
      SECINFO_DATABASE_URL: `sqlite://${process.env.SECINFO_E2E_DATA}/e2e.db`,
      SECINFO_STATIC_DIR: process.env.SECINFO_DIST ?? path.join(root, 'dist'),
      // Few wrong passwords per account, so the throttling test is short;
      // many per address, since every test signs in from 127.0.0.1.
      SECINFO_SIGNIN__ACCOUNT_FAILURES: '3',
      SECINFO_SIGNIN__ADDRESS_FAILURES: '10000',
      RUST_LOG: 'warn',
    },
  },
});
