import type { DepartmentSummary, ReportBlock, ReportTable } from '@plantrack/core';
import { DEMO_WATERMARK } from '../report/report-docx.layout.js';

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** One A4 page on the 公文 margins and fonts (on the smaller scale of the .docx), for the screen and for print. */
const CSS = `
:root { --body: "仿宋_GB2312", "仿宋", FangSong, "Noto Serif CJK SC", serif; --hei: "黑体", SimHei, "Noto Sans CJK SC", sans-serif;
  --kai: "楷体_GB2312", "楷体", KaiTi, "Noto Serif CJK SC", serif; --title: "方正小标宋简体", "小标宋", "Noto Serif CJK SC", serif; }
body { margin: 0; background: #f2f2f2; color: #000; font-family: var(--body); font-size: 12pt; line-height: 18pt; }
main { box-sizing: border-box; max-width: 210mm; margin: 16px auto; padding: 37mm 26mm 35mm 28mm; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.2); }
h1 { font-family: var(--title); font-size: 16pt; line-height: 28pt; font-weight: normal; text-align: center; margin: 0; }
.date { font-family: var(--kai); text-align: center; text-indent: 0; margin: 0 0 6pt; }
h2 { font-family: var(--hei); font-size: 14pt; font-weight: normal; margin: 3pt 0 0; text-indent: 2em; break-after: avoid; }
p { margin: 0; text-indent: 2em; text-align: justify; }
table { border-collapse: collapse; width: 100%; font-size: 10.5pt; line-height: 1.3; margin: 4pt 0; }
th, td { border: 1px solid #000; padding: 2pt 3pt; vertical-align: middle; }
th { font-family: var(--hei); font-weight: normal; text-align: center; }
td.center { text-align: center; } td.right { text-align: right; } td.left { text-align: left; }
.note { text-indent: 0; font-size: 10.5pt; line-height: 1.5; }
.watermark { position: fixed; inset: 0; display: flex; align-items: center; justify-content: center; pointer-events: none;
  font-family: var(--hei); font-size: 96pt; color: rgba(160,160,160,.28); transform: rotate(-35deg); z-index: 10; }
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@media print { body { background: #fff; } main { max-width: none; margin: 0; padding: 0; box-shadow: none; } tr { break-inside: avoid; } }
`;

function table(t: ReportTable): string {
  const head = t.columns.map((c) => `<th scope="col">${esc(c.title)}</th>`).join('');
  const cols = t.columns.map((c) => `<col style="width:${c.width}%">`).join('');
  const rows = t.rows
    .map(
      (r) =>
        `<tr>${t.columns.map((c, i) => `<td class="${c.align}">${esc(r[i]?.text ?? '')}</td>`).join('')}</tr>`,
    )
    .join('');
  const notes = t.notes.map((n) => `<p class="note">${esc(n)}</p>`).join('');
  return `<table id="${esc(t.id)}"><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>${notes}`;
}

function block(b: ReportBlock): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p>${esc(b.text)}</p>`;
    case 'list':
      return b.items.map((item, i) => `<p>（${i + 1}）${esc(item)}</p>`).join('');
    case 'table':
      return table(b);
    case 'chart':
    case 'office-text':
      return ''; // The summary has neither.
  }
}

/** A department's one-page summary as one self-contained HTML page, from the same value as the .docx. */
export function renderDepartmentSummaryHtml(summary: DepartmentSummary): string {
  const watermark = summary.demo ? `<div class="watermark" aria-hidden="true">${DEMO_WATERMARK}</div>` : '';
  const sections = summary.sections
    .map((s) => `<section><h2>${esc(s.label + s.title)}</h2>${s.blocks.map(block).join('')}</section>`)
    .join('');
  return [
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(summary.title)}</title><style>${CSS}</style></head><body>`,
    watermark,
    `<main><h1>${esc(summary.title)}</h1><p class="date">（截至${esc(summary.dateLine)}）</p>${sections}</main>`,
    '</body></html>',
  ].join('');
}
