// The benchmarked server in a worker thread, and an API token for the load it is put under. Shared by
// bench:api and bench:projects so both measure the server the same way.
import { Worker } from 'node:worker_threads';
import { BENCH_EMAIL, BENCH_PASSWORD } from './dataset.mjs';

/** Starts the server on the store (`openOptions`) in a worker; resolves with its address and a close(). */
export function startServer(openOptions) {
  const worker = new Worker(new URL('./server-worker.mjs', import.meta.url), {
    workerData: { openOptions },
  });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', ({ address }) =>
      resolve({
        address,
        close: () =>
          new Promise((done) => {
            worker.once('message', () => worker.terminate().then(done));
            worker.postMessage('close');
          }),
      }),
    );
  });
}

/** Signs in as the benchmark user and issues an API token named `name` through POST /api/me/tokens. */
export async function apiToken(address, name) {
  const signIn = await fetch(`${address}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: BENCH_EMAIL, password: BENCH_PASSWORD }),
  });
  if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
  const { csrfToken } = await signIn.json();
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const issued = await fetch(`${address}/api/me/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name }),
  });
  if (!issued.ok) throw new Error(`token issue failed: ${issued.status} ${await issued.text()}`);
  return (await issued.json()).token;
}
