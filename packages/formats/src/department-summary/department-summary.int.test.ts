import { type DepartmentSummaryInput, buildDepartmentSummary } from '@plantrack/core';
import { strFromU8, unzipSync } from 'fflate';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxToPdf, poppler } from '../testing/office-convert.js';
import { renderDepartmentSummaryDocx } from './department-summary-docx.renderer.js';
import { renderDepartmentSummaryHtml } from './department-summary-html.renderer.js';

// A made-up department beyond what the summary lists (10 indicators, 10 tasks, late and due items):
// names only, and values marked as the synthetic numbers of a test.
const LONG = '推进重点领域改革，完善配套政策体系并抓好督促落实';
const input: DepartmentSummaryInput = {
  planTitle: '某区国民经济和社会发展第十五个五年规划纲要',
  department: '区发展和改革局',
  asOf: '2027-04-10',
  dueWithinDays: 14,
  demo: true,
  indicators: Array.from({ length: 10 }, (_, i) => ({
    seq: String(i + 1),
    name: `测试指标${i + 1}`,
    unit: '%',
    targetText: `${50 + i}以上`,
    latest: { period: '2026', value: 40 + i },
    status: i % 3 === 0 ? ('滞后' as const) : ('符合预期' as const),
  })),
  tasks: Array.from({ length: 10 }, (_, i) => ({
    title: `${LONG}（${i + 1}）`,
    role: i % 2 === 0 ? ('lead' as const) : ('co_lead' as const),
    latest: { period: '2027Q1', progress: i % 4 === 0 ? ('delayed' as const) : ('in_progress' as const) },
  })),
  owed: [
    {
      kind: 'indicator',
      name: '测试指标2',
      period: '2026',
      dueDate: '2027-03-31',
      state: 'missing',
      overdue: true,
      daysUntilDue: -10,
    },
    {
      kind: 'task',
      name: `${LONG}（2）`,
      period: '2027Q1',
      dueDate: '2027-04-15',
      state: 'draft',
      overdue: false,
      daysUntilDue: 5,
    },
  ],
};

let dir: string;
let pdf: string;
let docx: Uint8Array;
const summary = buildDepartmentSummary(input);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plantrack-dept-summary-'));
  docx = await renderDepartmentSummaryDocx(summary);
  writeFileSync(join(dir, 'summary.docx'), docx);
  pdf = await docxToPdf(dir, 'summary.docx');
}, 180_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('a department one-page summary as .docx, converted by LibreOffice', () => {
  it('fits one A4 page even at the most it lists', async () => {
    const info = await poppler('pdfinfo', [pdf]);
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
  });

  it('shows the late and due items, the tables cut to six rows, in the report fonts, with the demo watermark', async () => {
    const text = (await poppler('pdftotext', ['-layout', pdf, '-'])).replace(/\s+/g, '');
    expect(text).toContain('区发展和改革局规划实施情况摘要');
    expect(text).toContain('测试指标2（2026）——逾期未报（未填报）');
    expect(text).toContain('2027-04-15前报送（草稿未提交）');
    expect(text).toContain('四、承担指标（共10项，列出前6项）');
    const fonts = await poppler('pdffonts', [pdf]);
    expect(fonts).toMatch(/NotoSerifCJK/);
    const parts = unzipSync(docx);
    expect(strFromU8(parts['word/document.xml'] as Uint8Array)).toContain('w:eastAsia="仿宋_GB2312"');
    const headers = Object.keys(parts).filter((k) => /^word\/header\d*\.xml$/.test(k));
    expect(headers.some((k) => strFromU8(parts[k] as Uint8Array).includes('演示数据'))).toBe(true);
  });
});

describe('a department one-page summary as HTML', () => {
  it('carries the same items and the watermark, with the text escaped', () => {
    const html = renderDepartmentSummaryHtml({ ...summary, department: '<b>' });
    expect(html).toContain('<h1>区发展和改革局规划实施情况摘要</h1>');
    expect(html).toContain('测试指标2（2026）——逾期未报（未填报）');
    expect(html).toContain('<div class="watermark" aria-hidden="true">演示数据</div>');
    expect(html.match(/<tr>/g)?.length).toBe(2 + 12); // two header rows, six rows per table
    expect(renderDepartmentSummaryHtml({ ...summary, title: '<x>' })).toContain('&lt;x&gt;');
  });
});
