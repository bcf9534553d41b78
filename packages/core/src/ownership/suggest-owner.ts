import type { BilingualMessage } from '../model/plan-model.schema.js';
import { toHalfWidth } from '../text/width.js';
import { OWNER_REMIT_TABLE, type RemitRule } from './owner-remit.table.js';

/** An indicator that needs an owner. */
export type SuggestionIndicator = { key: string; name: string };

/** A task (measure) of the plan with the text the indicator may be mentioned in, and its leads. */
export type SuggestionTask = {
  key: string;
  /** The measure's title (`深化国资国企改革`), cited in the reason. */
  measure: string;
  /** The measure's paragraph (or at least its title), searched for the indicator's words. */
  text: string;
  /** Canonical names of its lead departments (牵头), in the order the plan names them. */
  leads: readonly string[];
};

/** A department of the registry, with every name it goes by. */
export type SuggestionDepartment = { id: string; name: string; aliases: readonly string[] };

/** One proposed owner: a department of the registry, or (`exists` false) a name to create first. */
export type OwnerCandidate = {
  basis: 'task' | 'remit';
  departmentId: string | null;
  departmentName: string;
  exists: boolean;
  /** The task whose text mentions the indicator (basis `task`). */
  taskKey: string | null;
  reason: BilingualMessage;
};

/** The suggestion for one indicator: the first candidate, then the others the rules found. */
export type OwnerSuggestion = {
  indicatorKey: string;
  indicatorName: string;
  suggestion: OwnerCandidate;
  alternatives: OwnerCandidate[];
};

/** Modifiers before and after the subject of an indicator's name that plans' prose leaves out. */
const LEADING = /^(?:每万人|每千人|人均|规上|规模以上|单位GDP|单位地区生产总值|\d+[-—~～]\d+岁)/;
const TRAILING =
  /(?:年均增速|增速|增长率|增长|降低|下降|比重|比例|占比|拥有量|保有量|覆盖率|年均浓度|浓度|死亡人数|人数|面积|年限|支出|综合生产能力|数|率|量)$/;

/**
 * The words of an indicator's name that a measure's prose would use: the name without its
 * denominator (`…占地区生产总值比重`), modifiers (`每万人`, `人均`) and measure words (`数`, `增长`),
 * plus any Latin abbreviation in brackets (`GDP`, `PM2.5`). Longest first.
 */
export function indicatorTerms(name: string): string[] {
  const flat = toHalfWidth(name).replace(/\s+/g, '');
  const terms = new Set<string>();
  for (const m of flat.matchAll(/\(([^()]*)\)/g)) {
    const inner = m[1] ?? '';
    if (/^[A-Za-z][A-Za-z0-9.]{1,}$/.test(inner)) terms.add(inner);
  }
  let core = flat.replace(/\([^()]*\)/g, '');
  core = core.split('占')[0] ?? core;
  core = core.replace(LEADING, '');
  terms.add(core);
  for (let i = 0; i < 3; i += 1) {
    const next = core.replace(TRAILING, '');
    if (next === core) break;
    core = next;
    terms.add(core);
  }
  return [...terms].filter((t) => t.length >= 2).sort((a, b) => b.length - a.length);
}

/** Candidate (a): the lead of the task whose text mentions the indicator's longest term. */
function taskCandidates(
  indicator: SuggestionIndicator,
  tasks: readonly SuggestionTask[],
  departments: readonly SuggestionDepartment[],
): OwnerCandidate[] {
  const terms = indicatorTerms(indicator.name);
  let best: { task: SuggestionTask; term: string } | undefined;
  for (const task of tasks) {
    if (task.leads.length === 0) continue;
    const text = toHalfWidth(task.text);
    const term = terms.find((t) => text.includes(t));
    if (term !== undefined && (best === undefined || term.length > best.term.length)) best = { task, term };
  }
  if (best === undefined) return [];
  const { task, term } = best;
  return task.leads.slice(0, 1).map((lead) => {
    const department = findByName(departments, lead);
    return {
      basis: 'task' as const,
      departmentId: department?.id ?? null,
      departmentName: department?.name ?? lead,
      exists: department !== undefined,
      taskKey: task.key,
      reason: {
        zh: `规划任务“${task.measure}”提到“${term}”，由${lead}牵头。`,
        en: `The plan's task "${task.measure}" mentions "${term}" and is led by ${lead}.`,
      },
    };
  });
}

/** Candidate (b): the department that publishes the statistic by its remit. */
function remitCandidate(
  indicator: SuggestionIndicator,
  departments: readonly SuggestionDepartment[],
): OwnerCandidate | undefined {
  const name = toHalfWidth(indicator.name);
  const rule = OWNER_REMIT_TABLE.find((r) => r.statistic.test(name));
  if (rule === undefined) return undefined;
  const department = registryMatch(rule, departments);
  if (department !== undefined) {
    return {
      basis: 'remit',
      departmentId: department.id,
      departmentName: department.name,
      exists: true,
      taskKey: null,
      reason: {
        zh: `按职责：${rule.remit.zh}。`,
        en: `By remit: ${rule.remit.en}.`,
      },
    };
  }
  return {
    basis: 'remit',
    departmentId: null,
    departmentName: rule.fallbackName,
    exists: false,
    taskKey: null,
    reason: {
      zh: `按职责：${rule.remit.zh}。单位登记中尚无此单位，请先在“单位”中新建“${rule.fallbackName}”。`,
      en: `By remit: ${rule.remit.en}. The registry has no such department; create "${rule.fallbackName}" under Departments first.`,
    },
  };
}

/** The first registry department any of the rule's patterns names, patterns in order of preference. */
function registryMatch(
  rule: RemitRule,
  departments: readonly SuggestionDepartment[],
): SuggestionDepartment | undefined {
  for (const pattern of rule.department) {
    const found = departments.find((d) => [d.name, ...d.aliases].some((n) => pattern.test(n)));
    if (found !== undefined) return found;
  }
  return undefined;
}

function findByName(
  departments: readonly SuggestionDepartment[],
  name: string,
): SuggestionDepartment | undefined {
  return departments.find((d) => d.name === name || d.aliases.includes(name));
}

/**
 * Proposes an owner for each indicator the plan names none for (the caller passes only those):
 * (a) the lead department of the plan's task whose text mentions the indicator — the reason cites
 * the task; otherwise (b) the department that publishes the statistic by its remit
 * ({@link OWNER_REMIT_TABLE}), matched against the departments of the registry; a department the
 * registry lacks is proposed by name with `exists` false, to be created first. Only proposals: the
 * office accepts or changes each. Indicators no rule covers get no entry.
 */
export function suggestOwners(input: {
  indicators: readonly SuggestionIndicator[];
  tasks: readonly SuggestionTask[];
  departments: readonly SuggestionDepartment[];
}): OwnerSuggestion[] {
  const out: OwnerSuggestion[] = [];
  for (const indicator of input.indicators) {
    const candidates = taskCandidates(indicator, input.tasks, input.departments);
    const remit = remitCandidate(indicator, input.departments);
    if (remit !== undefined && !candidates.some((c) => c.departmentName === remit.departmentName)) {
      candidates.push(remit);
    }
    const [first, ...rest] = candidates;
    if (first === undefined) continue;
    out.push({
      indicatorKey: indicator.key,
      indicatorName: indicator.name,
      suggestion: first,
      alternatives: rest,
    });
  }
  return out;
}
