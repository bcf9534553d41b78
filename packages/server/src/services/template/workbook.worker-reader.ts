import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { FormatErrorCode, XlsxLimits, XlsxWorkbook } from '@plantrack/formats';
import type { Messages } from '../../errors.js';

/** Options of {@link readWorkbookOffThread}. */
export type WorkbookReadOptions = {
  /** The reader's limits (rows, cells, decompressed bytes…); the reader's defaults otherwise. */
  limits?: Partial<XlsxLimits>;
  /** Longest a read may take before the worker is stopped. */
  timeoutMs?: number;
  /** The worker's old-generation heap ceiling. */
  maxHeapMb?: number;
};

/** The workbook, or why not: too large (413) or unreadable (400), each with a zh/en message. */
export type WorkbookReadResult =
  | { ok: true; workbook: XlsxWorkbook }
  | { ok: false; reason: 'too-large' | 'unreadable'; messages: Messages };

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_HEAP_MB = 128;
const MAX_CONCURRENT = 2;

// CommonJS run by the worker (`eval`): the package ships compiled ESM, and a worker file beside this
// one would not exist when the sources run under the test runner. It loads only the .xlsx reader.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { pathToFileURL } = require('node:url');
import(pathToFileURL(workerData.readerPath).href).then(({ readXlsx }) => {
  try {
    const workbook = readXlsx(workerData.bytes, { sheets: workerData.sheets, limits: workerData.limits });
    parentPort.postMessage({ ok: true, workbook });
  } catch (error) {
    const known = error !== null && typeof error === 'object' && error.name === 'FormatError';
    parentPort.postMessage({
      ok: false,
      code: known ? error.code : 'corrupt',
      messages: known ? error.messages : null,
      detail: String(error && error.message),
    });
  }
});
`;

type WorkerAnswer =
  | { ok: true; workbook: XlsxWorkbook }
  | { ok: false; code: FormatErrorCode; messages: Messages | null; detail: string };

const UNREADABLE: Messages = {
  zh: '无法读取该 Excel 工作簿。',
  en: 'The Excel workbook could not be read.',
};

let readerPath: string | null = null;
let running = 0;
const waiting: (() => void)[] = [];

async function slot(): Promise<() => void> {
  if (running >= MAX_CONCURRENT) {
    await new Promise<void>((resolve) => {
      waiting.push(resolve);
    });
  }
  running += 1;
  return () => {
    running -= 1;
    waiting.shift()?.();
  };
}

/**
 * Reads the sheets named in `sheets` of an uploaded .xlsx on a worker thread of its own, so that
 * however the file was made, the server's event loop and heap are not the ones paying: the reader
 * (formats/xlsx.reader.ts) already refuses bombs by their sizes, and the worker adds a heap ceiling
 * and a deadline in case a file finds a way past them. At most {@link MAX_CONCURRENT} workbooks are
 * read at a time.
 */
export async function readWorkbookOffThread(
  bytes: Uint8Array,
  sheets: readonly string[],
  options: WorkbookReadOptions = {},
): Promise<WorkbookReadResult> {
  readerPath ??= createRequire(import.meta.url).resolve('@plantrack/formats/xlsx');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const release = await slot();
  try {
    const answer = await new Promise<WorkerAnswer | WorkbookReadResult>((resolve, reject) => {
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { readerPath, bytes, sheets, limits: options.limits ?? {} },
        resourceLimits: {
          maxOldGenerationSizeMb: options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB,
          maxYoungGenerationSizeMb: 16,
        },
      });
      const timer = setTimeout(() => {
        resolve(tooComplex(`读取超过 ${timeoutMs / 1000} 秒`, `reading took over ${timeoutMs / 1000} s`));
        void worker.terminate();
      }, timeoutMs);
      const settle = (): void => {
        clearTimeout(timer);
        void worker.terminate();
      };
      worker.once('message', (message: WorkerAnswer) => {
        settle();
        resolve(message);
      });
      worker.once('error', (error: Error & { code?: string }) => {
        settle();
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          resolve(tooComplex('读取时超出内存上限', 'reading it ran out of the memory allowed'));
        } else {
          reject(error);
        }
      });
      worker.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the workbook reader stopped (exit code ${code})`));
      });
    });
    if (answer.ok) return answer;
    if ('reason' in answer) return answer;
    return {
      ok: false,
      reason: answer.code === 'too-large' ? 'too-large' : 'unreadable',
      messages: answer.messages ?? UNREADABLE,
    };
  } finally {
    release();
  }
}

function tooComplex(zh: string, en: string): WorkbookReadResult {
  return {
    ok: false,
    reason: 'too-large',
    messages: {
      zh: `Excel 工作簿过大或过于复杂（${zh}），未读取。请使用系统下载的模板填写后重新上传。`,
      en: `The Excel workbook is too large or too complex (${en}); it was not read. Fill in the template downloaded from PlanTrack and upload it again.`,
    },
  };
}
