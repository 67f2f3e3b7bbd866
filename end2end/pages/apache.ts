import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { ROOT } from '../server-env';

/** Debian's Apache httpd, with libapache2-mod-auth-openidc (`cargo xtask setup` installs both). */
export const APACHE_BIN = '/usr/sbin/apache2';
const CONFIG = path.join(ROOT, 'end2end/apache/protected-by-secinfo.conf');
const PAGES = path.join(ROOT, 'end2end/apache/htdocs');

/** An application as secinfo registered it. */
export interface Registered {
  clientId: string;
  clientSecret: string;
}

/**
 * Registers an application through the administrators' API, as the
 * administrator `admin` (signed in with `request`, a context of its own).
 */
export async function registerApplication(
  request: APIRequestContext, baseURL: string, admin: { accountName: string; password: string },
  application: { name: string; redirectUris: string[]; logoutUris?: string[]; backchannelLogoutUri?: string; idTokenAlg?: 'ES256' | 'RS256' },
): Promise<Registered> {
  const csrf = async () => (await (await request.get('/api/session')).json()).csrf_token as string;
  const headers = async () => ({ origin: baseURL, 'x-csrf-token': await csrf() });
  const signedIn = await request.post('/api/session', {
    data: { account_name: admin.accountName, password: admin.password },
    headers: await headers(),
  });
  if (!signedIn.ok()) throw new Error(`the administrator's sign-in: ${signedIn.status()} ${await signedIn.text()}`);
  const registered = await request.post('/api/admin/applications', {
    data: {
      name: application.name,
      redirect_uris: application.redirectUris,
      logout_uris: application.logoutUris ?? [],
      backchannel_logout_uri: application.backchannelLogoutUri ?? null,
      id_token_signed_response_alg: application.idTokenAlg ?? 'ES256',
    },
    headers: await headers(),
  });
  if (!registered.ok()) throw new Error(`registering ${application.name}: ${registered.status()} ${await registered.text()}`);
  const body = await registered.json();
  return { clientId: body.client_id, clientSecret: body.client_secret };
}

/**
 * Apache httpd protecting /protected with mod_auth_openidc, signing its
 * users in through secinfo: a real relying party nobody here wrote. Its
 * page /protected/claims.shtml shows the claims Apache received.
 */
export class ProtectedByApache {
  private constructor(private readonly process: ChildProcess, readonly port: number, private readonly dir: string) {}

  static redirectUri(port: number) {
    return `http://localhost:${port}/protected/redirect_uri`;
  }

  /** Where Apache takes back-channel logouts (mod_auth_openidc's own). */
  static backchannelLogoutUri(port: number) {
    return `http://localhost:${port}/protected/redirect_uri?logout=backchannel`;
  }

  /** Where Apache asks secinfo to send the person once signed out. */
  static signedOutUri(port: number) {
    return `http://localhost:${port}/signed-out.html`;
  }

  static async start(options: { port: number; issuer: string; client: Registered }): Promise<ProtectedByApache> {
    // Apache reads its pages as www-data: a folder anybody may read.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secinfo-apache-'));
    fs.chmodSync(dir, 0o755);
    fs.cpSync(PAGES, path.join(dir, 'htdocs'), { recursive: true });
    const child = spawn(APACHE_BIN, ['-f', CONFIG, '-DFOREGROUND'], {
      env: {
        ...process.env,
        APACHE_DIR: dir,
        APACHE_PORT: String(options.port),
        SECINFO_ISSUER: options.issuer,
        OIDC_CLIENT_ID: options.client.clientId,
        OIDC_CLIENT_SECRET: options.client.clientSecret,
        OIDC_CRYPTO_PASSPHRASE: Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', chunk => { stderr += chunk; });
    const apache = new ProtectedByApache(child, options.port, dir);
    const deadline = Date.now() + 15_000;
    for (;;) {
      if (child.exitCode !== null) {
        throw new Error(`Apache stopped (${child.exitCode}): ${stderr}${apache.errorLog()}`);
      }
      try {
        await fetch(`http://127.0.0.1:${options.port}/`);
        return apache;
      } catch {
        if (Date.now() > deadline) throw new Error(`Apache did not listen: ${stderr}${apache.errorLog()}`);
        await new Promise(resolve => setTimeout(resolve, 100));
      }
    }
  }

  url(pathname: string) {
    return `http://localhost:${this.port}${pathname}`;
  }

  /** What Apache logged: told when a test fails. */
  errorLog(): string {
    try {
      return fs.readFileSync(path.join(this.dir, 'error.log'), 'utf8');
    } catch {
      return '';
    }
  }

  async stop() {
    if (this.process.exitCode === null) {
      const exited = new Promise(resolve => this.process.once('exit', resolve));
      this.process.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
