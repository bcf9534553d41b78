import { type ReviewStatus, checkPeriod } from '@plantrack/db';
import type { CellError, Messages } from '../../errors.js';
import {
  type RowOutcome,
  type UploadOptions,
  lockedMessages,
  periodMessages,
  rowAction,
} from './template-upload.shared.js';

// The steps every record kind's sheet takes with its uploaded rows, whatever its value columns:
// the element and period cells against what the department owes, one row per element and period,
// and the decision per row inside the upload's transaction (replayed, unchanged, locked or a write).

/** How a sheet's messages name its element: 指标 / indicator, 任务 / task. */
export type ElementWords = { zh: string; en: string };

/** What the department owes, as a sheet sees it: the owed rows by `elementId|period`. */
export type OwedLookup<O> = {
  owedByKey: ReadonlyMap<string, O>;
  /** The elements the department reports. */
  own: ReadonlySet<string>;
  /** Every element of the plan (to tell a typo from someone else's element). */
  known: ReadonlySet<string>;
};

/**
 * Checks a row's element id and period cells (errors through `err`, by cell) and returns the owed
 * row they name, or undefined when they name none.
 */
export function checkOwedCells<O>(
  words: ElementWords,
  cells: { id: string; period: string },
  owed: OwedLookup<O>,
  err: (cell: 'id' | 'period', messages: Messages) => void,
): O | undefined {
  const { id, period } = cells;
  if (id === '') {
    err('id', { zh: `缺少${words.zh}ID。`, en: `The ${words.en} id is missing.` });
  } else if (!owed.known.has(id)) {
    err('id', { zh: `${words.zh}ID“${id}”不存在。`, en: `No ${words.en} has the id "${id}".` });
  } else if (!owed.own.has(id)) {
    err('id', {
      zh: `该${words.zh}不由本部门填报，不能上传。`,
      en: `This ${words.en} is not reported by your department.`,
    });
  }
  let periodOk = false;
  try {
    checkPeriod(period);
    periodOk = true;
  } catch {
    err('period', periodMessages(period));
  }
  const found = owed.owedByKey.get(`${id}|${period}`);
  if (periodOk && owed.own.has(id) && found === undefined) {
    err('period', {
      zh: `该${words.zh}在期间“${period}”无需填报（不是应报期间）。`,
      en: `The ${words.en} owes no report for the period "${period}".`,
    });
  }
  return found;
}

/**
 * Checks every filled row of a sheet (errors appended to `errors`): rows the reporter left blank
 * are not uploaded, and a second row for the same element and period is an error at its period.
 */
export function checkFilledRows<R extends { row: number }, C extends { row: number }>(input: {
  rows: readonly R[];
  words: ElementWords;
  isBlank: (row: R) => boolean;
  check: (row: R) => C | undefined;
  /** `elementId|period` of a checked row. */
  keyOf: (checked: C) => string;
  periodError: (row: number, messages: Messages) => CellError;
  errors: CellError[];
}): C[] {
  const checked: C[] = [];
  const firstRowOf = new Map<string, number>();
  for (const r of input.rows) {
    if (input.isBlank(r)) continue;
    const c = input.check(r);
    if (c === undefined) continue;
    const key = input.keyOf(c);
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      const { words } = input;
      input.errors.push(
        input.periodError(r.row, {
          zh: `与第 ${first} 行重复（同一${words.zh}、同一期间）。`,
          en: `Duplicates row ${first} (same ${words.en} and period).`,
        }),
      );
      continue;
    }
    firstRowOf.set(key, r.row);
    checked.push(c);
  }
  return checked;
}

/** A stored revision as the upload decides on it. */
type Stored<V> = { revisionNo: number; status: ReviewStatus; values: V };

/** How one sheet reads and writes its kind's records inside the upload's transaction. */
export type RowStore<C, V, Res> = {
  /** The idempotency key of a row of this file (the sheets number rows the same way). */
  idempotencyKeyOf: (checked: C) => string;
  /** The revision an earlier upload of this file wrote for the row, if any. */
  byIdempotencyKey: (key: string) => Promise<{ revisionNo: number; status: ReviewStatus } | undefined>;
  latest: (checked: C) => Promise<Stored<V> | undefined>;
  /** Whether the row repeats the stored values. */
  sameValues: (stored: V, checked: C) => boolean;
  /** The error at the row's value cell when its record is locked. */
  lockedError: (row: number, messages: Messages) => CellError;
  /** Appends the row's revision (a submission or a draft, as the upload asks). */
  write: (
    checked: C,
    command: { expectedRevision: number; idempotencyKey: string },
  ) => Promise<{
    revisionNo: number;
    status: ReviewStatus;
  }>;
  result: (checked: C, row: RowOutcome) => Res;
};

/**
 * Inside the upload's transaction: decides each row from its record's latest revision. Rows
 * already written by this file (same idempotency key) are `replayed`, rows equal to the latest
 * revision `unchanged`; a row of a record under review or approved is an error at its value
 * cell. Returns the decided rows and the writes to run once no row of any sheet is wrong.
 */
export async function prepareRows<C extends { row: number }, V, Res>(
  checked: readonly C[],
  store: RowStore<C, V, Res>,
  options: UploadOptions,
  errors: CellError[],
): Promise<{ done: Res[]; writes: (() => Promise<Res>)[] }> {
  const done: Res[] = [];
  const writes: (() => Promise<Res>)[] = [];
  const outcome = (c: C, o: RowOutcome['outcome'], r: { revisionNo: number; status: ReviewStatus }) =>
    store.result(c, { row: c.row, outcome: o, revisionNo: r.revisionNo, status: r.status });
  for (const c of checked) {
    const idempotencyKey = store.idempotencyKeyOf(c);
    const earlier = await store.byIdempotencyKey(idempotencyKey);
    if (earlier !== undefined) {
      done.push(outcome(c, 'replayed', earlier));
      continue;
    }
    const latest = await store.latest(c);
    const unchanged = latest !== undefined && store.sameValues(latest.values, c);
    const action = rowAction(latest, unchanged, options.submit);
    if (action === 'unchanged' && latest !== undefined) {
      done.push(outcome(c, 'unchanged', latest));
    } else if (action === 'locked') {
      errors.push(store.lockedError(c.row, lockedMessages(latest?.status)));
    } else {
      writes.push(async () => {
        const revision = await store.write(c, { expectedRevision: latest?.revisionNo ?? 0, idempotencyKey });
        return outcome(c, options.submit ? 'submitted' : 'saved', revision);
      });
    }
  }
  return { done, writes };
}
