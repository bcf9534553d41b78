import type { Attribute, Baseline, Indicator } from '../model/plan-model.schema.js';
import type { SourceText } from '../text/source-text.js';
import type { MappedText } from '../text/mapped-text.js';
import { toHalfWidth } from '../text/width.js';
import { splitMeasures, type MeasurePart } from '../target/measure.splitter.js';
import { splitNoteMark } from '../target/name-note.reader.js';
import { parseTarget } from '../target/target.grammar.js';
import { inferDirection } from './direction.js';
import type { Column } from './columns.js';
import { EMPTY_CELL, type RawRow } from './raw-table.js';
import { isUnit, normaliseUnit } from './unit.grammar.js';

/**
 * Turns the rows a layout reader saw into indicators: carries merged group cells down, numbers
 * sub-indicators `12.1`, `12.2`, splits the unit off the name, reads baseline and target through
 * the target grammar, and infers the attribute from the group when there is no attribute column.
 */
export function assembleIndicators(columns: Column[], rows: RawRow[], source: SourceText): Indicator[] {
  const index = (role: Column['role']): number => columns.findIndex((c) => c.role === role);
  const at = (row: RawRow, column: number): MappedText | null =>
    column >= 0 ? (row.values.get(column) ?? null) : null;
  const indicators: Indicator[] = [];
  let group: string | null = null;
  let seq = '';
  let parent: string | null = null;
  let sub = 0;
  const seqOf = (row: RawRow | undefined): string =>
    row ? ((row.seq ?? at(row, index('seq')))?.text.trim() ?? '') : '';
  rows.forEach((row, k) => {
    const groupText = (row.group ?? at(row, index('group')))?.text ?? '';
    if (!EMPTY_CELL.test(groupText)) group = cleanGroup(groupText);
    const texts = row.names.map((n) => n.text.replace(/\s+/g, ''));
    let seqText = seqOf(row);
    // A table without a number column writes the number in the name cell (`1. 地区生产总值`).
    const numbered = seqText === '' ? NUMBER_IN_NAME.exec(texts[0] ?? '') : null;
    if (numbered && index('seq') < 0) {
      seqText = numbered[1] as string;
      texts[0] = (texts[0] ?? '').slice(numbered[0].length);
    }
    // Two name cells are a parent over sub-indicators only when more sub-indicators follow (a row
    // without a number, or one whose parent cell is merged from above); otherwise they are one
    // name wrapped over two cells.
    const next = rows[k + 1];
    const nextIsChild =
      next !== undefined &&
      (seqOf(next) === '' || (next.names.length === 2 && next.names[0]?.text.trim() === ''));
    const splitsParent = texts.length === 2 && (texts[0] === '' || (seqText !== '' && nextIsChild));
    const [first, second] = splitsParent ? texts : [texts.join('')];
    if (seqText !== '') {
      seq = seqText;
      parent = second ? (first ?? null) : null;
      sub = second ? 1 : 0;
    } else {
      // A row without a number continues the previous indicator as its next sub-indicator.
      if (parent === null) parent = indicators[indicators.length - 1]?.name ?? null;
      sub += 1;
    }
    const written = second ?? first ?? '';
    const read = readName(written);
    const { name, mark } = read;
    // A 单位 column wins over the name's bracket.
    const unitCell = at(row, index('unit'))?.text ?? '';
    const unit = EMPTY_CELL.test(unitCell) ? read.unit : normaliseUnit(unitCell);
    const attributeColumn = index('attribute');
    const attributeText = at(row, attributeColumn)?.text.trim() ?? '';
    const attribute = readAttribute(attributeText, group, attributeColumn >= 0);
    const baselineColumn = columns[index('baseline')];
    const baselineText = at(row, index('baseline'))?.text ?? null;
    const targetText = readTargetText(row, columns);
    const extra: Record<string, string> = {};
    for (const [i, cell] of row.values) {
      const column = columns[i];
      // Cells beyond the header (a ragged row) are kept, keyed by their position.
      if (!column) extra[`第${i + 1}列`] = cell.text;
      else if (column.role === 'extra') extra[column.title] = cell.text;
    }
    // A note mark after the name (`*`, `①`) refers to the table's notes: kept beside the name.
    if (mark !== null) extra['注'] ??= mark;
    const make = (part: MeasurePart, partSeq: string, partParent: string | null): Indicator => {
      const target = parseTarget(part.target, { unit: part.unit, indicatorName: part.name });
      return {
        seq: partSeq,
        group,
        name: part.name,
        unit: part.unit,
        parent: partParent,
        attribute: attribute.value,
        attributeInferred: attribute.inferred,
        baseline: readBaseline(part.baseline, baselineColumn),
        target,
        extra: { ...extra },
        direction: inferDirection(part.name, part.unit, target),
        source: source.span(row.start, row.end),
      };
    };
    // One value per measure (`8358/244` under `万人次/万吨`): each measure is a sub-indicator.
    const parts = sub === 0 ? splitMeasures(name, unit, targetText, baselineText) : null;
    if (parts) {
      parts.forEach((part, i) => indicators.push(make(part, `${seq}.${i + 1}`, name)));
      return;
    }
    const whole = { name, unit, target: targetText, baseline: baselineText };
    indicators.push(make(whole, sub > 0 ? `${seq}.${sub}` : seq, sub > 0 ? parent : null));
  });
  return indicators;
}

/** `高质量发展\n指标` → `高质量发展指标`; `一、经济强（12 项）` → `经济强`; `经济发展（7项）` → `经济发展`. */
function cleanGroup(text: string): string {
  return text
    .replace(/[\s\u3000]+/g, '')
    .replace(/^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])/, '')
    .replace(/[（(]\d+项[）)]$/, '');
}

const UNIT_TAIL = /[（(]([^（）()]{1,12})[）)]$/;
const NUMBER_IN_NAME = /^(\d{1,3})(?:[.、．]|[\s\u3000]+)(?!\d)/;

/**
 * Splits a trailing unit in brackets off an indicator name: `人均预期寿命（岁）` → `人均预期寿命`, `岁`;
 * `集装箱吞吐量（万标箱）` → `万标箱`. A bracket is a unit when the unit grammar reads it (magnitude,
 * base unit, compounds over `/`), or when it ends like a count or rate; `（含…）` never is.
 */
export function splitUnit(written: string): { name: string; unit: string | null } {
  const match = UNIT_TAIL.exec(written);
  const unit = match?.[1] ?? '';
  if (
    match &&
    (isUnit(unit) || /%|％|\/|[元人家件个岁年斤亩米吨煤分点座次台辆户所张条项倍克数]$/.test(unit)) &&
    !/^(含|不含)/.test(unit)
  ) {
    return { name: written.slice(0, match.index), unit: toHalfWidth(unit) };
  }
  return { name: written, unit: null };
}

function readAttribute(
  text: string,
  group: string | null,
  hasColumn: boolean,
): { value: Attribute | null; inferred: boolean } {
  if (text === '预期性' || text === '约束性') return { value: text, inferred: false };
  if (hasColumn || group === null) return { value: null, inferred: false };
  return { value: /约束/.test(group) ? '约束性' : '预期性', inferred: true };
}

function readTargetText(row: RawRow, columns: Column[]): string {
  const targetColumn = columns.findIndex((c) => c.role === 'target');
  const primary = row.values.get(targetColumn)?.text ?? '';
  // Tables with a `年均/累计` column put rate and cumulative targets there and leave `2030年目标` as `—`.
  const fallbackColumn = columns.findIndex((c) => c.role === 'extra' && /年均|累计/.test(c.title));
  const fallback = row.values.get(fallbackColumn)?.text ?? '';
  return EMPTY_CELL.test(primary) && !EMPTY_CELL.test(fallback) ? fallback : primary;
}

/** The name as written split into name, unit (`（万人）`) and a note mark before or after the unit. */
function readName(written: string): { name: string; unit: string | null; mark: string | null } {
  const after = splitNoteMark(written);
  const { name, unit } = splitUnit(after.name);
  const before = splitNoteMark(name);
  return { name: before.name, unit, mark: after.mark ?? before.mark };
}

/**
 * Reads a baseline cell through the target grammar, so that prose (`“十四五”年均增长4.0`,
 * `2021-2024年累计降低8.2`) gives its value and year rather than the first number written.
 */
function readBaseline(text: string | null, spec: Column | undefined): Baseline | null {
  if (text === null || spec?.role !== 'baseline') return null;
  const half = toHalfWidth(text);
  const read = parseTarget(text);
  const number = /-?\d+(?:\.\d+)?/.exec(half);
  const taggedYear = /(20\d\d)年/.exec(half);
  const value = read.value ?? (number ? Number(number[0]) : null);
  return {
    year: read.year ?? (taggedYear ? Number(taggedYear[1]) : spec.year),
    value: EMPTY_CELL.test(text) ? null : value,
    text,
    estimated: spec.estimated || /[*∗]|预计/.test(text),
  };
}
