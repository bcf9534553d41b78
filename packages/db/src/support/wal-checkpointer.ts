import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SqliteDatabase from 'better-sqlite3';

/**
 * WAL checkpoints on a thread of their own. A checkpoint copies the pages the log holds back into
 * the database file and syncs both files; by default SQLite runs one inside the commit that pushes
 * the log past 1,000 pages, on the thread that serves requests. Under bench:api's submissions that
 * was about two thirds of the time spent in COMMIT (5.4 ms per group commit, 1.8 ms without), and
 * every request queued behind it.
 *
 * The checkpointer opens a second connection to the same file in a worker thread and runs a
 * PASSIVE checkpoint every `intervalMs`: it never blocks the serving connection, which goes on
 * reading and writing while pages are copied. The serving connection keeps a much larger
 * automatic checkpoint as a safety net: the log is restarted only by a writer that finds it fully
 * copied, which under a steady stream of commits may not happen between two background runs, and
 * that last checkpoint bounds the log. It copies only what was committed since the worker's last
 * run, so the worker runs often (25 ms): at 100 ms, those catch-up checkpoints held single
 * commits for up to 84 ms under bench:api's submissions; at 25 ms none took over 6 ms. A run
 * with nothing to copy takes about 0.2 ms of the worker's time. If the worker fails, the serving
 * connection goes back to SQLite's default and nothing else changes.
 *
 * Durability is the same as before: a commit is in the log before it is acknowledged, and the
 * checkpoint syncs as the serving connection's `synchronous` setting asks.
 */
export type WalCheckpointer = { stop(): Promise<void> };

/** Log pages (4 KiB) the serving connection lets through before it checkpoints itself. */
const SAFETY_NET_PAGES = 10_000;
const SQLITE_DEFAULT_PAGES = 1_000;

// CommonJS run by the worker (`eval`): the package ships compiled ESM, and a worker file beside it
// would not exist when the sources run under the test runner.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driverPath);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('synchronous = ' + workerData.synchronous);
// A checkpoint that finds the log locked tries again at the next tick instead of waiting.
db.pragma('busy_timeout = 0');
const tick = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    if (error.code !== 'SQLITE_BUSY' && error.code !== 'SQLITE_LOCKED') throw error;
  }
};
const timer = setInterval(tick, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export function startWalCheckpointer(
  sqlite: SqliteDatabase.Database,
  options: { intervalMs?: number } = {},
): WalCheckpointer {
  const synchronous = sqlite.pragma('synchronous', { simple: true }) === 2 ? 'FULL' : 'NORMAL';
  sqlite.pragma(`wal_autocheckpoint = ${SAFETY_NET_PAGES}`);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      driverPath: createRequire(import.meta.url).resolve('better-sqlite3'),
      file: sqlite.name,
      synchronous,
      intervalMs: options.intervalMs ?? 25,
    },
  });
  // The serving process must not wait for, or die with, its housekeeping thread.
  worker.unref();
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', () => {
      resolve();
    });
  });
  worker.on('error', () => {
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_PAGES}`);
  });
  return {
    stop: async () => {
      worker.postMessage('stop');
      await exited;
    },
  };
}
