import ExcelJS from 'exceljs';
import { setReportingCycle, withSimulatedClock } from '@plantrack/db';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import { COLUMNS } from '../services/template/template.workbook.js';
import { type Harness, OTHER_DEPT, OWN_DEPT, as, makeHarness } from '../testing/harness.js';

const AS_OF = '2028-02-15';
const HEADERS = COLUMNS.map((c) => c.header);

type PeriodItem = {
  kind: string;
  id: string;
  period: string;
  dueDate: string;
  state: string;
  overdue: boolean;
  daysUntilDue: number;
  frequency: string;
};
type CellError = { sheet: string; row: number; column: string; messages: { zh: string; en: string } };

function multipartFile(
  fileName: string,
  bytes: Buffer,
  contentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----plantrack-xlsx-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A workbook written from scratch: sheet 指标 with the template's header row and the given rows. */
async function workbookOf(rows: (string | number | null)[][], sheet = '指标'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

forEachDialect((dialect, open) => {
  describe('reporting periods, missing reports and the Excel round trip', () => {
    let h: Harness;
    let own: string[];
    let foreign: string;
    let quarterly: string;

    const upload = (
      bytes: Buffer,
      query = '',
      session = h.sessions.department_reporter,
      name = 'my.xlsx',
    ) => {
      const { payload, headers } = multipartFile(name, bytes);
      return h.app.inject({
        method: 'POST',
        url: `/api/my/template.xlsx?asOf=${AS_OF}${query}`,
        headers: { ...as(session), ...headers },
        payload,
      });
    };
    const observationCount = async (): Promise<number> =>
      Number(
        (
          await h.app.plantrack.db
            .selectFrom('observations')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const download = async (): Promise<Buffer> => {
      const res = await h.app.inject({
        method: 'GET',
        url: `/api/my/template.xlsx?asOf=${AS_OF}`,
        headers: as(h.sessions.department_reporter),
      });
      expect(res.statusCode).toBe(200);
      return res.rawPayload;
    };

    beforeAll(async () => {
      h = await makeHarness(await open(), dialect, (indicators) => {
        const key = (i: number) => indicators[i]?.indicatorKey ?? '';
        return {
          indicatorOwners: {
            [key(0)]: [OWN_DEPT],
            [key(2)]: [OWN_DEPT],
            [key(3)]: [OWN_DEPT],
            [key(4)]: [OTHER_DEPT],
          },
        };
      });
      const ids = h.plan.indicatorIds;
      own = [ids[0] ?? '', ids[2] ?? '', ids[3] ?? ''];
      foreign = ids[4] ?? '';
      quarterly = own[2] ?? '';
      // The quarterly round opens as the plan's first year starts (periods due before it are not owed).
      await withSimulatedClock(
        () => new Date('2026-01-05T09:00:00Z'),
        () =>
          setReportingCycle(h.app.plantrack.db, {
            subject: { indicatorId: quarterly },
            rule: { frequency: 'quarterly', dueMonthOffset: 1, dueDay: 20 },
            actor: 'office',
          }),
      );
      return async () => {
        await h.app.close();
      };
    });

    it('GET /api/my/periods lists what the department owes, with due dates and states', async () => {
      const draft = await h.app.inject({
        method: 'POST',
        url: '/api/observations',
        headers: as(h.sessions.department_reporter),
        payload: {
          indicatorId: own[0],
          period: '2026',
          action: 'save_draft',
          expectedRevision: 0,
          values: { value: 1 },
        },
      });
      expect(draft.statusCode).toBe(201);
      const res = await h.app.inject({
        method: 'GET',
        url: `/api/my/periods?asOf=${AS_OF}`,
        headers: as(h.sessions.department_reporter),
      });
      expect(res.statusCode).toBe(200);
      const items = res.json<PeriodItem[]>();
      const indicatorRows = items.filter((i) => i.kind === 'indicator');
      expect(new Set(indicatorRows.map((i) => i.id))).toEqual(new Set(own));
      expect(indicatorRows.filter((i) => i.id === own[0])).toEqual([
        expect.objectContaining({ period: '2026', dueDate: '2027-03-31', state: 'draft', overdue: true }),
        expect.objectContaining({
          period: '2027',
          dueDate: '2028-03-31',
          state: 'missing',
          overdue: false,
          daysUntilDue: 45,
        }),
      ]);
      expect(indicatorRows.filter((i) => i.id === quarterly).map((i) => [i.period, i.dueDate])).toEqual([
        ['2026Q1', '2026-04-20'],
        ['2026Q2', '2026-07-20'],
        ['2026Q3', '2026-10-20'],
        ['2026Q4', '2027-01-20'],
        ['2027Q1', '2027-04-20'],
        ['2027Q2', '2027-07-20'],
        ['2027Q3', '2027-10-20'],
        ['2027Q4', '2028-01-20'],
      ]);
      expect(items.some((i) => i.kind === 'task' && i.id === h.ownTaskId)).toBe(true);
      expect(items.some((i) => i.id === foreign)).toBe(false);
      const bad = await h.app.inject({
        method: 'GET',
        url: '/api/my/periods?asOf=2028-02-30',
        headers: as(h.sessions.department_reporter),
      });
      expect(bad.statusCode).toBe(400);
    });

    it('GET /api/plans/:planId/missing-reports groups unreported items by department', async () => {
      const submit = await h.app.inject({
        method: 'POST',
        url: '/api/observations',
        headers: as(h.sessions.department_reporter),
        payload: { indicatorId: own[1], period: '2026', expectedRevision: 0, values: { value: 2 } },
      });
      expect(submit.statusCode).toBe(201);
      const get = (query: string): Promise<LightMyRequestResponse> =>
        h.app.inject({
          method: 'GET',
          url: `/api/plans/${h.plan.planId}/missing-reports?asOf=${AS_OF}${query}`,
          headers: as(h.sessions.planning_office),
        });
      type Body = { withinDays: number; departments: { name: string | null; items: PeriodItem[] }[] };
      const res = await get('&period=2026');
      expect(res.statusCode).toBe(200);
      const body = res.json<Body>();
      expect(body.withinDays).toBe(14);
      const ownDept = body.departments.find((d) => d.name === OWN_DEPT);
      const ownIndicators = ownDept?.items.filter((i) => i.kind === 'indicator').map((i) => [i.id, i.state]);
      // own[1] was submitted for 2026: reported, so not listed.
      expect(ownIndicators).toEqual([[own[0], 'draft']]);
      expect(
        body.departments.find((d) => d.name === OTHER_DEPT)?.items.filter((i) => i.kind === 'indicator'),
      ).toEqual([expect.objectContaining({ id: foreign, period: '2026', state: 'missing', overdue: true })]);
      expect(body.departments.at(-1)?.name).toBeNull();

      // 2027 annual reports are due in 45 days: listed only when the window reaches that far.
      const soon = (await get('&period=2027&withinDays=14')).json<Body>();
      expect(soon.departments.flatMap((d) => d.items).filter((i) => i.frequency === 'annual')).toEqual([]);
      const wider = (await get('&period=2027&withinDays=60')).json<Body>();
      expect(
        wider.departments
          .find((d) => d.name === OWN_DEPT)
          ?.items.filter((i) => i.kind === 'indicator')
          .map((i) => i.id),
      ).toEqual([own[0], own[1]]);
      const unknown = await h.app.inject({
        method: 'GET',
        url: '/api/plans/nope/missing-reports',
        headers: as(h.sessions.leader),
      });
      expect(unknown.statusCode).toBe(404);
    });

    it('GET /api/my/template.xlsx gives one row per indicator × owed period, pre-filled, and a 说明 sheet', async () => {
      const wb = await load(await download());
      expect(wb.worksheets.map((w) => w.name)).toEqual(['指标', '任务进展', '说明']);
      const ws = wb.getWorksheet('指标')!;
      expect(ws.getRow(1).values).toEqual([undefined, ...HEADERS]);
      const rows: { id: unknown; period: unknown; value: unknown }[] = [];
      ws.eachRow((row, n) => {
        if (n > 1)
          rows.push({ id: row.getCell(1).value, period: row.getCell(5).value, value: row.getCell(7).value });
      });
      // 2 annual periods for own[0] and own[1], 8 quarters for the quarterly one.
      expect(rows).toHaveLength(12);
      expect(rows.find((r) => r.id === own[0] && r.period === '2026')?.value).toBe(1);
      expect(rows.find((r) => r.id === own[1] && r.period === '2026')?.value).toBe(2);
      expect(rows.some((r) => r.id === foreign)).toBe(false);
      expect(ws.getRow(2).getCell(1).protection?.locked).not.toBe(false);
      expect(ws.getRow(2).getCell(7).protection?.locked).toBe(false);
      const help = wb.getWorksheet('说明')!;
      const helpText = JSON.stringify(help.getSheetValues());
      expect(helpText).toContain('数值');
      expect(helpText).toContain('The value, a number');
    });

    it('POST /api/my/template.xlsx saves drafts from a good file once; a re-upload writes nothing; submit=true submits', async () => {
      const wb = await load(await download());
      const ws = wb.getWorksheet('指标')!;
      const filled: number[] = [];
      ws.eachRow((row, n) => {
        if (n === 1) return;
        if (row.getCell(1).value === own[0] && row.getCell(5).value === '2027') {
          row.getCell(7).value = 12.5;
          row.getCell(8).value = '是';
          row.getCell(9).value = '统计快报';
          filled.push(n);
        }
        if (row.getCell(1).value === quarterly && row.getCell(5).value === '2027Q4') {
          row.getCell(7).value = '1,024';
          filled.push(n);
        }
      });
      const bytes = Buffer.from(await wb.xlsx.writeBuffer());
      const before = await observationCount();
      const first = await upload(bytes);
      expect(first.statusCode, first.body).toBe(200);
      const result = first.json<{
        counts: Record<string, number>;
        rows: { row: number; outcome: string }[];
      }>();
      // The two pre-filled rows (2026 draft, 2026 submitted) are unchanged; two new drafts are saved.
      expect(result.counts).toEqual({ saved: 2, submitted: 0, unchanged: 2, replayed: 0 });
      expect(result.rows.filter((r) => r.outcome === 'saved').map((r) => r.row)).toEqual(filled);
      expect(await observationCount()).toBe(before + 2);

      const again = await upload(bytes);
      expect(again.statusCode).toBe(200);
      expect(again.json<{ counts: Record<string, number> }>().counts).toEqual({
        saved: 0,
        submitted: 0,
        unchanged: 2,
        replayed: 2,
      });
      expect(await observationCount()).toBe(before + 2);

      // 1,024 next to the quarter's earlier values draws a quality warning: the submission is held
      // back with the warnings per row, and nothing is saved until the reporter confirms them.
      const held = await upload(bytes, '&submit=true');
      expect(held.statusCode, held.body).toBe(200);
      const heldResult = held.json<{
        sha256: string;
        counts: Record<string, number>;
        warnings: {
          row: number;
          indicatorId: string;
          period: string;
          value: number;
          flags: { code: string }[];
        }[];
        message: { zh: string; en: string };
      }>();
      expect(heldResult.counts).toEqual({ saved: 0, submitted: 0, unchanged: 0, replayed: 0 });
      expect(heldResult.warnings.length).toBeGreaterThan(0);
      expect(heldResult.warnings).toContainEqual(
        expect.objectContaining({ indicatorId: quarterly, period: '2027Q4', value: 1024 }),
      );
      expect(heldResult.message.zh).toContain('尚未提交');
      expect(await observationCount()).toBe(before + 2);
      // A confirmation of another file does not count.
      const otherSha = await upload(bytes, `&submit=true&confirmWarnings=${'0'.repeat(64)}`);
      expect(otherSha.json<{ counts: Record<string, number> }>().counts.submitted).toBe(0);
      expect(await observationCount()).toBe(before + 2);

      const submitted = await upload(bytes, `&submit=true&confirmWarnings=${heldResult.sha256}`);
      expect(submitted.statusCode).toBe(200);
      // The drafts (2026 and the two new rows) are submitted; the submitted 2026 row is unchanged.
      expect(submitted.json<{ counts: Record<string, number> }>().counts).toEqual({
        saved: 0,
        submitted: 3,
        unchanged: 1,
        replayed: 0,
      });
      const history = await h.app.inject({
        method: 'GET',
        url: `/api/observations/${encodeURIComponent(`${own[0]}|2027|`)}/history`,
        headers: as(h.sessions.department_reporter),
      });
      expect(
        history.json<{ status: string; values: { value: number; estimated: boolean; source: string } }[]>(),
      ).toEqual([
        expect.objectContaining({
          status: 'draft',
          values: expect.objectContaining({ value: 12.5, estimated: true, source: '统计快报' }) as unknown,
        }),
        expect.objectContaining({ status: 'submitted' }),
      ]);
      // The warned row's stored flags say the reporter confirmed them, as in the form.
      const warned = heldResult.warnings.find((w) => w.indicatorId === quarterly);
      const warnedHistory = await h.app.inject({
        method: 'GET',
        url: `/api/observations/${encodeURIComponent(`${quarterly}|2027Q4|`)}/history`,
        headers: as(h.sessions.department_reporter),
      });
      const stored =
        warnedHistory.json<{ status: string; qualityFlags?: { code: string; confirmed?: boolean }[] }[]>();
      const flags = stored.find((r) => r.status === 'submitted')?.qualityFlags ?? [];
      expect(flags.map((f) => f.code).sort()).toEqual((warned?.flags ?? []).map((f) => f.code).sort());
      expect(flags.every((f) => f.confirmed === true)).toBe(true);
      expect(
        (await upload(bytes, '&submit=true')).json<{ counts: Record<string, number> }>().counts,
      ).toMatchObject({
        submitted: 0,
        replayed: 3,
      });
      expect(await observationCount()).toBe(before + 5);
    });

    it('reports every wrong cell with 422 and saves nothing', async () => {
      const bytes = await workbookOf([
        [own[0] ?? '', '1', '名称', '亿元X', '2026', '', 'abc', '也许', '', ''],
        [own[0] ?? '', '1', '名称', '', '2030', '', 5, '', '', ''],
        [own[1] ?? '', '2', '名称', '', '2026Q5', '', 6, '', '', ''],
        [quarterly, '3', '名称', '', '2027Q2', '全省', 7, '否', '', ''],
        [quarterly, '3', '名称', '', '2027Q2', '', 8, '', '', ''],
        ['no-such-indicator', '9', '名称', '', '2026', '', 9, '', '', ''],
      ]);
      const before = await observationCount();
      const res = await upload(bytes);
      expect(res.statusCode).toBe(422);
      expect(String(res.headers['content-type'])).toMatch(/problem\+json/);
      const body = res.json<{ code: string; errors: CellError[] }>();
      expect(body.code).toBe('invalid-workbook');
      expect(body.errors.map((e) => [e.sheet, e.row, e.column])).toEqual([
        ['指标', 2, 'D'],
        ['指标', 2, 'G'],
        ['指标', 2, 'H'],
        ['指标', 3, 'E'],
        ['指标', 4, 'E'],
        ['指标', 5, 'F'],
        ['指标', 7, 'A'],
      ]);
      for (const e of body.errors) {
        expect(e.messages.zh.length).toBeGreaterThan(0);
        expect(e.messages.en.length).toBeGreaterThan(0);
      }
      expect(await observationCount()).toBe(before);

      // Duplicate rows (once the rows are otherwise fine) are reported on the later row.
      const dup = await upload(
        await workbookOf([
          [quarterly, '3', '名称', '', '2027Q2', '', 7, '', '', ''],
          [quarterly, '3', '名称', '', '2027Q2', '', 8, '', '', ''],
        ]),
      );
      expect(dup.statusCode).toBe(422);
      expect(dup.json<{ errors: CellError[] }>().errors).toEqual([
        {
          sheet: '指标',
          row: 3,
          column: 'E',
          messages: {
            zh: '与第 2 行重复（同一指标、同一期间）。',
            en: 'Duplicates row 2 (same indicator and period).',
          },
        },
      ]);
      // A changed value of a submitted (under review) record is refused at its cell.
      const locked = await upload(
        await workbookOf([[own[1] ?? '', '2', '名称', '', '2026', '', 99, '', '', '']]),
      );
      expect(locked.statusCode).toBe(422);
      expect(locked.json<{ errors: CellError[] }>().errors.map((e) => [e.row, e.column])).toEqual([[2, 'G']]);
      expect(await observationCount()).toBe(before);
    });

    it('refuses another department’s indicator, a non-xlsx file, a wrong header and anonymous callers', async () => {
      const before = await observationCount();
      const other = await upload(
        await workbookOf([
          [quarterly, '3', '名称', '', '2027Q3', '', 7, '', '', ''],
          [foreign, '5', '名称', '', '2026', '', 1, '', '', ''],
        ]),
      );
      expect(other.statusCode).toBe(422);
      expect(other.json<{ errors: CellError[] }>().errors).toEqual([
        {
          sheet: '指标',
          row: 3,
          column: 'A',
          messages: {
            zh: '该指标不由本部门填报，不能上传。',
            en: 'This indicator is not reported by your department.',
          },
        },
      ]);
      const text = await upload(
        Buffer.from('指标ID,数值\n1,2\n'),
        '',
        h.sessions.department_reporter,
        'x.csv',
      );
      expect(text.statusCode).toBe(400);
      expect(text.json<{ code: string }>().code).toBe('unreadable-workbook');
      const zipButNotXlsx = await upload(Buffer.from('PK\u0003\u0004garbage'));
      expect(zipButNotXlsx.statusCode).toBe(400);
      const header = await upload(await workbookOf([], 'Sheet1'));
      expect(header.statusCode).toBe(422);
      expect(header.json<{ errors: CellError[] }>().errors[0]).toMatchObject({ sheet: '指标', row: 1 });
      const { payload, headers } = multipartFile('my.xlsx', await workbookOf([]));
      const anon = await h.app.inject({ method: 'POST', url: '/api/my/template.xlsx', headers, payload });
      expect(anon.statusCode).toBe(401);
      expect(await observationCount()).toBe(before);
    });

    it('refuses an upload over the size limit with 413', async () => {
      const small = await makeHarness(await open(), dialect, { templateMaxBytes: 1024 });
      try {
        const { payload, headers } = multipartFile('big.xlsx', Buffer.alloc(4096, 1));
        const res = await small.app.inject({
          method: 'POST',
          url: '/api/my/template.xlsx',
          headers: { ...as(small.sessions.department_reporter), ...headers },
          payload,
        });
        expect(res.statusCode).toBe(413);
      } finally {
        await small.app.close();
      }
    });
  });
});
