import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's nginx (package `nginx-light`). */
export const NGINX = '/usr/sbin/nginx';

/**
 * The proxy lines of docs/deployment.md: nginx overwrites X-Forwarded-For with the address it
 * saw (so a client cannot add addresses of its own) and says the request came over https (in
 * production nginx terminates TLS in this server block).
 */
export function nginxLocation(upstream: string): string {
  return `location / {
        proxy_pass ${upstream};
        proxy_http_version 1.1;
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $remote_addr;
        proxy_set_header X-Forwarded-Proto https;
        client_max_body_size 25m;
        proxy_read_timeout 300s;
    }`;
}

/** A running nginx and how to stop it. */
export type NginxProcess = { address: string; child: ChildProcess; stop: () => Promise<void> };

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

/**
 * Starts nginx in the foreground in front of `upstream` with its own configuration, pid, log and
 * temporary folders in a fresh folder (no root-owned path is touched), on a free port of
 * 127.0.0.1; resolves once it accepts connections.
 */
export async function startNginx(upstream: string): Promise<NginxProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'plantrack-nginx-'));
  // nginx's workers run as an unprivileged user when it is started as root: they must reach the temp folders.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
    access_log off;
    client_body_temp_path ${dir}/client_body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
    server {
    listen 127.0.0.1:${port};
    ${nginxLocation(upstream)}
    }
}
`,
  );
  const child = spawn(NGINX, ['-p', dir, '-e', join(dir, 'error.log'), '-c', conf], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      resolve();
    }),
  );
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10_000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      const log = readFileSync(join(dir, 'error.log'), { encoding: 'utf8', flag: 'a+' });
      await stop();
      throw new Error(`nginx did not start.\nstderr: ${stderr}\nerror.log: ${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { address: `http://127.0.0.1:${port}`, child, stop };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      resolve(false);
    });
  });
}
