import { describe, expect, it } from 'vitest';
import { workbookParts, xlsxBomb, zipParts } from '../../../../formats/src/testing/xlsx-fixtures.js';
import { readWorkbookOffThread } from './workbook.worker-reader.js';

const SMALL = zipParts(
  workbookParts([
    { name: '指标', sheetData: '<row r="1"><c r="A1" t="inlineStr"><is><t>指标ID</t></is></c></row>' },
  ]),
);

describe('readWorkbookOffThread', () => {
  it('reads a workbook on a worker thread', async () => {
    const read = await readWorkbookOffThread(SMALL, ['指标']);
    expect(read).toEqual({
      ok: true,
      workbook: { sheetNames: ['指标'], sheets: [{ name: '指标', rows: [{ row: 1, cells: ['指标ID'] }] }] },
    });
  });

  it('stops a read that outlasts its deadline, and says so in Chinese and English', async () => {
    const tall = xlsxBomb({ sheet: '指标', rows: 9_000, columns: 10 });
    const read = await readWorkbookOffThread(tall, ['指标'], { timeoutMs: 1 });
    expect(read).toMatchObject({
      ok: false,
      reason: 'too-large',
      messages: {
        zh: expect.stringContaining('读取超过 0.001 秒') as string,
        en: expect.stringContaining('reading took over 0.001 s') as string,
      },
    });
  });

  it('passes the reader’s refusals on with their messages: too large (413) and unreadable (400)', async () => {
    const limited = await readWorkbookOffThread(SMALL, ['指标'], { limits: { maxCells: 0 } });
    expect(limited).toMatchObject({ ok: false, reason: 'too-large' });
    const broken = await readWorkbookOffThread(SMALL.subarray(0, SMALL.length - 30), ['指标']);
    expect(broken).toMatchObject({
      ok: false,
      reason: 'unreadable',
      messages: { zh: expect.stringContaining('无法读取该 Excel 工作簿') as string },
    });
  });
});
