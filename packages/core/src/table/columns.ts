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

/** Header words, in the order they can appear in a compacted header line. */
const HEADER_WORD =
  /类别|分类|领域|序号|编号|指标名称|指标|单位|属性|(?:20\d\d)年(?:预计|基数|基期|现状|目标|目标值)?|基期值|现状值|目标值|年均\/?累计|年均|累计/g;

/** Classifies one header cell. */
export function classifyColumn(title: string, periodEnd: number | null): Column {
  const t = title.replace(/[\s\u3000]+/g, '');
  if (/^(类别|分类|领域)$/.test(t)) return { title: t, role: 'group' };
  if (/^(序号|编号)$/.test(t)) return { title: t, role: 'seq' };
  if (/^指标(名称)?$/.test(t)) return { title: t, role: 'name' };
  if (t === '单位') return { title: t, role: 'unit' };
  if (t === '属性') return { title: t, role: 'attribute' };
  const year = /(20\d\d)年/.exec(t);
  const y = year ? Number(year[1]) : null;
  if (/目标/.test(t) || (y !== null && periodEnd !== null && y >= periodEnd))
    return { title: t, role: 'target', year: y };
  if (y !== null || /基期|现状|基数/.test(t))
    return { title: t, role: 'baseline', year: y, estimated: /预计/.test(t) };
  return { title: t, role: 'extra' };
}

/** Splits a header written on one line (`序号 指 标 2030 年目标 属性`) into column titles. */
export function splitHeaderLine(line: string): string[] {
  const compacted = line.replace(/[\s\u3000]+/g, '');
  return [...compacted.matchAll(HEADER_WORD)].map((m) => m[0]);
}

/** True when a header cell continues the previous one (`2025年` / `预计`, `年均/` / `累计`). */
export function continuesHeader(previous: string, cell: string): boolean {
  return /[/／]$/.test(previous) || (/^(20\d\d)年$/.test(previous) && /^(预计|目标|目标值|基数)$/.test(cell));
}

export function isHeaderCell(text: string): boolean {
  // A header wrapped after a slash (`年均/` then `累计`) is still a header cell.
  const t = text.replace(/[\s\u3000]+/g, '').replace(/[/／]$/, '');
  return t.length > 0 && t.length <= 10 && new RegExp(`^(?:${HEADER_WORD.source})+$`).test(t);
}
