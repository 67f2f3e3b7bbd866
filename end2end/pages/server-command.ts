import { execFileSync } from 'node:child_process';
import { SERVER_BIN, SERVER_ENV } from '../server-env';

/** What `secinfo-server bootstrap` printed for the operator to hand on. */
export interface Bootstrapped {
  pass: string;
  signInAddress: string;
  output: string;
}

/**
 * Runs `secinfo-server bootstrap` with `args`, as a deployment runs it beside
 * its server: the same binary and settings, on the test server's database.
 */
export function bootstrap(args: string[]): Bootstrapped {
  const output = execFileSync(SERVER_BIN, ['bootstrap', ...args], {
    env: { ...process.env, ...SERVER_ENV },
    encoding: 'utf8',
    // A refusal's words end up in the thrown error, not in the test's output.
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pass = /temporary access pass:\s+(\S+)/.exec(output)?.[1];
  const signInAddress = /sign in at:\s+(\S+)/.exec(output)?.[1];
  if (!pass || !signInAddress) throw new Error(`bootstrap printed no pass:\n${output}`);
  return { pass, signInAddress, output };
}

/** A new organization's domain and first administrator, unique to a test. */
export function newOrganization() {
  const id = Math.random().toString(36).slice(2, 10);
  const domain = `org-${id}.example`;
  return { domain, admin: `megan.bowen@${domain}`, displayName: 'Megan Bowen' };
}
