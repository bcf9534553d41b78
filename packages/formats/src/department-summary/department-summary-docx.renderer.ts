import type { DepartmentSummary, ReportBlock } from '@plantrack/core';
import {
  AlignmentType,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageOrientation,
  Paragraph,
  type Table,
  TextRun,
} from 'docx';
import { TextWatermark } from 'docx/watermarks';
import { run, tableBlocks } from '../report/report-docx.blocks.js';
import { DEMO_WATERMARK, FONTS, PAGE } from '../report/report-docx.layout.js';
import { finishReportPackage } from '../report/report-docx.package.js';

function watermarkHeader(): Header {
  const mark = new TextWatermark({
    text: DEMO_WATERMARK,
    font: FONTS.heading1.name,
    color: 'C0C0C0',
    opacity: 0.4,
  });
  // The library documents its watermark as a paragraph child, but types it as a plain Run.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
  return new Header({ children: [new Paragraph({ children: [mark] })] });
}

/**
 * Sizes of the one-page summary (half-points): the 公文 fonts on a smaller scale so that a
 * department's indicators and tasks fit one page — title 三号 小标宋, headings 四号 黑体, text 小四
 * 仿宋, tables 五号.
 */
const COMPACT = { title: 32, heading: 28, body: 24, table: 21 } as const;
const LINE = 300; // 15 pt, exact
const spacing = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

const text = (t: string): Paragraph =>
  new Paragraph({ indent: { firstLine: 480 }, spacing, children: [run(t, 'body', COMPACT.body)] });

function blocks(b: ReportBlock): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'paragraph':
      return [text(b.text)];
    case 'list':
      return b.items.map((item, i) => text(`（${i + 1}）${item}`));
    case 'table':
      // The report's table (repeated header, fixed widths) in its 五号 size, which it uses for wide tables.
      return tableBlocks({ ...b, landscape: true }, PAGE.textWidth).slice(1);
    case 'chart':
    case 'office-text':
      return []; // The summary has neither.
  }
}

/**
 * A department's one-page summary as a Word document on the report page (A4, GB/T 9704 margins,
 * the 公文 fonts: 小标宋 title, 黑体 headings, 仿宋 text) without page numbers or appendix: one page
 * with up to six indicators, six tasks and five late items listed (the rest counted). Demo data carries the
 * 演示数据 watermark.
 */
export async function renderDepartmentSummaryDocx(summary: DepartmentSummary): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 480, lineRule: LineRuleType.EXACT },
      children: [run(summary.title, 'title', COMPACT.title)],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...spacing, after: 60 },
      children: [run(`（截至${summary.dateLine}）`, 'heading2', COMPACT.body)],
    }),
  ];
  for (const section of summary.sections) {
    children.push(
      new Paragraph({
        indent: { firstLine: 480 },
        spacing: { ...spacing, line: 340, before: 40 },
        keepNext: true,
        children: [run(`${section.label}${section.title}`, 'heading1', COMPACT.heading)],
      }),
    );
    for (const b of section.blocks) children.push(...blocks(b));
  }
  const body = FONTS.body.name;
  const word = new Document({
    title: summary.title,
    creator: 'PlanTrack',
    styles: {
      default: {
        document: {
          run: { font: { ascii: body, eastAsia: body, hAnsi: body, cs: body }, size: COMPACT.body },
          paragraph: { spacing },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: {
              top: PAGE.top,
              bottom: PAGE.bottom,
              left: PAGE.inside,
              right: PAGE.outside,
              header: PAGE.header,
              footer: PAGE.footer,
            },
          },
        },
        ...(summary.demo ? { headers: { default: watermarkHeader() } } : {}),
        children: children.length > 0 ? children : [new Paragraph({ children: [new TextRun('')] })],
      },
    ],
  });
  return finishReportPackage(new Uint8Array(await Packer.toBuffer(word)));
}
