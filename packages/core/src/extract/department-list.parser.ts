import type { DepartmentRegistry } from './department.registry.js';
import { isKnownDepartment, normalizeDepartmentName } from './department.registry.js';

/**
 * Splitting and vetting of department lists as plans write them in assignment clauses
 * (`区生态办、武进生态环境局`, `区发改局会同区财政局`, `区财政局等部门`). Kept apart from the
 * extractor so the rules can be tested on their own.
 */

/** Endings of names that are government bodies (bureaus, offices, committees, towns …). */
const DEPARTMENT_ENDINGS = [
  '局',
  '办',
  '委',
  '部',
  '会',
  '室',
  '中心',
  '院',
  '政府',
  '厅',
  '处',
  '所',
  '站',
  '队',
  '团',
  '联',
  '组',
  '镇',
  '街道',
  '区',
];

/** Endings that mark enterprises or associations: they lead projects, not government measures. */
const NON_GOVERNMENT_ENDINGS = [
  '企业',
  '公司',
  '集团',
  '协会',
  '商会',
  '学会',
  '研究会',
  '联盟',
  '联合体',
  '高校',
  '学校',
  '平台',
  '基金会',
  '社会',
];

/** Trailing words that close a list without naming a department: `区财政局等部门` → `区财政局`. */
const LIST_TAIL = /(等相关部门|等有关部门|等部门|等单位|等)$/;

/** Strips a trailing `（note）` so the ending of the name itself can be checked. */
function withoutNote(name: string): string {
  return normalizeDepartmentName(name).replace(/\([^()]*\)$/, '');
}

/** True when the name ends like a government body and not like an enterprise or association. */
export function looksLikeDepartment(name: string): boolean {
  const base = withoutNote(name);
  if (base.length < 2) return false;
  if (NON_GOVERNMENT_ENDINGS.some((ending) => base.endsWith(ending))) return false;
  return DEPARTMENT_ENDINGS.some((ending) => base.endsWith(ending));
}

/** True when the name is either known to the registry or shaped like a department. */
export function isDepartmentName(registry: DepartmentRegistry, name: string): boolean {
  return isKnownDepartment(registry, name) || looksLikeDepartment(name);
}

/** True when the name plainly belongs to an enterprise or association. */
export function looksNonGovernmental(name: string): boolean {
  const base = withoutNote(name);
  return NON_GOVERNMENT_ENDINGS.some((ending) => base.endsWith(ending));
}

/** A name found in a list, with its offset inside the list text (for exact spans). */
export type ListedName = { text: string; offset: number };

/**
 * Splits a department list on `、，,/` outside parentheses, then splits a piece on `和/及/与` only
 * when every part is a department name — `区发展和改革局` stays whole, `区教育局和区民政局` splits.
 */
export function splitDepartmentList(registry: DepartmentRegistry, list: string): ListedName[] {
  const pieces: ListedName[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= list.length; i++) {
    const ch = list[i];
    if (ch === '（' || ch === '(') depth++;
    else if (ch === '）' || ch === ')') depth = Math.max(0, depth - 1);
    if (i === list.length || (depth === 0 && ch !== undefined && '、，,/／'.includes(ch))) {
      pushTrimmed(pieces, list.slice(start, i), start);
      start = i + 1;
    }
  }
  return pieces.flatMap((piece) => splitOnConjunction(registry, piece));
}

function pushTrimmed(out: ListedName[], raw: string, offset: number): void {
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim().replace(LIST_TAIL, '');
  if (text.length > 0) out.push({ text, offset: offset + lead });
}

function splitOnConjunction(registry: DepartmentRegistry, piece: ListedName): ListedName[] {
  return splitAtConjunctions(registry, piece.text, piece.offset) ?? [piece];
}

/**
 * Splits `A和B及C` into department names, trying each conjunction as a cut from the left; a known
 * name is never cut. Returns null when no cut yields department names only.
 */
function splitAtConjunctions(
  registry: DepartmentRegistry,
  text: string,
  offset: number,
): ListedName[] | null {
  if (isKnownDepartment(registry, text)) return [{ text, offset }];
  for (let i = 1; i < text.length - 1; i++) {
    if (!'和及与'.includes(text[i] ?? '')) continue;
    const left = text.slice(0, i);
    if (!isDepartmentName(registry, left)) continue;
    const rest = splitAtConjunctions(registry, text.slice(i + 1), offset + i + 1);
    if (rest !== null) return [{ text: left, offset }, ...rest];
  }
  return isDepartmentName(registry, text) ? [{ text, offset }] : null;
}
