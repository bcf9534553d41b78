import { type ChildProcess, spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';

/** The built `plantrack` command; tests that run the real process need `npm run build` first. */
export const CLI_MAIN = fileURLToPath(new URL('../../../cli/dist/main.js', import.meta.url));

/**
 * Where the process keeps its data: a SQLite folder or a PostgreSQL URL (with a folder for the
 * evidence files, which are never in the database).
 */
export type ServeStore = { dataDir: string } | { databaseUrl: string; dataDir?: string };

/** A running `plantrack serve` process. */
export type ServeProcess = {
  address: string;
  /** Printed on the first start of an empty database only. */
  firstAdmin: { email: string; password: string } | null;
  child: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Everything the process printed so far on standard output (its log lines included). */
  output: () => string;
  /** Everything it printed so far on standard error. */
  errorOutput: () => string;
};

const LISTENING = /PlanTrack is listening: (\S+)/;
const FIRST_ADMIN = /First administrator: (\S+)\s+密码 \/ password: (\S+)/;

/**
 * Starts `node packages/cli/dist/main.js serve --port 0` on the store and resolves once it prints
 * its address (and, with `expectFirstAdmin`, the first administrator's password). The request log
 * is silent unless `logLevel` (or PLANTRACK_LOG_LEVEL) asks for it; `args` are further options.
 */
export function startServeProcess(
  store: ServeStore,
  options: {
    expectFirstAdmin: boolean;
    timeoutMs?: number;
    logLevel?: string;
    args?: readonly string[];
    env?: Record<string, string>;
  },
): Promise<ServeProcess> {
  const env = { ...process.env, ...options.env };
  delete env.DATABASE_URL;
  delete env.PLANTRACK_DATA_DIR;
  const args = [CLI_MAIN, 'serve', '--port', '0', '--host', '127.0.0.1', ...(options.args ?? [])];
  const logLevel = options.logLevel ?? env.PLANTRACK_LOG_LEVEL ?? 'silent';
  args.push('--log-level', logLevel);
  if (store.dataDir !== undefined) args.push('--data-dir', store.dataDir);
  if ('databaseUrl' in store) env.DATABASE_URL = store.databaseUrl;
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      resolve(code);
    });
  });
  let stdout = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    // Start-up imports the sample plan and hashes a password: seconds, more on a busy machine.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`plantrack serve did not start in time.\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, options.timeoutMs ?? 90_000);
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const address = LISTENING.exec(stdout)?.[1];
      const admin = FIRST_ADMIN.exec(stdout);
      if (address === undefined || (options.expectFirstAdmin && admin === null)) return;
      clearTimeout(timer);
      const firstAdmin =
        admin?.[1] === undefined || admin[2] === undefined ? null : { email: admin[1], password: admin[2] };
      resolve({ address, firstAdmin, child, exited, output: () => stdout, errorOutput: () => stderr });
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(
        new Error(`plantrack serve exited (${code}) before listening.\nstdout: ${stdout}\nstderr: ${stderr}`),
      );
    });
  });
}

/** An HTTP answer: status, parsed JSON body (or the text), and the Set-Cookie values. */
export type HttpAnswer = { status: number; body: unknown; cookies: string[] };

/**
 * One HTTP request on its own connection (no keep-alive, so a killed server fails every request
 * still in flight). Rejects on socket errors: the request was not acknowledged.
 */
export function httpJson(
  address: string,
  input: {
    method: string;
    path: string;
    headers?: Record<string, string>;
    body?: unknown;
    /** A body sent as it is, with its content type (a multipart upload), instead of JSON. */
    raw?: { bytes: Buffer; contentType: string };
    /** The client's own address (e.g. `127.0.0.2`, another loopback address than the server's). */
    localAddress?: string;
  },
): Promise<HttpAnswer> {
  const url = new URL(input.path, address);
  const payload =
    input.raw?.bytes ?? (input.body === undefined ? undefined : Buffer.from(JSON.stringify(input.body)));
  const contentType = input.raw?.contentType ?? 'application/json';
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method: input.method,
        agent: false,
        ...(input.localAddress === undefined ? {} : { localAddress: input.localAddress }),
        headers: {
          ...(payload === undefined ? {} : { 'content-type': contentType, 'content-length': payload.length }),
          ...input.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = JSON.parse(text) as unknown;
          } catch {
            // Not JSON: keep the text.
          }
          resolve({ status: res.statusCode ?? 0, body, cookies: res.headers['set-cookie'] ?? [] });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Signs in with e-mail and password and issues an API token (`POST /api/me/tokens`). */
export async function issueApiToken(address: string, email: string, password: string): Promise<string> {
  const signIn = await httpJson(address, {
    method: 'POST',
    path: '/api/auth/sign-in',
    body: { email, password },
  });
  if (signIn.status !== 200)
    throw new Error(`sign-in failed: ${signIn.status} ${JSON.stringify(signIn.body)}`);
  const { csrfToken } = signIn.body as { csrfToken: string };
  const cookie = signIn.cookies.map((c) => c.split(';')[0]).join('; ');
  const issued = await httpJson(address, {
    method: 'POST',
    path: '/api/me/tokens',
    headers: { cookie, 'x-csrf-token': csrfToken },
    body: { name: 'durability test' },
  });
  if (issued.status !== 201) throw new Error(`token failed: ${issued.status} ${JSON.stringify(issued.body)}`);
  return (issued.body as { token: string }).token;
}
