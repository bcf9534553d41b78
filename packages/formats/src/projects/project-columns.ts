import { toHalfWidth, unitInText, type MoneyUnit } from '@plantrack/core';

/** The columns of an office's annual project sheet that PlanTrack reads. */
export type ProjectField =
  | 'seq'
  | 'name'
  | 'content'
  | 'totalInvestment'
  | 'annualPlan'
  | 'years'
  | 'leadUnit'
  | 'place'
  | 'code'
  | 'owner'
  | 'category'
  | 'nature';

type FieldSpec = { field: ProjectField; label: string; en: string; aliases: readonly string[]; money?: true };

/** In export order; the first label is the one written, the aliases are what offices also write. */
export const PROJECT_COLUMNS: readonly FieldSpec[] = [
  { field: 'seq', label: '序号', en: 'No.', aliases: ['编号'] },
  { field: 'code', label: '项目代码', en: 'project code', aliases: ['项目编码', '统一项目代码'] },
  { field: 'name', label: '项目名称', en: 'project name', aliases: ['名称'] },
  { field: 'category', label: '项目类别', en: 'category', aliases: ['类别', '项目类型', '行业类别'] },
  { field: 'nature', label: '项目性质', en: 'nature', aliases: ['建设性质'] },
  {
    field: 'content',
    label: '建设内容及规模',
    en: 'scope',
    aliases: ['建设规模及内容', '建设内容', '建设规模', '主要建设内容'],
  },
  {
    field: 'totalInvestment',
    label: '总投资',
    en: 'total investment',
    aliases: ['计划总投资', '项目总投资'],
    money: true,
  },
  {
    field: 'annualPlan',
    label: '年度计划投资',
    en: 'annual planned investment',
    aliases: ['年度计划', '本年计划投资', '年计划投资', '年度投资计划'],
    money: true,
  },
  {
    field: 'years',
    label: '建设起止年限',
    en: 'construction years',
    aliases: ['建设年限', '起止年限', '建设起止年份'],
  },
  {
    field: 'leadUnit',
    label: '责任单位',
    en: 'responsible unit',
    aliases: ['牵头单位', '责任部门', '牵头部门'],
  },
  {
    field: 'place',
    label: '所在镇街',
    en: 'town or street',
    aliases: ['所在地', '镇街', '所属镇街', '建设地点', '所在镇（街道）'],
  },
  { field: 'owner', label: '业主单位', en: 'owner', aliases: ['项目业主', '建设单位'] },
];

export function fieldSpec(field: ProjectField): FieldSpec {
  const spec = PROJECT_COLUMNS.find((c) => c.field === field);
  if (spec === undefined) throw new Error(`unknown field ${field}`);
  return spec;
}

/** A header text without spaces, line breaks and its unit in brackets: `总 投 资\n（亿元）` → `总投资`. */
export function headerKey(text: string): string {
  return toHalfWidth(text)
    .replace(/\s/g, '')
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[:：]$/, '');
}

/** The field a header names, or null. */
export function fieldOfHeader(text: string): ProjectField | null {
  const key = headerKey(text);
  if (key === '') return null;
  for (const spec of PROJECT_COLUMNS) {
    if (spec.label === key || spec.aliases.includes(key)) return spec.field;
  }
  return null;
}

export function headerUnit(texts: readonly string[]): MoneyUnit | null {
  for (const t of texts) {
    const unit = unitInText(t);
    if (unit !== null) return unit;
  }
  return null;
}
