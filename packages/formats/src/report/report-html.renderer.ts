import type { ReportBlock, ReportDocument, ReportSection, ReportTable } from '@plantrack/core';
import { renderChartSvg } from './report-chart.renderer.js';
import { DEMO_WATERMARK } from './report-docx.layout.js';

/** Options of the HTML rendering. */
export type ReportHtmlOptions = {
  /** Inline the charts as SVG (default true). */
  charts?: boolean;
};

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/**
 * "— N —" in 4号 宋体, its line about 7 mm below the text block, one character in from the outside
 * edge (page-margin boxes: Chromium prints them, and a browser's own print dialog shows them too).
 */
const PAGE_NUMBER = `font-family: "宋体", SimSun, "Noto Serif CJK SC", serif; font-size: 14pt; vertical-align: top; padding-top: 5mm;`;

/**
 * Screen and print styles. Print follows the .docx: A4 with the 37 mm top and 28 mm binding margin
 * mirrored on left and right pages, 3号 仿宋 body on a 28.9 pt line, 黑体/楷体 headings, table
 * header rows repeated on every page, rows kept whole, 表1 on landscape pages.
 */
const CSS = `
:root { --body: "仿宋_GB2312", "仿宋", FangSong, "Noto Serif CJK SC", serif; --hei: "黑体", SimHei, "Noto Sans CJK SC", sans-serif;
  --kai: "楷体_GB2312", "楷体", KaiTi, "Noto Serif CJK SC", serif; --title: "方正小标宋简体", "小标宋", "Noto Serif CJK SC", serif; }
body { margin: 0; background: #f2f2f2; color: #000; font-family: var(--body); font-size: 16pt; line-height: 28.9pt; }
main { box-sizing: border-box; max-width: 210mm; margin: 16px auto; padding: 37mm 26mm 35mm 28mm; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.2); }
h1 { font-family: var(--title); font-size: 22pt; line-height: 35pt; font-weight: normal; text-align: center; margin: 0; }
.date { font-family: var(--kai); text-align: center; margin: 28.9pt 0; }
h2, h3, h4 { font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; break-after: avoid; }
h2 { font-family: var(--hei); } h3 { font-family: var(--kai); } h4 { font-family: var(--body); }
p { margin: 0; text-indent: 2em; text-align: justify; }
p.office { background: #fff3b0; }
figure { margin: 12pt 0; text-align: center; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
.table { margin: 8pt 0; }
.table.landscape { overflow-x: auto; }
caption { font-family: var(--hei); font-size: 16pt; line-height: 28.9pt; caption-side: top; padding-bottom: 4pt; }
table { border-collapse: collapse; width: 100%; font-size: 12pt; line-height: 1.35; }
.landscape table { font-size: 10.5pt; }
th, td { border: 1px solid #000; padding: 2pt 3pt; vertical-align: middle; }
th { font-family: var(--hei); font-weight: normal; text-align: center; }
td.center { text-align: center; } td.right { text-align: right; } td.left { text-align: left; }
.note { text-indent: 0; font-size: 12pt; line-height: 1.5; }
.appendix { break-before: page; }
.appendix .label { font-family: var(--hei); text-indent: 0; }
.watermark { position: fixed; inset: 0; display: flex; align-items: center; justify-content: center; pointer-events: none;
  font-family: var(--hei); font-size: 96pt; color: rgba(160,160,160,.28); transform: rotate(-35deg); z-index: 10; }
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@page :left { margin-left: 26mm; margin-right: 28mm;
  @bottom-left { content: "— " counter(page) " —"; ${PAGE_NUMBER} padding-left: 14pt; text-align: left; } }
@page :right { margin-left: 28mm; margin-right: 26mm;
  @bottom-right { content: "— " counter(page) " —"; ${PAGE_NUMBER} padding-right: 14pt; text-align: right; } }
@page wide { size: A4 landscape; margin: 28mm 35mm 26mm 37mm; }
@media print {
  body { background: #fff; }
  main { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  .table.landscape, .wide { page: wide; }
  .table.landscape { overflow: visible; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
}
`;

function table(t: ReportTable): string {
  const head = t.columns.map((c) => `<th scope="col">${esc(c.title)}</th>`).join('');
  const cols = t.columns.map((c) => `<col style="width:${c.width}%">`).join('');
  const rows = t.rows
    .map(
      (r) =>
        `<tr>${t.columns
          .map((c, i) => {
            const cell = r[i];
            const ref = cell?.ref === undefined ? '' : ` data-source="${esc(cell.ref)}"`;
            return `<td class="${c.align}"${ref}>${esc(cell?.text ?? '')}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('');
  const notes = t.notes.map((n) => `<p class="note">${esc(n)}</p>`).join('');
  const caption = t.caption === '' ? '' : `<caption>${esc(t.caption)}</caption>`;
  return `<div class="table${t.landscape ? ' landscape' : ''}" id="${esc(t.id)}"><table>${caption}<colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>${notes}</div>`;
}

function block(b: ReportBlock, charts: boolean): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p>${esc(b.text)}</p>`;
    case 'list':
      return b.items.map((item, i) => `<p>（${i + 1}）${esc(item)}</p>`).join('');
    case 'office-text':
      if (b.text === undefined) return `<p class="office" data-office-key="${esc(b.key)}">${esc(b.hint)}</p>`;
      return b.text
        .split(/\n+/)
        .filter((p) => p.trim() !== '')
        .map((p) => `<p data-office-key="${esc(b.key)}">${esc(p.trim())}</p>`)
        .join('');
    case 'chart':
      return charts
        ? `<figure id="${esc(b.chart.id)}" role="img" aria-label="${esc(b.chart.title)}">${renderChartSvg(b.chart)}</figure>`
        : '';
    case 'table':
      return table(b);
  }
}

/** True when a section's first content is a landscape table (directly or through its first subsection). */
function opensWide(s: ReportSection): boolean {
  const first = s.blocks[0];
  if (first !== undefined) return first.kind === 'table' && first.landscape;
  const sub = s.sections[0];
  return sub !== undefined && opensWide(sub);
}

function section(s: ReportSection, charts: boolean): string {
  const tag = s.level === 1 ? 'h2' : s.level === 2 ? 'h3' : 'h4';
  const body = s.blocks.map((b) => block(b, charts)).join('');
  const subs = s.sections.map((x) => section(x, charts)).join('');
  // In print, a heading goes onto the landscape page of the table it introduces, not stranded before it.
  const wide = opensWide(s) ? ' class="wide"' : '';
  return `<section><${tag}${wide}>${esc(s.label + s.title)}</${tag}>${body}${subs}</section>`;
}

/**
 * A report as one self-contained HTML page for the screen and for print (A4, the 公文 margins and
 * fonts, repeated table headers, 表1 on landscape pages), charts inlined as SVG, and for demo data a
 * 演示数据 watermark fixed over every screen and printed page. Drawn from the same `ReportDocument`
 * as the .docx, so the numbers are the same.
 */
export function renderReportHtml(doc: ReportDocument, options: ReportHtmlOptions = {}): string {
  const charts = options.charts ?? true;
  const watermark = doc.demo ? `<div class="watermark" aria-hidden="true">${DEMO_WATERMARK}</div>` : '';
  const appendix = `<section class="appendix"><p class="label">附件</p><h1>${esc(doc.appendix.table.caption)}</h1>${table({ ...doc.appendix.table, caption: '' })}</section>`;
  return [
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(doc.title)}</title><style>${CSS}</style></head><body>`,
    watermark,
    `<main><h1>${esc(doc.title)}</h1><p class="date">（截至${esc(doc.dateLine)}）</p>`,
    doc.sections.map((s) => section(s, charts)).join(''),
    appendix,
    '</main></body></html>',
  ].join('');
}
