import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import { xlsxBomb } from '../../../formats/src/testing/xlsx-fixtures.js';
import { type Harness, as, makeHarness } from '../testing/harness.js';

const BOUNDARY = '----plantrack-bomb-boundary';
const MIB = 1024 * 1024;

function multipartXlsx(bytes: Uint8Array): { payload: Buffer; headers: Record<string, string> } {
  const payload = Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="模板.xlsx"\r\n` +
        'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
    ),
    bytes,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } };
}

type Problem = { code: string; messages: { zh: string; en: string } };

// About 630 KB on the wire, 160 MB of sheet XML once inflated: the size of the file that took the
// old reader 16 s and 1.1 GiB.
const HONEST = xlsxBomb({ sheet: '指标', rows: 700_000, columns: 10 });
const LYING = xlsxBomb({ sheet: '指标', rows: 700_000, columns: 10, lieAboutSize: true });
// Under the decompression budget (about 14 MB of XML) but 60,000 rows: stopped by the row limit.
const TALL = xlsxBomb({ sheet: '任务进展', rows: 60_000, columns: 10 });

forEachDialect((dialect, open) => {
  describe('an Excel decompression bomb sent as the department template', () => {
    let h: Harness;

    beforeAll(async () => {
      h = await makeHarness(await open(), dialect);
      return async () => {
        await h.app.close();
      };
    }, 60_000);

    const upload = (bytes: Uint8Array) => {
      const { payload, headers } = multipartXlsx(bytes);
      return h.app.inject({
        method: 'POST',
        url: '/api/my/template.xlsx?asOf=2028-02-15',
        headers: { ...as(h.sessions.department_reporter), ...headers },
        payload,
      });
    };

    it('is refused quickly with 413 and a zh/en message, while an unrelated request is answered', async () => {
      expect(HONEST.length).toBeLessThan(MIB);
      const rssBefore = process.memoryUsage().rss;
      let peakRss = rssBefore;
      const sampler = setInterval(() => {
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      }, 5);
      const started = performance.now();
      let bombDoneAt = 0;
      let otherDoneAt = 0;
      const bomb = upload(HONEST).then((res) => {
        bombDoneAt = performance.now() - started;
        return res;
      });
      const other = h.app.inject({ method: 'GET', url: '/api/public/plans' }).then((res) => {
        otherDoneAt = performance.now() - started;
        return res;
      });
      const [bombRes, otherRes] = await Promise.all([bomb, other]);
      clearInterval(sampler);

      expect(bombRes.statusCode).toBe(413);
      const body = bombRes.json<Problem>();
      expect(body.code).toBe('workbook-too-large');
      expect(body.messages.zh).toContain('解压后的内容过大');
      expect(body.messages.en).toContain('expands to too much data');
      expect(otherRes.statusCode).toBe(200);
      // Loose bounds, not a benchmark: the old reader took 16 s and grew the process by 1.1 GiB.
      expect(bombDoneAt).toBeLessThan(3_000);
      expect(otherDoneAt).toBeLessThan(2_000);
      expect(peakRss - rssBefore).toBeLessThan(300 * MIB);
    });

    it('is refused when it lies about its size, and when it stays small but has too many rows', async () => {
      const lying = await upload(LYING);
      expect(lying.statusCode).toBe(413);
      expect(lying.json<Problem>().code).toBe('workbook-too-large');

      const tall = await upload(TALL);
      expect(tall.statusCode).toBe(413);
      expect(tall.json<Problem>()).toMatchObject({
        code: 'workbook-too-large',
        messages: {
          zh: expect.stringContaining('行数过多') as string,
          en: expect.stringContaining('too many rows') as string,
        },
      });
    });

    it('leaves the server able to read a good template afterwards', async () => {
      const download = await h.app.inject({
        method: 'GET',
        url: '/api/my/template.xlsx?asOf=2028-02-15',
        headers: as(h.sessions.department_reporter),
      });
      expect(download.statusCode).toBe(200);
      const res = await upload(download.rawPayload);
      // The untouched template holds no values: read, checked, and found empty.
      expect([200, 400]).toContain(res.statusCode);
      expect(res.json<{ code?: string }>().code ?? 'ok').not.toBe('unreadable-workbook');
    });
  });
});
