import { findUserByEmail, listNotifications } from '@plantrack/db';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import { TASK_COLUMNS } from '../services/template/template-task.sheet.js';
import { type Harness, as, makeHarness } from '../testing/harness.js';

const AS_OF = '2028-02-15';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// Columns of the two sheets (1-based), as the template lays them out.
const IND = { id: 1, period: 5, value: 7 };
const TASK = { id: 1, period: 3, progress: 4, narrative: 5, comment: 6 };

type CellError = { sheet: string; row: number; column: string; messages: { zh: string; en: string } };
type UploadBody = {
  counts: Record<string, number>;
  rows: { row: number; indicatorId: string; outcome: string; status: string }[];
  taskRows: { row: number; taskId: string; period: string; outcome: string; status: string }[];
};

function multipart(bytes: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----plantrack-template-tasks';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="t.xlsx"\r\nContent-Type: ${XLSX}\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

/** The number of the first row whose id and period cells match (-1 when none does). */
function rowOf(ws: ExcelJS.Worksheet, idColumn: number, periodColumn: number, id: string, period: string) {
  let found = -1;
  ws.eachRow((row, n) => {
    if (
      found < 0 &&
      n > 1 &&
      row.getCell(idColumn).value === id &&
      row.getCell(periodColumn).value === period
    ) {
      found = n;
    }
  });
  return found;
}

forEachDialect((dialect, open) => {
  describe('the Excel template’s task progress sheet (任务进展)', () => {
    let h: Harness;
    let ownIndicator: string;

    const count = async (table: 'observations' | 'progress_reports'): Promise<number> =>
      Number(
        (
          await h.app.plantrack.db
            .selectFrom(table)
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const download = async (): Promise<ExcelJS.Workbook> => {
      const res = await h.app.inject({
        method: 'GET',
        url: `/api/my/template.xlsx?asOf=${AS_OF}`,
        headers: as(h.sessions.department_reporter),
      });
      expect(res.statusCode).toBe(200);
      return load(res.rawPayload);
    };
    const upload = (bytes: Buffer, query = '') => {
      const { payload, headers } = multipart(bytes);
      return h.app.inject({
        method: 'POST',
        url: `/api/my/template.xlsx?asOf=${AS_OF}${query}`,
        headers: { ...as(h.sessions.department_reporter), ...headers },
        payload,
      });
    };
    const bytesOf = async (wb: ExcelJS.Workbook): Promise<Buffer> => Buffer.from(await wb.xlsx.writeBuffer());
    /** Task ids the own department owes periods for, from the API. */
    const ownTaskIds = async (): Promise<Set<string>> => {
      const res = await h.app.inject({
        method: 'GET',
        url: `/api/my/periods?asOf=${AS_OF}`,
        headers: as(h.sessions.department_reporter),
      });
      return new Set(
        res
          .json<{ kind: string; id: string }[]>()
          .filter((i) => i.kind === 'task')
          .map((i) => i.id),
      );
    };

    beforeAll(async () => {
      h = await makeHarness(await open(), dialect);
      ownIndicator = h.ownIndicatorId;
    });
    afterAll(async () => {
      await h.app.close();
    });

    it('lists every owed task × period with a status drop-down, and only the department’s tasks', async () => {
      const wb = await download();
      const ws = wb.getWorksheet('任务进展')!;
      expect(ws.getRow(1).values).toEqual([undefined, ...TASK_COLUMNS.map((c) => c.header)]);
      const rows: [unknown, unknown][] = [];
      ws.eachRow((row, n) => {
        if (n > 1) rows.push([row.getCell(TASK.id).value, row.getCell(TASK.period).value]);
      });
      const own = await ownTaskIds();
      expect(own.has(h.ownTaskId)).toBe(true);
      // Annual by default: 2026 and 2027 are owed on 2028-02-15.
      expect(rows).toHaveLength(own.size * 2);
      expect(new Set(rows.map(([id]) => id))).toEqual(own);
      expect(rows.filter(([id]) => id === h.ownTaskId).map(([, p]) => p)).toEqual(['2026', '2027']);
      const status = ws.getRow(2).getCell(TASK.progress);
      expect(status.dataValidation).toMatchObject({
        type: 'list',
        formulae: ['"未启动,推进中,已完成,滞后"'],
      });
      expect(status.protection?.locked).toBe(false);
      expect(ws.getRow(2).getCell(TASK.id).protection?.locked).not.toBe(false);
      expect(JSON.stringify(wb.getWorksheet('说明')!.getSheetValues())).toContain('进展状态');
    });

    it('submits nothing from a file whose task sheet has a wrong status, and says which cell', async () => {
      const wb = await download();
      const ind = wb.getWorksheet('指标')!;
      const tasks = wb.getWorksheet('任务进展')!;
      const indicatorRow = rowOf(ind, IND.id, IND.period, ownIndicator, '2026');
      const taskRow = rowOf(tasks, TASK.id, TASK.period, h.ownTaskId, '2026');
      ind.getRow(indicatorRow).getCell(IND.value).value = 42;
      tasks.getRow(taskRow).getCell(TASK.progress).value = '进行中';
      tasks.getRow(taskRow).getCell(TASK.narrative).value = '已完成可研。';
      const before = [await count('observations'), await count('progress_reports')];
      const res = await upload(await bytesOf(wb));
      expect(res.statusCode, res.body).toBe(422);
      const errors = res.json<{ errors: CellError[] }>().errors;
      expect(errors).toEqual([
        {
          sheet: '任务进展',
          row: taskRow,
          column: 'D',
          messages: {
            zh: '进展状态“进行中”无效，应为：未启动、推进中、已完成、滞后。',
            en: 'Invalid progress status "进行中": use one of 未启动、推进中、已完成、滞后.',
          },
        },
      ]);
      // The valid indicator row was not saved either: the file is all or nothing.
      expect([await count('observations'), await count('progress_reports')]).toEqual(before);
    });

    it('reports every wrong task cell: another department’s task, an unowed period, an empty narrative, a duplicate', async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('任务进展');
      ws.addRow(TASK_COLUMNS.map((c) => c.header));
      const own = [...(await ownTaskIds())];
      const foreign = h.plan.taskIds.find((t) => !own.includes(t)) ?? '';
      ws.addRow([foreign, '', '2026', '推进中', '进展', '']);
      ws.addRow([h.ownTaskId, '', '2030', '推进中', '进展', '']);
      ws.addRow([h.ownTaskId, '', '2027', '已完成', '', '']);
      ws.addRow([h.ownTaskId, '', '2026', 'completed', '进展', '']);
      ws.addRow([h.ownTaskId, '', '2026', '滞后', '进展', '']);
      const res = await upload(await bytesOf(wb));
      expect(res.statusCode).toBe(422);
      expect(res.json<{ errors: CellError[] }>().errors.map((e) => [e.sheet, e.row, e.column])).toEqual([
        ['任务进展', 2, 'A'],
        ['任务进展', 3, 'C'],
        ['任务进展', 4, 'E'],
        ['任务进展', 6, 'C'],
      ]);
    });

    it('saves a template with both sheets in one go; re-uploading adds no revision; submit=true submits both', async () => {
      const wb = await download();
      const ind = wb.getWorksheet('指标')!;
      const tasks = wb.getWorksheet('任务进展')!;
      const indicatorRow = rowOf(ind, IND.id, IND.period, ownIndicator, '2027');
      const taskRow = rowOf(tasks, TASK.id, TASK.period, h.ownTaskId, '2027');
      ind.getRow(indicatorRow).getCell(IND.value).value = 7.5;
      const cells = tasks.getRow(taskRow);
      cells.getCell(TASK.progress).value = '推进中';
      cells.getCell(TASK.narrative).value = '项目完成立项，正在开展前期工作。';
      cells.getCell(TASK.comment).value = '资金已落实';
      const bytes = await bytesOf(wb);
      const before = { obs: await count('observations'), reports: await count('progress_reports') };

      const first = await upload(bytes);
      expect(first.statusCode, first.body).toBe(200);
      const saved = first.json<UploadBody>();
      expect(saved.counts).toEqual({ saved: 2, submitted: 0, unchanged: 0, replayed: 0 });
      expect(saved.rows).toEqual([
        expect.objectContaining({ row: indicatorRow, outcome: 'saved', status: 'draft' }),
      ]);
      expect(saved.taskRows).toEqual([
        expect.objectContaining({
          row: taskRow,
          taskId: h.ownTaskId,
          period: '2027',
          outcome: 'saved',
          status: 'draft',
        }),
      ]);
      const report = await h.app.plantrack.db
        .selectFrom('progress_reports')
        .select(['progress', 'narrative', 'comment', 'status'])
        .where('task_id', '=', h.ownTaskId)
        .where('period', '=', '2027')
        .execute();
      expect(report).toEqual([
        {
          progress: 'in_progress',
          narrative: '项目完成立项，正在开展前期工作。',
          comment: '资金已落实',
          status: 'draft',
        },
      ]);

      const again = await upload(bytes);
      expect(again.json<UploadBody>().counts).toEqual({ saved: 0, submitted: 0, unchanged: 0, replayed: 2 });
      expect({ obs: await count('observations'), reports: await count('progress_reports') }).toEqual({
        obs: before.obs + 1,
        reports: before.reports + 1,
      });

      const submitted = await upload(bytes, '&submit=true');
      expect(submitted.statusCode).toBe(200);
      const body = submitted.json<UploadBody>();
      expect(body.counts).toEqual({ saved: 0, submitted: 2, unchanged: 0, replayed: 0 });
      expect(body.taskRows).toEqual([expect.objectContaining({ outcome: 'submitted', status: 'submitted' })]);
      expect((await upload(bytes, '&submit=true')).json<UploadBody>().counts).toEqual({
        saved: 0,
        submitted: 0,
        unchanged: 0,
        replayed: 2,
      });
      // Reviewers hear of the upload's two submissions as one notice, not one per row (nor again).
      const reviewer = await findUserByEmail(h.app.plantrack.db, h.emails.reviewer);
      const notices = (
        await listNotifications(h.app.plantrack.db, { userId: reviewer?.id ?? '', pageSize: 500 })
      ).items.filter((n) => n.kind === 'submitted');
      expect(notices).toHaveLength(1);
      expect(notices[0]?.subjectKind).toBe('department');
      expect(notices[0]?.title.zh).toContain('通过 Excel 模板提交了 2 项');
      expect({ obs: await count('observations'), reports: await count('progress_reports') }).toEqual({
        obs: before.obs + 2,
        reports: before.reports + 2,
      });

      // The downloaded template now shows the report; changing it while under review is refused.
      const next = await download();
      const sheet = next.getWorksheet('任务进展')!;
      const n = rowOf(sheet, TASK.id, TASK.period, h.ownTaskId, '2027');
      expect(sheet.getRow(n).getCell(TASK.progress).value).toBe('推进中');
      sheet.getRow(n).getCell(TASK.progress).value = '已完成';
      const locked = await upload(await bytesOf(next));
      expect(locked.statusCode).toBe(422);
      expect(locked.json<{ errors: CellError[] }>().errors.map((e) => [e.sheet, e.row, e.column])).toEqual([
        ['任务进展', n, 'D'],
      ]);
      expect(await count('progress_reports')).toBe(before.reports + 2);
    });
  });
});
