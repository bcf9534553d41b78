import { buildReportDocument } from '@plantrack/core';
import { describe, expect, it } from 'vitest';
import { syntheticReportInput } from '../testing/report-sample.js';
import { renderReportHtml } from './report-html.renderer.js';

// The sample plan with SYNTHETIC observations (see testing/report-sample.ts): not real figures.

describe('the report as HTML', () => {
  const input = syntheticReportInput('annual', 2026, '2026-12-31');
  const doc = buildReportDocument(input);
  const html = renderReportHtml(doc);

  it('is one page with the title, the print rules of a 公文 and repeated table headers', () => {
    expect(html.startsWith('<!doctype html><html lang="zh-CN">')).toBe(true);
    expect(html).toContain(`<title>${doc.title}</title>`);
    expect(html).toContain('@page { size: A4; margin: 37mm 26mm 35mm 28mm; }');
    expect(html).toContain('@page wide { size: A4 landscape;');
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toContain('@bottom-right { content: "— " counter(page) " —";');
    expect(html).toContain('@bottom-left { content: "— " counter(page) " —";');
    expect(html).not.toContain('class="watermark"');
  });

  it('shows 表1 with one row per indicator, each figure pointing at its 数据来源 entry', () => {
    const t1 = /<div class="table landscape" id="table-1">(.*?)<\/table>/s.exec(html)?.[1] ?? '';
    expect(t1).toContain('<caption>表1 主要指标完成情况</caption>');
    expect(t1.match(/<thead>/g)).toHaveLength(1);
    const rows = (/<tbody>(.*)<\/tbody>/s.exec(t1)?.[1] ?? '').split('<tr>').slice(1);
    expect(rows).toHaveLength(input.indicators.length);
    expect(rows[1]).toContain('<td class="center" data-source="S');
    expect(rows[1]).toContain('>223.6<');
    for (const s of doc.sources) expect(html).toContain(`<td class="center">${s.id}</td>`);
  });

  it('inlines the charts as SVG and leaves the office sections as marked placeholders', () => {
    expect(html.match(/<figure id="chart-/g)?.length).toBe(doc.charts.length);
    expect(html).toContain('<svg');
    expect(html).toContain('data-office-key="problems"');
    expect(renderReportHtml(doc, { charts: false })).not.toContain('<svg');
  });

  it('fills an office section from its draft, escaped, and marks demo data with a watermark', () => {
    const drafted = buildReportDocument({
      ...syntheticReportInput('annual', 2026, '2026-12-31', true),
      officeTexts: { problems: '一是<投资>增速放缓。\n二是用地指标偏紧。' },
    });
    const out = renderReportHtml(drafted);
    expect(out).toContain('<p data-office-key="problems">一是&lt;投资&gt;增速放缓。</p>');
    expect(out).toContain('<p data-office-key="problems">二是用地指标偏紧。</p>');
    expect(out).toContain('<div class="watermark" aria-hidden="true">演示数据</div>');
  });
});
