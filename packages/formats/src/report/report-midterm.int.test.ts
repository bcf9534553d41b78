import { buildReportDocument, type ReportTable } from '@plantrack/core';
import { strFromU8, unzipSync } from 'fflate';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { docxToPdf, pageWords, poppler } from '../testing/office-convert.js';
import { pageNumberWord, printedTable1, tablesOf, typedLines } from '../testing/report-pdf-check.js';
import { syntheticReportInput } from '../testing/report-sample.js';
import { renderReportDocx } from './report-docx.renderer.js';

// The sample plan with SYNTHETIC observations (see testing/report-sample.ts): not real figures.

const dir = mkdtempSync(join(tmpdir(), 'plantrack-midterm-'));

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the mid-term evaluation (as of 2028-06-30) as .docx for demo data', () => {
  it('has the evaluation outline, a 演示数据 watermark and a number on every page', async () => {
    const input = syntheticReportInput('midterm', 2027, '2028-06-30', true);
    const doc = buildReportDocument(input);
    expect(doc.title).toBe('武进区国民经济和社会发展第十五个五年规划纲要实施中期评估报告');
    expect(doc.sections.map((s) => s.label + s.title)).toEqual([
      '一、总体评价',
      '二、主要目标指标实现情况',
      '三、重点任务推进情况',
      '四、存在问题及原因',
      '五、发展环境变化和调整建议',
      '六、下半程对策建议',
    ]);
    const halfway = doc.sections[0]?.blocks[1];
    expect(halfway?.kind === 'paragraph' ? halfway.text : '').toMatch(/^截至评估时点，规划实施时间已过50%；/);
    const docx = await renderReportDocx(doc, { charts: false });
    const files = unzipSync(docx);
    const headers = Object.keys(files).filter((k) => /^word\/header\d+\.xml$/.test(k));
    expect(headers.length).toBeGreaterThan(0);
    for (const h of headers) expect(strFromU8(files[h] as Uint8Array)).toContain('演示数据');
    writeFileSync(join(dir, 'midterm.docx'), docx);
    const pdf = await docxToPdf(dir, 'midterm.docx');
    const pages = Number(/Pages:\s+(\d+)/.exec(await poppler('pdfinfo', [pdf]))?.[1]);
    expect(pages).toBeGreaterThan(3);
    const bbox = await poppler('pdftotext', ['-bbox', pdf, '-']);
    for (let p = 1; p <= pages; p++) {
      const words = pageWords(bbox, p);
      expect(pageNumberWord(words, p), `page ${p} has its number`).toBeDefined();
    }
    // 表1 on landscape pages: header repeated, one row per indicator, each with the document's figure.
    const table1 = tablesOf(doc.sections).find((t) => t.id === 'table-1') as ReportTable;
    const printed = printedTable1(bbox, pages);
    expect(printed.headerMissing).toEqual([]);
    expect(printed.rows.map((r) => r.seq)).toEqual(input.indicators.map((i) => i.seq));
    for (const r of printed.rows)
      expect(r.value, `表1 row ${r.seq}`).toBe(table1.rows.find((row) => row[0]?.text === r.seq)?.[7]?.text);
    // Title in 2号 小标宋 and body in 3号 仿宋, here through their declared serif fallback.
    const lines = await typedLines(pdf);
    for (const l of lines.filter((x) => x.page === 1).slice(0, 2))
      expect([l.face, l.size]).toEqual([expect.stringMatching(/^NotoSerifCJK/), 22]);
    const body = lines.filter((l) => l.page === 1 && l.size === 16 && !/^[一二三四五六]、/.test(l.text));
    expect(body.length).toBeGreaterThan(3);
    for (const l of body) expect(l.face).toMatch(/^NotoSerifCJK/);
  }, 180_000);
});
