// npm run bench:report — median time to build each report format for the sample plan beside a floor
// measured in the same run: serialising the same ReportDocument to JSON. Cases: the ReportDocument
// itself (assessment of every indicator, tables, sentences), .docx with and without charts, HTML with
// charts, PDF printed from that HTML by Chromium (the process's shared browser, already launched).
// The observations are SYNTHETIC (made up below), as in the tests. Goal: .docx under 1 s, PDF
// under 5 s. Appends the figures to docs/benchmarks.md.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { buildReportDocument, ingestText } from '../packages/core/dist/index.js';
import {
  closeReportPdfPrinter,
  printReportPdf,
  renderReportDocx,
  renderReportHtml,
} from '../packages/formats/dist/index.js';
import { appendRows, medianMs, medianMsAsync } from './bench-lib.mjs';

const model = ingestText(
  readFileSync(fileURLToPath(new URL('../examples/wujin-15th-outline.txt', import.meta.url)), 'utf8'),
);
const SYNTHETIC = '合成数据（基准测试用）';
const FACTORS = [1.4, 1.0, 0.9, 0.6, 0.1];
const round = (x) => Math.round(x * 100) / 100;
const traced = (seq, period, value) => ({
  period,
  value: round(value),
  scope: null,
  estimated: false,
  status: 'approved',
  trace: { revisionId: `syn-${seq}-${period}`, source: SYNTHETIC, scope: null, approval: '合成数据' },
});

/** SYNTHETIC observations for 2025–2026: level targets on a path at one of five paces. */
function synthetic(ind, i) {
  const f = FACTORS[i % FACTORS.length];
  const t = ind.target;
  const years = [2025, 2026];
  if (t.kind === 'relative' || t.kind === 'external') {
    const name = t.kind === 'relative' ? (t.reference ?? '全市平均') : '市定目标';
    const ref = years.map((y) => ({ period: y, value: 5.5 + y - 2025 }));
    return {
      seq: ind.seq,
      observations: ref.map((p) => traced(ind.seq, p.period, p.value + f - 0.8)),
      references: [{ name, points: ref, source: SYNTHETIC }],
      lead: null,
    };
  }
  if (t.value === null) return { seq: ind.seq, observations: [], lead: null };
  if (t.kind === 'rate')
    return { seq: ind.seq, observations: years.map((y) => traced(ind.seq, y, t.value * f)) };
  if (t.kind === 'cumulative')
    return { seq: ind.seq, observations: [traced(ind.seq, 2026, (t.value / 5) * f)] };
  const B = ind.direction === 'lower' ? t.value * 1.2 : t.value * 0.8;
  return {
    seq: ind.seq,
    observations: years.map((y) => traced(ind.seq, y, B + (t.value - B) * ((y - 2025) / 5) * f)),
  };
}

const input = {
  kind: 'annual',
  year: 2026,
  asOf: '2026-12-31',
  plan: model.plan,
  indicators: model.indicators,
  data: model.indicators.map(synthetic),
  tasks: model.assignments.slice(0, 12).map((a, i) => ({
    id: a.id,
    title: a.measure,
    lead: a.leads.map((d) => d.canonical ?? d.text).join('、'),
    coLeads: a.coLeads.map((d) => d.canonical ?? d.text),
    progress: '（合成）进展说明',
    status: ['已完成', '按计划推进', '滞后', '未启动'][i % 4],
  })),
};

const doc = buildReportDocument(input);
const floor = medianMs(() => JSON.stringify(doc), { runs: 60, warmup: 20 });
const note = (extra) =>
  `floor = JSON.stringify of the same ReportDocument; ${doc.charts.length} charts, ${doc.sources.length} traced figures; synthetic data; ${extra}load avg ${loadavg()[0].toFixed(1)}`;
const rows = [];
rows.push({
  bench: 'report',
  case: 'annual 2026 ReportDocument (27 indicators assessed, tables, sentences, warm)',
  median: medianMs(() => buildReportDocument(input), { runs: 30, warmup: 10 }),
  floor,
  notes: note(''),
});
const docxBare = await medianMsAsync(() => renderReportDocx(doc, { charts: false }), { runs: 10, warmup: 3 });
rows.push({
  bench: 'report',
  case: 'annual 2026 .docx without charts (warm)',
  median: docxBare,
  floor,
  notes: note(`goal < 1000 ms (${docxBare < 1000 ? 'met' : 'missed'}); `),
});
const docxCharts = await medianMsAsync(() => renderReportDocx(doc), { runs: 5, warmup: 1 });
rows.push({
  bench: 'report',
  case: `annual 2026 .docx with ${doc.charts.length} PNG charts (ECharts SVG + resvg, TrueType chart faces, warm)`,
  median: docxCharts,
  floor,
  notes: note(`goal < 1000 ms (${docxCharts < 1000 ? 'met' : 'missed'}); `),
});
rows.push({
  bench: 'report',
  case: `annual 2026 HTML with ${doc.charts.length} SVG charts (warm)`,
  median: medianMs(() => renderReportHtml(doc), { runs: 10, warmup: 3 }),
  floor,
  notes: note(''),
});
const html = renderReportHtml(doc);
// The first print launches Chromium (counted apart); the median is of prints on the running browser.
const launchStart = performance.now();
await printReportPdf(html);
const firstPrint = performance.now() - launchStart;
const pdf = await medianMsAsync(() => printReportPdf(html), { runs: 5, warmup: 1 });
await closeReportPdfPrinter();
rows.push({
  bench: 'report',
  case: `annual 2026 PDF from the HTML with ${doc.charts.length} SVG charts (Chromium print, browser running)`,
  median: pdf,
  floor,
  notes: note(
    `goal < 5000 ms (${pdf < 5000 ? 'met' : 'missed'}); first print with the browser launch ${firstPrint.toFixed(0)} ms; `,
  ),
});
for (const r of rows) {
  console.log(
    `${r.case}: median ${r.median.toFixed(1)} ms, floor ${r.floor.toFixed(3)} ms, ratio ${(r.median / r.floor).toFixed(0)}`,
  );
}
appendRows(rows);
