import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_PG_URL, forEachDialect } from '../../db/src/testing/dialects.js';
import { NGINX, type NginxProcess, startNginx } from './testing/nginx-process.js';
import {
  CLI_MAIN,
  type HttpAnswer,
  type ServeProcess,
  type ServeStore,
  httpJson,
} from './testing/serve-process.js';
import { startServeProcess } from './testing/serve-process.js';

/**
 * Behind a real nginx (Debian's nginx-light, started by the test with its own configuration):
 * the built `plantrack serve --trust-proxy 127.0.0.1` counts sign-in attempts per real client —
 * the address nginx saw, passed on in X-Forwarded-For — and failures per account across clients;
 * cookies are Secure when nginx says https; a client that reaches the server directly and forges
 * the same headers is not believed. Test clients use different loopback addresses (127.0.0.x).
 */
const SIGN_IN = '/api/auth/sign-in';

if (!existsSync(CLI_MAIN) || !existsSync(NGINX)) {
  console.warn(
    `proxy.int.test.ts skipped: needs ${CLI_MAIN} (npm run build) and ${NGINX} (apt-get install nginx-light).`,
  );
}

function signIn(
  address: string,
  from: string,
  body: { email: string; password: string },
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  return httpJson(address, { method: 'POST', path: SIGN_IN, body, localAddress: from, headers });
}

function codeOf(answer: HttpAnswer): string {
  return (answer.body as { code?: string }).code ?? '';
}

describe.skipIf(!existsSync(CLI_MAIN) || !existsSync(NGINX))('behind nginx', () => {
  forEachDialect((dialect, open) => {
    let server: ServeProcess | undefined;
    let nginx: NginxProcess | undefined;
    afterAll(async () => {
      await nginx?.stop();
      server?.child.kill('SIGTERM');
      await server?.exited;
    });

    it('limits sign-ins per real client and per account, marks cookies Secure, ignores forged headers', async () => {
      const handle = await open();
      const store: ServeStore =
        dialect === 'sqlite'
          ? { dataDir: dirname(handle.location) }
          : {
              databaseUrl: Object.assign(new URL(TEST_PG_URL), {
                pathname: new URL(handle.location).pathname,
              }).href,
            };
      server = await startServeProcess(store, {
        expectFirstAdmin: true,
        logLevel: 'info',
        args: ['--trust-proxy', '127.0.0.1'],
      });
      nginx = await startNginx(server.address);
      const admin = server.firstAdmin;
      if (admin === null) throw new Error('The first start should print the first administrator.');
      const proxy = nginx.address;

      // Through nginx, which says https: both cookies are Secure.
      const viaProxy = await signIn(proxy, '127.0.0.2', admin);
      expect(viaProxy.status).toBe(200);
      expect(viaProxy.cookies).toHaveLength(2);
      for (const c of viaProxy.cookies) expect(c).toMatch(/;\s*Secure/i);
      // Straight to the server from an address that is not the proxy: the forged https is not believed.
      const forgedProto = await signIn(server.address, '127.0.0.6', admin, {
        'x-forwarded-proto': 'https',
        'x-forwarded-for': '127.0.0.2',
      });
      expect(forgedProto.status).toBe(200);
      for (const c of forgedProto.cookies) expect(c).not.toMatch(/Secure/i);

      // Client A fails ten times (ten different unknown accounts): A alone is refused ...
      for (let i = 0; i < 10; i += 1) {
        const failed = await signIn(proxy, '127.0.0.3', {
          email: `nobody-${i}@test.local`,
          password: 'wrong',
        });
        expect(failed.status).toBe(401);
      }
      const eleventh = await signIn(proxy, '127.0.0.3', { email: 'nobody-10@test.local', password: 'wrong' });
      expect([eleventh.status, codeOf(eleventh)]).toEqual([429, 'rate-limited']);
      // ... and client B, behind the same proxy, still signs in.
      const other = await signIn(proxy, '127.0.0.2', admin);
      expect(other.status).toBe(200);

      // A client talking to the server directly cannot escape its limit by forging X-Forwarded-For.
      for (let i = 0; i < 10; i += 1) {
        const failed = await signIn(
          server.address,
          '127.0.0.5',
          { email: `forger-${i}@test.local`, password: 'wrong' },
          { 'x-forwarded-for': `203.0.113.${i + 1}` },
        );
        expect(failed.status).toBe(401);
      }
      const forged = await signIn(
        server.address,
        '127.0.0.5',
        { email: 'forger-10@test.local', password: 'wrong' },
        { 'x-forwarded-for': '203.0.113.99' },
      );
      expect([forged.status, codeOf(forged)]).toEqual([429, 'rate-limited']);

      // Ten failures on one account from two clients lock that account for everyone, even with
      // the right password, while neither client reached its own address limit.
      for (const from of ['127.0.0.2', '127.0.0.4']) {
        for (let i = 0; i < 5; i += 1) {
          const failed = await signIn(proxy, from, { email: admin.email, password: 'wrong' });
          expect(failed.status).toBe(401);
        }
      }
      const locked = await signIn(proxy, '127.0.0.4', admin);
      expect([locked.status, codeOf(locked)]).toEqual([429, 'account-rate-limited']);
      const stillOpen = await signIn(proxy, '127.0.0.4', { email: 'someone-else@test.local', password: 'x' });
      expect(stillOpen.status).toBe(401);

      // The request log: one JSON line per request with id, route, status, user and time, and
      // never a password or a session cookie.
      const logText = server
        .output()
        .split('\n')
        .filter((l) => l.startsWith('{'));
      const lines = logText.map((l) => JSON.parse(l) as Record<string, unknown>);
      const signedIn = lines.find((l) => l.route === SIGN_IN && l.status === 200);
      expect(signedIn).toMatchObject({ level: 30, method: 'POST', url: SIGN_IN, userId: null });
      expect(typeof signedIn?.reqId).toBe('string');
      expect(typeof signedIn?.ms).toBe('number');
      const sessionId = /pt_session=([^;]+)/.exec(viaProxy.cookies.join(';'))?.[1] ?? '';
      expect(sessionId).not.toBe('');
      expect(logText.join('\n')).not.toContain(sessionId);
      expect(logText.join('\n')).not.toContain(admin.password);
    });
  });
});
