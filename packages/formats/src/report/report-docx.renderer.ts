import type { ReportDocument, ReportSection } from '@plantrack/core';
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  type ISectionOptions,
  type Table,
  TextRun,
} from 'docx';
import { TextWatermark } from 'docx/watermarks';
import { chartParagraph, headingParagraph, run, tableBlocks, textBlocks } from './report-docx.blocks.js';
import { DEMO_WATERMARK, FONTS, LANDSCAPE, LINE_PITCH, PAGE, SIZES } from './report-docx.layout.js';
import { finishReportPackage } from './report-docx.package.js';
import { opensWide } from './report-sections.js';
import { CHART_SIZE, renderChartSvg } from './report-chart.renderer.js';
import { svgsToPngs } from './report-chart.raster.js';

/** Options of the .docx rendering. */
export type ReportDocxOptions = {
  /** Draw the charts as PNG pictures (default true); false leaves them to the HTML version. */
  charts?: boolean;
};

type Child = Paragraph | Table;
type Part = { landscape: boolean; children: Child[] };

/** "— 1 —" in 4号 宋体 at the outside edge: right on odd pages, left on even ones, one character in. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const name = FONTS.pageNumber.name;
  const font = { ascii: name, eastAsia: name, hAnsi: name, cs: name };
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: 280 } : { left: 280 },
        children: [
          new TextRun({ text: '— ', font, size: SIZES.pageNumber }),
          new TextRun({ children: [PageNumber.CURRENT], font, size: SIZES.pageNumber }),
          new TextRun({ text: ' —', font, size: SIZES.pageNumber }),
        ],
      }),
    ],
  });
}

function watermarkHeader(): Header {
  const mark = new TextWatermark({
    text: DEMO_WATERMARK,
    font: FONTS.heading1.name,
    color: 'C0C0C0',
    opacity: 0.4,
  });
  return new Header({
    // The library documents its watermark as a paragraph child, but types it as a plain Run.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
    children: [new Paragraph({ children: [mark] })],
  });
}

/** Walk the sections into page parts: a landscape table gets a part (a Word section) of its own. */
function collect(doc: ReportDocument, charts: boolean): Part[] {
  const drawn = charts ? svgsToPngs(doc.charts.map(renderChartSvg), CHART_SIZE) : [];
  const pngs = new Map(doc.charts.map((c, i) => [c.id, drawn[i]] as const));
  const parts: Part[] = [{ landscape: false, children: [] }];
  const current = (): Part => parts[parts.length - 1] as Part;
  const push = (landscape: boolean, ...c: Child[]): void => {
    if (current().landscape !== landscape) parts.push({ landscape, children: [] });
    current().children.push(...c);
  };
  const walk = (s: ReportSection): void => {
    // A section that opens with a landscape table takes its heading onto the landscape page.
    push(opensWide(s), headingParagraph(s));
    for (const b of s.blocks) {
      if (b.kind === 'table') {
        push(b.landscape, ...tableBlocks(b, b.landscape ? LANDSCAPE.textWidth : PAGE.textWidth));
      } else if (b.kind === 'chart') {
        if (!charts) continue;
        const png = pngs.get(b.chart.id);
        if (png === undefined) continue;
        // 14 cm wide, in the picture's proportions (ImageRun sizes are in pixels at 96 dpi).
        const w = 529;
        push(
          false,
          chartParagraph(png, w, Math.round((w * CHART_SIZE.height) / CHART_SIZE.width), b.chart.title),
        );
      } else {
        push(false, ...textBlocks(b));
      }
    }
    for (const sub of s.sections) walk(sub);
  };
  current().children.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      children: [run(doc.title, 'title', SIZES.title)],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: LINE_PITCH, after: LINE_PITCH },
      children: [run(`（截至${doc.dateLine}）`, 'heading2', SIZES.body)],
    }),
  );
  for (const s of doc.sections) walk(s);
  const appendix = doc.appendix;
  parts.push({
    landscape: false,
    children: [
      new Paragraph({
        spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT },
        children: [run('附件', 'heading1', SIZES.body)],
      }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { line: 700, lineRule: LineRuleType.EXACT, before: LINE_PITCH, after: LINE_PITCH },
        children: [run(appendix.table.caption, 'title', SIZES.title)],
      }),
      ...tableBlocks({ ...appendix.table, caption: '' }, PAGE.textWidth).slice(1),
    ],
  });
  return parts.filter((p) => p.children.length > 0);
}

function sectionOf(part: Part, index: number, demo: boolean): ISectionOptions {
  const page = part.landscape
    ? {
        size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.LANDSCAPE },
        margin: {
          top: LANDSCAPE.top,
          bottom: LANDSCAPE.bottom,
          left: LANDSCAPE.left,
          right: LANDSCAPE.right,
          header: PAGE.header,
          footer: PAGE.footer - (PAGE.bottom - LANDSCAPE.bottom),
        },
      }
    : {
        size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
        margin: {
          top: PAGE.top,
          bottom: PAGE.bottom,
          left: PAGE.inside,
          right: PAGE.outside,
          header: PAGE.header,
          footer: PAGE.footer,
        },
      };
  const headers = demo ? { default: watermarkHeader(), even: watermarkHeader() } : undefined;
  return {
    properties: {
      ...(index === 0 ? {} : { type: SectionType.NEXT_PAGE }),
      page,
    },
    ...(headers === undefined ? {} : { headers }),
    footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
    children: part.children,
  };
}

/**
 * A report as a Word document laid out to GB/T 9704-2012 (A4, 37 mm top, 28 mm binding margin
 * mirrored, text block 156 × 225 mm, 22 lines of 3号 仿宋, headings in 黑体/楷体, title in 2号
 * 小标宋, "— N —" page numbers at the outside edge), with real tables (repeated header rows, rows
 * that do not split), a landscape section for 表1, charts as PNG pictures and, for demo data, a
 * 演示数据 watermark on every page. Fully editable in Word and WPS.
 */
export async function renderReportDocx(
  doc: ReportDocument,
  options: ReportDocxOptions = {},
): Promise<Uint8Array> {
  const parts = collect(doc, options.charts ?? true);
  const body = FONTS.body.name;
  const word = new Document({
    title: doc.title,
    creator: 'PlanTrack',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: { ascii: body, eastAsia: body, hAnsi: body, cs: body }, size: SIZES.body },
          paragraph: { spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT } },
        },
      },
    },
    sections: parts.map((p, i) => sectionOf(p, i, doc.demo)),
  });
  const bytes = await Packer.toBuffer(word);
  return finishReportPackage(new Uint8Array(bytes));
}
