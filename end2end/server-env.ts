import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// The real server (the binary `cargo xtask test` built) on a fresh SQLite
// database, in test mode: demo seed on, the user-fixtures API mounted. The
// server's commands (`bootstrap`) run with the same settings, on the same
// database, as a deployment runs them beside its server.
export const PORT = 8090;
process.env.SECINFO_E2E_DATA ??= fs.mkdtempSync(path.join(os.tmpdir(), 'secinfo-e2e-'));
export const ROOT = path.resolve(__dirname, '..');
export const SERVER_BIN = process.env.SECINFO_SERVER_BIN ?? path.join(ROOT, 'target/debug/secinfo-server');

export const SERVER_ENV: Record<string, string> = {
  SECINFO_MODE: 'test',
  SECINFO_DEMO_SEED: 'true',
  SECINFO_COOKIE_SECURE: 'false',
  SECINFO_BIND: `127.0.0.1:${PORT}`,
  SECINFO_PUBLIC_ORIGIN: `http://localhost:${PORT}`,
  SECINFO_DATABASE_URL: `sqlite://${process.env.SECINFO_E2E_DATA}/e2e.db`,
  SECINFO_STATIC_DIR: process.env.SECINFO_DIST ?? path.join(ROOT, 'dist'),
  // Few wrong passwords per account, so the throttling test is short;
  // many per address, since every test signs in from 127.0.0.1.
  SECINFO_SIGNIN__ACCOUNT_FAILURES: '3',
  SECINFO_SIGNIN__ADDRESS_FAILURES: '10000',
  // The JSON log of every request, searched after the run for every
  // secret the run used (S43, `end2end/logs/s43_log_check.py`).
  SECINFO_LOG__FORMAT: 'json',
  RUST_LOG: 'info,sqlx=warn',
};

/// Where the server's log goes (the webServer command appends to it).
export const SERVER_LOG = path.join(process.env.SECINFO_E2E_DATA, 'server.log');
