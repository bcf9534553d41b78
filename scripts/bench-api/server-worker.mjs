// The API under test, in its own thread so that autocannon (in the main thread) does not compete
// with it for the event loop. Opens the store the main thread prepared, builds the real app and
// listens on 127.0.0.1 with a free port; posts the address back and closes on 'close'.
import { parentPort, workerData } from 'node:worker_threads';
import { dialectOf, openDatabase } from '../../packages/db/dist/index.js';
import { buildApp } from '../../packages/server/dist/index.js';

// Checkpoints on their own thread, as `plantrack serve` opens its store.
const handle = openDatabase({ ...workerData.openOptions, checkpoints: 'background' });
const app = await buildApp({ db: handle.db, dialect: dialectOf(handle.db) });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
parentPort.postMessage({ address });
parentPort.on('message', async (message) => {
  if (message !== 'close') return;
  await app.close();
  await handle.close();
  parentPort.postMessage({ closed: true });
});
