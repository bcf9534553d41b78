import type { DepartmentRef } from '../model/plan-model.schema.js';
import { toHalfWidth } from '../text/width.js';

/**
 * One department: its canonical (official) name and the short forms plans write instead
 * (`区发展和改革局` ↔ `区发改局`). Plans name owners inconsistently, so assignments are only
 * comparable across paragraphs and plans after resolving names to one canonical form.
 */
export type DepartmentEntry = { canonical: string; aliases: string[] };

/** Options of {@link buildDepartmentRegistry}. */
export type DepartmentRegistryOptions = {
  /**
   * Local prefixes that stand for the district itself and fold to `区`, so `武进区教育局` and
   * `常州市武进区教育局` resolve like `区教育局`. Longest first is not required.
   */
  localPrefixes?: string[];
};

/** A lookup built once from entries: normalised name → canonical name. */
export type DepartmentRegistry = {
  entries: readonly DepartmentEntry[];
  localPrefixes: readonly string[];
  lookup: ReadonlyMap<string, string>;
};

/**
 * Normalises a department name for lookup: folds full-width characters (so `（国资办）` and
 * `(国资办)` compare equal) and removes all whitespace, which Word exports scatter inside names.
 */
export function normalizeDepartmentName(name: string): string {
  // Most names are already normal; folding copies a string character by character, and names are
  // normalised again and again while a list is split and vetted.
  if (!NEEDS_NORMALIZING.test(name)) return name;
  return toHalfWidth(name).replace(/\s+/g, '');
}

/** What {@link normalizeDepartmentName} changes: full-width forms (U+FF01–FF5E), U+3000, whitespace. */
const NEEDS_NORMALIZING = /[\uff01-\uff5e\u3000\s]/;

/** Builds the lookup of a registry; a later entry never overrides an earlier one's alias. */
export function buildDepartmentRegistry(
  entries: readonly DepartmentEntry[],
  options: DepartmentRegistryOptions = {},
): DepartmentRegistry {
  const lookup = new Map<string, string>();
  for (const entry of entries) {
    for (const name of [entry.canonical, ...entry.aliases]) {
      const key = normalizeDepartmentName(name);
      if (!lookup.has(key)) lookup.set(key, entry.canonical);
    }
  }
  const localPrefixes = [...(options.localPrefixes ?? [])].sort((a, b) => b.length - a.length);
  return { entries, localPrefixes, lookup };
}

/** Trailing note in parentheses after normalisation, e.g. `区财政局(国资办)` → `区财政局` + `国资办`. */
const TRAILING_NOTE = /^(.+?)\(([^()]+)\)$/;

/**
 * Resolves a name as written to the registry. Tried in order: the name itself, the name with a
 * local prefix folded to `区`, and — for `X（note）` — X and the note alone (`区财政局（国资办）`
 * resolves through `区财政局`). Unknown names are kept as written with canonical null so that the
 * assessment can report them (`unknown-department`) instead of losing the assignment.
 */
export function resolveDepartment(registry: DepartmentRegistry, name: string): DepartmentRef {
  const text = name.trim();
  const normalized = normalizeDepartmentName(text);
  const canonical = lookupVariants(registry, normalized);
  if (canonical !== null) return { text, canonical, known: true };
  const note = TRAILING_NOTE.exec(normalized);
  if (note?.[1] !== undefined && note[2] !== undefined) {
    const viaBase = lookupVariants(registry, note[1]) ?? lookupVariants(registry, `区${note[2]}`);
    if (viaBase !== null) return { text, canonical: viaBase, known: true };
  }
  return { text, canonical: null, known: false };
}

/** True when the name is in the registry (after normalisation). */
export function isKnownDepartment(registry: DepartmentRegistry, name: string): boolean {
  return resolveDepartment(registry, name).known;
}

function lookupVariants(registry: DepartmentRegistry, normalized: string): string | null {
  const direct = registry.lookup.get(normalized);
  if (direct !== undefined) return direct;
  for (const prefix of registry.localPrefixes) {
    if (normalized.startsWith(prefix) && normalized.length > prefix.length) {
      const folded = registry.lookup.get(`区${normalized.slice(prefix.length)}`);
      if (folded !== undefined) return folded;
    }
  }
  return null;
}

/**
 * Default entries: departments of a Jiangsu district government (Party committee organs, government
 * bureaus, people's organisations and the city bureaus' district branches), as the 武进区 plan
 * writes them. Canonical names are the full official forms; aliases are the short forms in use.
 */
export const DISTRICT_DEPARTMENTS: DepartmentEntry[] = [
  { canonical: '区委办公室', aliases: ['区委办'] },
  { canonical: '区人民政府办公室', aliases: ['区政府办公室', '区政府办'] },
  { canonical: '区委组织部', aliases: [] },
  { canonical: '区委宣传部', aliases: [] },
  { canonical: '区委统战部', aliases: ['区委统一战线工作部'] },
  { canonical: '区委政法委员会', aliases: ['区委政法委'] },
  { canonical: '区委社会工作部', aliases: ['区委社工部'] },
  { canonical: '区委机构编制委员会办公室', aliases: ['区委编办', '区编办'] },
  { canonical: '区委人才工作领导小组办公室', aliases: ['区委人才办', '区人才办'] },
  { canonical: '区委网络安全和信息化委员会办公室', aliases: ['区委网信办'] },
  { canonical: '区发展和改革局', aliases: ['区发改局', '区发展改革局', '区发改委'] },
  { canonical: '区财政局', aliases: ['区财政局（国资办）', '区国资办'] },
  { canonical: '区科学技术局', aliases: ['区科技局'] },
  { canonical: '区工业和信息化局', aliases: ['区工信局'] },
  { canonical: '区商务局', aliases: [] },
  { canonical: '区农业农村局', aliases: ['区农业局'] },
  { canonical: '区人力资源和社会保障局', aliases: ['区人社局'] },
  { canonical: '区教育局', aliases: [] },
  { canonical: '区卫生健康局', aliases: ['区卫健局', '区卫健委'] },
  { canonical: '区民政局', aliases: [] },
  { canonical: '区住房和城乡建设局', aliases: ['区住建局'] },
  { canonical: '区交通运输局', aliases: ['区交通局'] },
  { canonical: '区水利局', aliases: [] },
  { canonical: '区文化体育和旅游局', aliases: ['区文体旅局'] },
  { canonical: '区数据局', aliases: [] },
  { canonical: '区市场监督管理局', aliases: ['区市场监管局'] },
  { canonical: '区应急管理局', aliases: ['区应急局'] },
  { canonical: '区司法局', aliases: [] },
  { canonical: '区审计局', aliases: [] },
  { canonical: '区统计局', aliases: [] },
  { canonical: '区退役军人事务局', aliases: ['区退役军人局'] },
  { canonical: '区医疗保障局', aliases: ['区医保局'] },
  { canonical: '区城市管理局', aliases: ['区城管局'] },
  { canonical: '区信访局', aliases: [] },
  { canonical: '区政务服务管理办公室', aliases: ['区政务办'] },
  { canonical: '区机关事务管理局', aliases: ['区机关事务局'] },
  { canonical: '区生态办', aliases: [] },
  { canonical: '区安全生产委员会办公室', aliases: ['区安委办'] },
  { canonical: '常州市武进生态环境局', aliases: ['武进生态环境局', '区生态环境局'] },
  {
    canonical: '常州市自然资源和规划局武进分局',
    aliases: ['资规局武进分局', '区资规局', '区自然资源和规划局'],
  },
  { canonical: '常州市公安局武进分局', aliases: ['公安局武进分局', '区公安分局'] },
  { canonical: '国家税务总局常州市武进区税务局', aliases: ['区税务局'] },
  { canonical: '区总工会', aliases: [] },
  { canonical: '共青团常州市武进区委员会', aliases: ['团区委'] },
  { canonical: '区妇女联合会', aliases: ['区妇联'] },
  { canonical: '区残疾人联合会', aliases: ['区残联'] },
  { canonical: '区工商业联合会', aliases: ['区工商联'] },
  { canonical: '区科学技术协会', aliases: ['区科协'] },
];

/** Local prefixes of the default registry: names written with the district's own name. */
export const DISTRICT_LOCAL_PREFIXES: string[] = ['常州市武进区', '武进区'];

/** The default registry, ready for {@link resolveDepartment}. */
export const DEFAULT_DEPARTMENT_REGISTRY: DepartmentRegistry = buildDepartmentRegistry(DISTRICT_DEPARTMENTS, {
  localPrefixes: DISTRICT_LOCAL_PREFIXES,
});
