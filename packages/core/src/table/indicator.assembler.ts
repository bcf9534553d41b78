import type { Attribute, Baseline, Indicator } from '../model/plan-model.schema.js';
import type { SourceText } from '../text/source-text.js';
import type { MappedText } from '../text/mapped-text.js';
import { toHalfWidth } from '../text/width.js';
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
    const split = splitUnit(written);
    const name = split.name;
    const unitCell = at(row, index('unit'))?.text ?? '';
    const unit = EMPTY_CELL.test(unitCell) ? split.unit : normaliseUnit(unitCell);
    const attributeColumn = index('attribute');
    const attributeText = at(row, attributeColumn)?.text.trim() ?? '';
    const attribute = readAttribute(attributeText, group, attributeColumn >= 0);
    const target = readTarget(row, columns, name, unit);
    const baseline = readBaseline(row, columns);
    const extra: Record<string, string> = {};
    for (const [i, cell] of row.values) {
      const column = columns[i];
      // Cells beyond the header (a ragged row) are kept, keyed by their position.
      if (!column) extra[`第${i + 1}列`] = cell.text;
      else if (column.role === 'extra') extra[column.title] = cell.text;
    }
    indicators.push({
      seq: sub > 0 ? `${seq}.${sub}` : seq,
      group,
      name,
      unit,
      parent: sub > 0 ? parent : null,
      attribute: attribute.value,
      attributeInferred: attribute.inferred,
      baseline,
      target,
      extra,
      direction: inferDirection(name, unit, target),
      source: source.span(row.start, row.end),
    });
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

function readTarget(row: RawRow, columns: Column[], name: string, unit: string | null): Indicator['target'] {
  const targetColumn = columns.findIndex((c) => c.role === 'target');
  const primary = row.values.get(targetColumn)?.text ?? '';
  // Tables with a `年均/累计` column put rate and cumulative targets there and leave `2030年目标` as `—`.
  const fallbackColumn = columns.findIndex((c) => c.role === 'extra' && /年均|累计/.test(c.title));
  const fallback = row.values.get(fallbackColumn)?.text ?? '';
  const text = EMPTY_CELL.test(primary) && !EMPTY_CELL.test(fallback) ? fallback : primary;
  return parseTarget(text, { unit, indicatorName: name });
}

function readBaseline(row: RawRow, columns: Column[]): Baseline | null {
  const column = columns.findIndex((c) => c.role === 'baseline');
  const spec = columns[column];
  const cell = row.values.get(column);
  if (!cell || spec?.role !== 'baseline') return null;
  const text = cell.text;
  const half = toHalfWidth(text);
  const number = /-?\d+(?:\.\d+)?/.exec(half);
  const taggedYear = /(20\d\d)年/.exec(half);
  return {
    year: taggedYear ? Number(taggedYear[1]) : spec.year,
    value: number && !EMPTY_CELL.test(text) ? Number(number[0]) : null,
    text,
    estimated: spec.estimated || /[*∗]|预计/.test(text),
  };
}
