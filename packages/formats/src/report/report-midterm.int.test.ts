import { buildReportDocument } from '@plantrack/core';
import { strFromU8, unzipSync } from 'fflate';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { docxToPdf, pageWords, poppler } from '../testing/office-convert.js';
import { syntheticReportInput } from '../testing/report-sample.js';
import { renderReportDocx } from './report-docx.renderer.js';

// The sample plan with SYNTHETIC observations (see testing/report-sample.ts): not real figures.

const dir = mkdtempSync(join(tmpdir(), 'plantrack-midterm-'));

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the mid-term evaluation (as of 2028-06-30) as .docx for demo data', () => {
  it('has the evaluation outline, a 演示数据 watermark and a number on every page', async () => {
    const doc = buildReportDocument(syntheticReportInput('midterm', 2027, '2028-06-30', true));
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
      expect(
        words.some(
          (w, i) => w.text === String(p) && words[i - 1]?.text === '—' && words[i + 1]?.text === '—',
        ),
        `page ${p} has its number`,
      ).toBe(true);
    }
  }, 180_000);
});
