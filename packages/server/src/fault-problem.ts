import { type Problem, problem } from './errors.js';

/**
 * The operating faults a request can run into that are no fault of the request: the disk is full,
 * the evidence folder or database became read-only, the database cannot be reached. Each is
 * answered with a status and a message that say what is wrong (in Chinese and English) and
 * nothing of the internals; the cause goes to the log.
 */
const STORAGE_FULL = problem(507, 'storage-full', {
  zh: '存储空间不足：本次操作未保存，请联系管理员释放磁盘空间后重试。',
  en: 'Storage full: this request was not saved; ask the administrator to free disk space, then try again.',
});

const STORAGE_READ_ONLY = problem(503, 'storage-read-only', {
  zh: '存储只读：服务器当前无法写入文件，本次操作未保存，请联系管理员。',
  en: 'Storage read-only: the server cannot write files now; this request was not saved. Contact the administrator.',
});

const DATABASE_UNAVAILABLE = problem(503, 'database-unavailable', {
  zh: '数据库不可用：本次操作未完成，请稍后重试。',
  en: 'Database unavailable: this request was not completed; try again shortly.',
});

/** Node.js and SQLite error codes, and PostgreSQL SQLSTATEs, of each fault. */
const FULL_CODES = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL', '53100']);
const READ_ONLY_CODES = new Set(['EROFS', 'EACCES', 'EPERM', 'SQLITE_READONLY', 'SQLITE_CANTOPEN']);
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  // admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

/**
 * What node-postgres says, without a code, when a connection ends under a query or the pool
 * cannot hand out a connection in time.
 */
const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /connection (?:error|timeout)/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /Client was closed and is not queryable/i,
  /Cannot use a pool after calling end/i,
];

/** The problem that names an operating fault in `error` (or its causes), or null when it is none. */
export function faultProblem(error: unknown): Problem | null {
  for (const e of causesOf(error)) {
    const code = codeOf(e);
    if (code !== null) {
      if (FULL_CODES.has(code)) return STORAGE_FULL;
      if (READ_ONLY_CODES.has(code) || code.startsWith('SQLITE_READONLY')) return STORAGE_READ_ONLY;
      if (UNAVAILABLE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return DATABASE_UNAVAILABLE;
    }
    const message = e instanceof Error ? e.message : '';
    if (UNAVAILABLE_MESSAGES.some((m) => m.test(message))) return DATABASE_UNAVAILABLE;
  }
  return null;
}

/** The error, its `cause` chain and the members of an AggregateError, at most 10 deep. */
function causesOf(error: unknown): unknown[] {
  const seen: unknown[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.length < 10) {
    const next = queue.shift();
    if (next === undefined || next === null || seen.includes(next)) continue;
    seen.push(next);
    if (next instanceof AggregateError) queue.push(...(next.errors as unknown[]));
    if (next instanceof Error && next.cause !== undefined) queue.push(next.cause);
  }
  return seen;
}

function codeOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  const code = error.code;
  return typeof code === 'string' ? code : null;
}
