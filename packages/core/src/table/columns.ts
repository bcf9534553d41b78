/** What a column of an indicator table holds, recognised from its header text. */
export type ColumnRole =
  | { role: 'group' }
  | { role: 'seq' }
  | { role: 'name' }
  | { role: 'unit' }
  | { role: 'baseline'; year: number | null; estimated: boolean }
  | { role: 'target'; year: number | null }
  | { role: 'attribute' }
  | { role: 'extra' };

export type Column = { title: string } & ColumnRole;

/** A plan period written as a word (`十五五`, `十四五`), with or without quotes. */
const PERIOD = '十[一二三四五六七八九]五';
const YEAR = '20\\d\\d年(?:末|底)?';
const MODIFIER =
  '预计|预期|基数|基期值?|现状值?|目标值?|规划值|规划目标|预期目标|发展目标|实际值?|完成值?|完成情况|实现值?';

/**
 * The role vocabulary of header cells, longest words first. A header cell is a run of these words
 * (brackets, quotes and slashes between them are ignored); anything else ends the header.
 */
const HEADER_WORDS = [
  '指标类别|指标分类|类别|分类|领域|类型|维度',
  '序号|编号',
  '指标名称|指标属性|指标性质|指标|名称',
  '计量单位|单位',
  '属性|性质',
  '年均[/／]?累计|年均增长|年均增速|年均|累计|增速|增长',
  `${PERIOD}(?:时期|期间|期末)?(?:${YEAR})?(?:${MODIFIER})?|${YEAR}(?:${MODIFIER})?|${MODIFIER}`,
].join('|');
const HEADER_WORD = new RegExp(`(?:${HEADER_WORDS})`, 'g');
const HEADER_CELL = new RegExp(`^(?:(?:${HEADER_WORDS})[/／、]?)+$`);
/** Quotes and brackets that header cells may carry around their words. */
const DECORATION = /[\s\u3000“”"‘’'「」『』《》（）()［］[\]【】〔〕{}｛｝]/g;

/** Header text reduced to its words: no spaces, quotes or brackets. */
function bare(title: string): string {
  return title.replace(DECORATION, '');
}

/** Classifies one header cell by the meaning of its words. */
export function classifyColumn(title: string, periodEnd: number | null): Column {
  const t = title.replace(/[\s\u3000]+/g, '');
  const b = bare(t);
  if (/^(?:指标)?(?:类别|分类|领域|类型|维度)$/.test(b)) return { title: t, role: 'group' };
  if (/^(?:序号|编号)$/.test(b)) return { title: t, role: 'seq' };
  if (/属性|性质/.test(b)) return { title: t, role: 'attribute' };
  if (/^指标(?:名称)?(?:单位)?$|^名称$/.test(b)) return { title: t, role: 'name' };
  if (/^(?:计量)?单位$/.test(b)) return { title: t, role: 'unit' };
  const year = /(20\d\d)年/.exec(b);
  const y = year ? Number(year[1]) : null;
  if (/年均|累计/.test(b)) return { title: t, role: 'extra' };
  if (/目标|规划值/.test(b) || (y !== null && periodEnd !== null && y >= periodEnd))
    return { title: t, role: 'target', year: y };
  if (y !== null || /基期|现状|基数|实际|完成|实现/.test(b))
    return { title: t, role: 'baseline', year: y, estimated: /预计|预期/.test(b) };
  return { title: t, role: 'extra' };
}

/** A header cell over several sub-columns (`“十五五”目标` over `2030年` and `年均［累计］`). */
function isSpanning(column: Column): boolean {
  const b = bare(column.title);
  return (column.role === 'target' || column.role === 'baseline') && !/20\d\d/.test(b);
}

/** A second-row header cell that only narrows its parent: a bare year, `年均`, `累计`. */
function isSubColumn(column: Column): boolean {
  const b = bare(column.title);
  return new RegExp(`^(?:${YEAR}|年均.*|累计.*|增速|增长)$`).test(b);
}

/**
 * Builds the columns from the header cells in reading order. A header of two rows is written as
 * its first row then its second: a spanning cell (`“十五五”目标`) followed, later, by two or more
 * sub-cells (`2030年`, `年均［累计］`). The spanning cell is not a column itself; its sub-cells take
 * its place and its meaning (`2030年` under `目标` is the target).
 */
export function buildColumns(titles: readonly string[], periodEnd: number | null): Column[] {
  const flat = titles.map((t) => classifyColumn(t, periodEnd));
  const parents = flat.map((c, i) => (isSpanning(c) ? i : -1)).filter((i) => i >= 0);
  const first = parents[0];
  if (first === undefined) return flat;
  const subs = flat.map((c, i) => (i > first && isSubColumn(c) ? i : -1)).filter((i) => i >= 0);
  if (subs.length < 2 * parents.length) return flat;
  const share = subs.length / parents.length;
  if (!Number.isInteger(share)) return flat;
  const owner = new Map<number, number>();
  subs.forEach((s, k) => owner.set(s, parents[Math.floor(k / share)] as number));
  const out: Column[] = [];
  flat.forEach((column, i) => {
    if (owner.has(i)) return;
    if (!parents.includes(i)) {
      out.push(column);
      return;
    }
    for (const s of subs.filter((s) => owner.get(s) === i)) {
      const sub = flat[s] as Column;
      const meaning = classifyColumn(`${bare(column.title)}${bare(sub.title)}`, periodEnd);
      out.push({ ...meaning, title: sub.title });
    }
  });
  return out;
}

/** Splits a header written on one line (`序号 指 标 2030 年目标 属性`) into column titles. */
export function splitHeaderLine(line: string): string[] {
  const compacted = bare(line);
  return [...compacted.matchAll(HEADER_WORD)].map((m) => m[0]).filter((w) => w.length > 0);
}

/**
 * True when a header cell continues the previous one: after a slash, an open bracket or quote
 * (`年均/` + `累计`), a bracketed qualifier (`指标` + `（单位）`), or a bare year or plan period
 * followed by what it qualifies (`2025年` + `预计`, `“十五五”` + `目标`, `指标` + `名称`).
 */
export function continuesHeader(previous: string, cell: string): boolean {
  const p = previous.replace(/[\s\u3000]+/g, '');
  const c = cell.replace(/[\s\u3000]+/g, '');
  if (/[/／“‘「（(［[【〔]$/.test(p) || unclosed(p)) return true;
  if (/^[（(［[【〔）)］\]】〕”’」]/.test(c)) return true;
  if (c === '名称' && /指标$/.test(p)) return true;
  const periodOrYear = new RegExp(`^(?:${PERIOD}(?:时期|期间)?|${YEAR})$`);
  return periodOrYear.test(bare(p)) && new RegExp(`^(?:${MODIFIER})$`).test(c);
}

function unclosed(text: string): boolean {
  const open = (text.match(/[（(［[【〔]/g) ?? []).length;
  const close = (text.match(/[）)］\]】〕]/g) ?? []).length;
  return open > close;
}

/** True when a line is a header cell: a short run of role words, however bracketed or quoted. */
export function isHeaderCell(text: string): boolean {
  const t = text.replace(/[\s\u3000]+/g, '');
  const b = bare(t).replace(/[/／]$/, '');
  return t.length > 0 && t.length <= 16 && b.length > 0 && HEADER_CELL.test(b);
}

/** True when a line is a whole header written on one line (`序号 指 标 2030 年目标 属性`). */
export function isHeaderLine(text: string): boolean {
  const b = bare(text).replace(/[/／]$/, '');
  return b.length > 0 && b.length <= 80 && HEADER_CELL.test(b);
}
