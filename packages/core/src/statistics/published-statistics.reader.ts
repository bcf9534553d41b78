import { type MarkdownTable, readMarkdownTables } from './markdown-tables.reader.js';

/** The scopes (口径) a published figure can carry; `未注明` when the source does not say. */
export type StatisticScope = '含常州经开区' | '不含常州经开区' | '未注明';

/** One figure read from a published-statistics table, exactly as published. */
export type PublishedFigure = {
  /** 1-based line of the table row in the file. */
  line: number;
  /** What was measured, named as the plan names indicators (`一般公共预算收入`, `地区生产总值增长`). */
  measure: string;
  year: number;
  value: number;
  unit: string;
  /** The cell as written (`216.31 亿元`, `可比价 +9.6%`). */
  valueText: string;
  scope: StatisticScope;
  /** The 口径 cell as written (`全区`, `不含经开区（“武进”）`). */
  scopeText: string;
  /** 预计数. */
  estimated: boolean;
  /** The 来源 cell, with `同上` replaced by the source of the row above. */
  source: string;
};

/** A figure (or a whole row) that was not read, with the reason in Chinese and English. */
export type SkippedFigure = {
  line: number;
  measure: string;
  text: string;
  reason: { zh: string; en: string };
};

export type PublishedStatistics = { figures: PublishedFigure[]; skipped: SkippedFigure[] };

/** Which column holds which measure: by the section heading and the column title. */
type ColumnMeasure = { measure: string; column: RegExp; rate: boolean };

const SECTION_MEASURES: readonly { heading: RegExp; columns: readonly ColumnMeasure[] }[] = [
  {
    heading: /地区生产总值/,
    columns: [
      { measure: '地区生产总值', column: /^数值$/, rate: false },
      { measure: '地区生产总值增长', column: /^增速$/, rate: true },
    ],
  },
  {
    heading: /一般公共预算收入/,
    columns: [
      { measure: '一般公共预算收入', column: /^收入$/, rate: false },
      { measure: '一般公共预算收入增长', column: /^增速$/, rate: true },
    ],
  },
  { heading: /人口/, columns: [{ measure: '常住人口', column: /^常住人口$/, rate: false }] },
];

/**
 * Reads a published-statistics file (`wujin-statistics.md`: one table per topic, each row a year,
 * a 口径, figures and a source) into figures. Never converts or completes a number: a cell that is
 * not exactly one figure (`“超3100”`, `204 亿元（另一处预计 205 亿元）`, `—`) is skipped with the reason,
 * and so is a period that is not a whole year (`2023 年 1-9 月`). Pure.
 */
export function readPublishedStatistics(text: string): PublishedStatistics {
  const out: PublishedStatistics = { figures: [], skipped: [] };
  for (const table of readMarkdownTables(text)) readTable(table, out);
  return out;
}

function readTable(table: MarkdownTable, out: PublishedStatistics): void {
  const col = (re: RegExp): number => table.columns.findIndex((c) => re.test(c));
  const yearCol = col(/^年份/);
  if (yearCol < 0) return;
  const scopeCol = col(/^(口径|范围)$/);
  const sourceCol = col(/^来源$/);
  const unitCol = col(/^单位$/);
  const nameCol = col(/^指标$/);
  const valueCol = col(/^数值$/);
  const section = SECTION_MEASURES.find((s) => s.heading.test(table.heading));
  let previousSource = '';
  for (const row of table.rows) {
    const cell = (i: number): string => (i < 0 ? '' : (row.cells[i] ?? ''));
    const source = resolveSource(cell(sourceCol), previousSource);
    previousSource = source;
    const measures: { measure: string; text: string; rate: boolean }[] =
      section !== undefined
        ? section.columns
            .map((m) => ({ ...m, index: col(m.column) }))
            .filter((m) => m.index >= 0)
            .map((m) => ({ measure: m.measure, text: cell(m.index), rate: m.rate }))
        : nameCol >= 0 && valueCol >= 0
          ? [{ measure: cell(nameCol), text: cell(valueCol), rate: false }]
          : [];
    const year = readYear(cell(yearCol));
    for (const m of measures) {
      const skip = (zh: string, en: string): void => {
        out.skipped.push({ line: row.line, measure: m.measure, text: m.text, reason: { zh, en } });
      };
      if (typeof year === 'string') {
        skip(`期间“${cell(yearCol)}”不是整年`, `the period “${cell(yearCol)}” is not a whole year`);
        continue;
      }
      const figure = m.rate ? readRate(m.text) : readLevel(m.text, cell(unitCol));
      if ('zh' in figure) {
        skip(figure.zh, figure.en);
        continue;
      }
      const scopeText = cell(scopeCol);
      if (/^仅/.test(scopeText)) {
        skip(`只涉及区内一部分（${scopeText}）`, `covers only part of the district (${scopeText})`);
        continue;
      }
      out.figures.push({
        line: row.line,
        measure: m.measure,
        year,
        value: figure.value,
        unit: figure.unit,
        valueText: m.text,
        scope: scopeOf(scopeText),
        scopeText,
        estimated: /预计/.test(scopeText) || /预计/.test(m.text),
        source,
      });
    }
  }
}

function resolveSource(text: string, previous: string): string {
  return text.startsWith('同上') && previous !== '' ? `${previous}${text.slice(2)}` : text;
}

/** `2023` → 2023; `2021（年末）` → 2021; anything naming months or a date stays text. */
function readYear(text: string): number | string {
  const m = /^(\d{4})(?:\s*[（(][^）)]*[）)])?$/.exec(text.trim());
  return m === null ? text : Number(m[1]);
}

type Figure = { value: number; unit: string } | { zh: string; en: string };

const NUMBER = String.raw`[+-]?\d+(?:\.\d+)?`;
/** One number, an optional unit, an optional bracketed growth (`129.14 万人(+1.1%)`). */
const LEVEL = new RegExp(
  String.raw`^(${NUMBER})\s*([%‰A-Za-z\u4e00-\u9fff/]+)?\s*(?:[（(][+-]\d+(?:\.\d+)?%[）)])?$`,
);
/** Words that make a figure approximate or a bound (`左右`, `以上`, `超`): not one exact figure. */
const INEXACT = /左右|以上|以下|约|超|近|逾|多/;
/** A growth rate as published: `+9.6%`, `可比价 +9.6%`, `不变价 +4.9%`. */
const RATE = new RegExp(String.raw`^(?:可比价|不变价)?\s*(${NUMBER})\s*%$`);

function readLevel(text: string, unitCell: string): Figure {
  const t = text.trim();
  if (t === '' || /^[—–-]+$/.test(t)) return { zh: '没有数值', en: 'no figure' };
  const m = LEVEL.exec(t);
  if (m === null || INEXACT.test(t)) return notOneFigure(t);
  const unit = (m[2] ?? '').trim() || unitCell.trim();
  if (unit === '') return { zh: '没有单位', en: 'no unit' };
  return { value: Number(m[1]), unit };
}

function readRate(text: string): Figure {
  const t = text.trim();
  if (t === '' || /^[—–-]+$/.test(t)) return { zh: '没有数值', en: 'no figure' };
  const m = RATE.exec(t);
  if (m === null || INEXACT.test(t)) return notOneFigure(t);
  return { value: Number(m[1]), unit: '%' };
}

function notOneFigure(text: string): Figure {
  return /\d/.test(text)
    ? { zh: `“${text}”不是单一确切数值`, en: `“${text}” is not exactly one figure` }
    : { zh: `“${text}”不是数值`, en: `“${text}” is not a number` };
}

/**
 * The 口径 of a row. A hedge in the cell (未注明, 报道, 推测, 应为) means the source itself does not
 * state it, whatever the collector inferred: such figures stay `未注明` and are never mixed with
 * stated ones.
 */
export function scopeOf(text: string): StatisticScope {
  if (text === '' || /未注明|报道|推测|应为|可能/.test(text)) return '未注明';
  if (/不含/.test(text)) return '不含常州经开区';
  if (/含.*经开区|全区/.test(text)) return '含常州经开区';
  return '未注明';
}
