import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { sha256Of } from '../services/evidence/evidence.storage.js';
import type { Parties } from './burst-parties.js';
import { httpBytes, httpUpload } from './burst-parties.js';
import { type HttpAnswer, type ServeProcess, httpJson } from './serve-process.js';

/**
 * The actions of the mixed SIGKILL burst (durability.int.test.ts): what each one sends, which
 * answer acknowledges it, and what it must have left in the store when it was acknowledged.
 * Submissions are made by the reporter, approvals and returns by the reviewer.
 */
export const BURST_KINDS = [
  'submission',
  'progress-report',
  'approval',
  'return',
  'evidence',
  'template',
  'project-report',
] as const;
export type BurstKind = (typeof BURST_KINDS)[number];

export type SubmissionAction = {
  kind: 'submission';
  indicatorId: string;
  period: string;
  value: number;
  idempotencyKey: string;
};
export type ProgressAction = {
  kind: 'progress-report';
  taskId: string;
  period: string;
  narrative: string;
  idempotencyKey: string;
};
export type ReviewAction = {
  kind: 'approval' | 'return';
  key: string;
  reason: string;
  idempotencyKey: string;
};
export type EvidenceAction = {
  kind: 'evidence';
  key: string;
  fileName: string;
  bytes: Buffer;
  sha256: string;
};
/** A month's report of a major project; no idempotency key exists for these writes. */
export type ProjectReportAction = {
  kind: 'project-report';
  projectId: string;
  year: number;
  month: number;
  ytdWan: number;
  progressText: string;
};
export type TemplateRow = { indicatorId: string; period: string; value: number };
export type TemplateAction = { kind: 'template'; bytes: Buffer; rows: TemplateRow[] };
export type BurstAction =
  SubmissionAction | ProgressAction | ReviewAction | EvidenceAction | TemplateAction | ProjectReportAction;

/** An action and the answer that acknowledged it. */
export type Acknowledged = { action: BurstAction; answer: HttpAnswer };

export const SOURCE = '耐久性测试合成数据（非真实统计） / synthetic durability test data';
/** The template is read as of this day: the years 2026 and 2027 are owed. */
export const TEMPLATE_AS_OF = '2028-02-15';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MONTHS = Array.from(
  { length: 120 },
  (_, i) => `${2021 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
);

/** The `n`-th observation key of a run: indicators first, then months. */
export function submissionAt(parties: Parties, run: string, n: number): SubmissionAction {
  const { indicatorIds } = parties;
  return {
    kind: 'submission',
    indicatorId: indicatorIds[n % indicatorIds.length] ?? '',
    period: MONTHS[Math.floor(n / indicatorIds.length)] ?? '',
    value: n + 0.25,
    idempotencyKey: `${run}-submit-${String(n).padStart(4, '0')}`,
  };
}

/** The `n`-th progress report of a run: tasks first, then months. */
export function progressReportAt(parties: Parties, run: string, n: number): ProgressAction {
  const { taskIds } = parties;
  return {
    kind: 'progress-report',
    taskId: taskIds[n % taskIds.length] ?? '',
    period: MONTHS[Math.floor(n / taskIds.length)] ?? '',
    narrative: `进展 ${run} ${n}：按计划推进（合成数据） / on schedule (synthetic)`,
    idempotencyKey: `${run}-report-${String(n).padStart(4, '0')}`,
  };
}

/**
 * The `n`-th project report of a run: projects first, then months from January 2021. 年初至今累计
 * grows with the month, so months of one project sent in any order pass the quality checks.
 */
export function projectReportAt(parties: Parties, run: string, n: number): ProjectReportAction {
  const { projectIds } = parties;
  const m = Math.floor(n / projectIds.length);
  const month = (m % 12) + 1;
  return {
    kind: 'project-report',
    projectId: projectIds[n % projectIds.length] ?? '',
    year: 2021 + Math.floor(m / 12),
    month,
    ytdWan: month * 10 + 0.5,
    progressText: `形象进度 ${run} ${n}（合成数据） / synthetic`,
  };
}

/** Where an action of a project report lands: project, year and month. */
export function projectMonthOf(a: { projectId: string; year: number; month: number }): string {
  return `${a.projectId}|${a.year}|${a.month}`;
}

/** The `n`-th approval or return of a run, of the submitted observation `key`. */
export function reviewAt(kind: 'approval' | 'return', run: string, key: string, n: number): ReviewAction {
  return {
    kind,
    key,
    reason: kind === 'return' ? `第 ${n} 条：请补充数据来源 / please add the source (${n})` : '',
    idempotencyKey: `${run}-${kind}-${String(n).padStart(4, '0')}`,
  };
}

export function observationKeyOf(a: { indicatorId: string; period: string }): string {
  return `${a.indicatorId}|${a.period}|`;
}

/** Sends one action as its party; rejects when the connection fails (not acknowledged). */
export function send(address: string, parties: Parties, a: BurstAction): Promise<HttpAnswer> {
  const { reporter, reviewer } = parties;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  switch (a.kind) {
    case 'submission':
      return httpJson(address, {
        method: 'POST',
        path: '/api/observations',
        headers: { ...auth(reporter.token), 'idempotency-key': a.idempotencyKey },
        body: {
          indicatorId: a.indicatorId,
          period: a.period,
          action: 'submit',
          expectedRevision: 0,
          values: { value: a.value, source: SOURCE },
        },
      });
    case 'progress-report':
      return httpJson(address, {
        method: 'POST',
        path: '/api/progress-reports',
        headers: { ...auth(reporter.token), 'idempotency-key': a.idempotencyKey },
        body: {
          taskId: a.taskId,
          period: a.period,
          action: 'submit',
          expectedRevision: 0,
          values: { progress: 'in_progress', narrative: a.narrative },
        },
      });
    case 'approval':
    case 'return':
      return httpJson(address, {
        method: 'POST',
        path: `/api/observations/${encodeURIComponent(a.key)}/${a.kind === 'approval' ? 'approve' : 'return'}`,
        headers: { ...auth(reviewer.token), 'idempotency-key': a.idempotencyKey },
        body: a.kind === 'approval' ? { expectedRevision: 1 } : { expectedRevision: 1, reason: a.reason },
      });
    case 'evidence':
      return httpUpload(address, {
        path: `/api/observations/${encodeURIComponent(a.key)}/evidence`,
        token: reporter.token,
        fileName: a.fileName,
        contentType: 'text/plain',
        bytes: a.bytes,
      });
    case 'project-report':
      return httpJson(address, {
        method: 'POST',
        path: `/api/projects/${encodeURIComponent(a.projectId)}/reports`,
        headers: auth(reporter.token),
        body: {
          year: a.year,
          month: a.month,
          action: 'submit',
          monthWan: null,
          ytdWan: a.ytdWan,
          progressText: a.progressText,
          reason: null,
          evidenceIds: [],
        },
      });
    case 'template':
      return httpUpload(address, {
        // The synthetic values draw quality warnings; the reporter has confirmed them (the file's SHA-256),
        // so the upload submits instead of being held back for confirmation.
        path: `/api/my/template.xlsx?asOf=${TEMPLATE_AS_OF}&submit=true&confirmWarnings=${sha256Of(a.bytes)}`,
        token: reporter.token,
        fileName: 'template.xlsx',
        contentType: XLSX,
        bytes: a.bytes,
      });
  }
}

/** Whether an answer acknowledges the action (a replayed evidence upload answers 200). */
export function acknowledges(a: BurstAction, answer: HttpAnswer): boolean {
  switch (a.kind) {
    case 'submission':
    case 'progress-report':
      return answer.status === 201;
    case 'evidence':
      return answer.status === 201 || answer.status === 200;
    case 'approval':
    case 'return':
    case 'template':
    case 'project-report':
      return answer.status === 200;
  }
}

/**
 * Fills the department's template in `uploads` files, each with different rows of sheet 指标
 * (indicator × owed year), so the uploads can run at once without touching each other's rows.
 */
export async function templateUploads(
  parties: Parties,
  address: string,
  uploads: number,
): Promise<TemplateAction[]> {
  const path = `/api/my/template.xlsx?asOf=${TEMPLATE_AS_OF}`;
  const original = await httpBytes(address, path, parties.reporter.token);
  const owned = new Set(parties.indicatorIds);
  const rows: { row: number; indicatorId: string; period: string }[] = [];
  const sheetOf = async (): Promise<[ExcelJS.Workbook, ExcelJS.Worksheet]> => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(original as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('指标');
    if (ws === undefined) throw new Error('The template has no sheet 指标.');
    return [wb, ws];
  };
  const [, first] = await sheetOf();
  first.eachRow((row, n) => {
    const indicatorId = row.getCell(1).text;
    const period = row.getCell(5).text;
    if (n > 1 && owned.has(indicatorId) && /^\d{4}$/.test(period)) rows.push({ row: n, indicatorId, period });
  });
  if (rows.length < uploads) throw new Error(`The template owes ${rows.length} rows, fewer than ${uploads}.`);
  const actions: TemplateAction[] = [];
  for (let u = 0; u < uploads; u++) {
    const [wb, ws] = await sheetOf();
    const filled = rows
      .filter((_, i) => i % uploads === u)
      .map((r, i) => ({ ...r, value: 1_000 * (u + 1) + i + 0.5 }));
    for (const r of filled) {
      const row = ws.getRow(r.row);
      row.getCell(7).value = r.value;
      row.getCell(9).value = SOURCE;
    }
    actions.push({
      kind: 'template',
      bytes: Buffer.from(await wb.xlsx.writeBuffer()),
      rows: filled.map(({ indicatorId, period, value }) => ({ indicatorId, period, value })),
    });
  }
  return actions;
}

/** Text evidence with content of its own (so no two uploads share a file). */
export function evidenceAction(run: string, key: string, n: number): EvidenceAction {
  const bytes = Buffer.from(
    `佐证材料 ${run} ${n}\n${randomBytes(2_048 + (n % 7) * 1_024).toString('hex')}\n`,
    'utf8',
  );
  return { kind: 'evidence', key, fileName: `evidence-${n}.txt`, bytes, sha256: sha256Of(bytes) };
}

/** Interleaves the kinds' lists, so every kind is spread over the whole burst. */
export function interleave(lists: readonly (readonly BurstAction[])[]): BurstAction[] {
  const longest = Math.max(...lists.map((l) => l.length));
  const out: BurstAction[] = [];
  for (let i = 0; i < longest; i++) {
    for (const list of lists) {
      const a = list[i];
      if (a !== undefined) out.push(a);
    }
  }
  return out;
}

/**
 * Fires every action at once and SIGKILLs the server once `killAfter` actions are acknowledged
 * and every kind has a tenth of its actions acknowledged (or, should one kind lag far behind,
 * once 95 in 100 are). Template uploads, parsed on the server's thread and much slower than the
 * rest, are half sent `headStartMs` earlier, so that the kill finds some done and some in flight.
 */
export async function fireUntilKilled(
  server: ServeProcess,
  parties: Parties,
  actions: readonly BurstAction[],
  options: { killAfter: number; headStartMs: number },
): Promise<{ acknowledged: Acknowledged[]; refused: { action: BurstAction; answer: HttpAnswer }[] }> {
  const acknowledged: Acknowledged[] = [];
  const refused: { action: BurstAction; answer: HttpAnswer }[] = [];
  const wanted = new Map<BurstKind, number>();
  for (const a of actions) wanted.set(a.kind, (wanted.get(a.kind) ?? 0) + 1);
  const done = new Map<BurstKind, number>();
  let killed = false;
  const fire = async (action: BurstAction): Promise<void> => {
    const answer = await send(server.address, parties, action);
    if (!acknowledges(action, answer)) {
      refused.push({ action, answer });
      return;
    }
    acknowledged.push({ action, answer });
    done.set(action.kind, (done.get(action.kind) ?? 0) + 1);
    const everyKind = [...wanted].every(([kind, n]) => (done.get(kind) ?? 0) >= Math.ceil(n / 10));
    const enough =
      acknowledged.length >= options.killAfter && (everyKind || acknowledged.length >= actions.length * 0.95);
    if (enough && !killed) {
      killed = true;
      server.child.kill('SIGKILL');
    }
  };
  const templates = actions.filter((a) => a.kind === 'template');
  const ahead = new Set<BurstAction>(templates.slice(0, Math.ceil(templates.length / 2)));
  const early = [...ahead].map(fire);
  await new Promise((resolve) => setTimeout(resolve, options.headStartMs));
  const rest = actions.filter((a) => !ahead.has(a)).map(fire);
  await Promise.allSettled([...early, ...rest]);
  return { acknowledged, refused };
}

/** Runs `task` over `items` with at most `limit` in flight. */
export async function inBatches<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += limit) {
    results.push(...(await Promise.all(items.slice(i, i + limit).map(task))));
  }
  return results;
}
