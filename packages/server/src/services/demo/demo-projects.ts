import type { GazetteerEntry, ProjectStage } from '@plantrack/core';
import { type Department, type ProjectFields, emptyProjectFields } from '@plantrack/db';
import { DEMO_SOURCE, seededRandom } from './demo-values.js';

/** How many simulated projects the demo's register holds. */
export const DEMO_PROJECT_COUNT = 20;

/** A simulated project: its register fields, stage, and how fast it invests (1 = on the annual plan). */
export type DemoProject = { fields: ProjectFields; stage: ProjectStage; pace: number; overdueIssue: boolean };

/** Kinds of project by category: a name ending, and the words that find a fitting lead department. */
const TEMPLATES = [
  { category: '产业', suffix: '智能制造产业园', lead: ['工业和信息化', '工信', '发展和改革'] },
  { category: '基础设施', suffix: '快速路改造工程', lead: ['交通运输', '交通'] },
  { category: '社会民生', suffix: '九年一贯制学校新建工程', lead: ['教育'] },
  { category: '生态环保', suffix: '河道综合整治工程', lead: ['水利', '水务', '生态环境'] },
  { category: '城市更新', suffix: '老旧小区改造', lead: ['住房和城乡建设', '住建'] },
  { category: '基础设施', suffix: '污水处理厂扩建工程', lead: ['水利', '水务', '住房和城乡建设'] },
  { category: '社会民生', suffix: '社区卫生服务中心', lead: ['卫生健康', '卫健'] },
  { category: '产业', suffix: '新能源装备产业基地', lead: ['发展和改革', '工业和信息化'] },
  { category: '生态环保', suffix: '生态湿地修复工程', lead: ['生态环境', '自然资源', '农业农村'] },
  { category: '社会民生', suffix: '养老服务综合体', lead: ['民政'] },
] as const;

/** Investment paces: most on plan, three well behind (滞后), one ahead. */
const PACES = [1.0, 0.95, 1.05, 0.5, 1.0, 0.9, 1.1, 0.35, 1.0, 0.98, 1.02, 0.45] as const;

const PHASES = ['场地平整', '桩基施工', '主体结构施工', '主体结构封顶', '设备安装和装饰装修', '竣工验收准备'];

/** The towns the plan names (镇, 街道), else its parks and zones: where the demo's projects are. */
export function demoPlaces(gazetteer: readonly GazetteerEntry[], region: string | null): string[] {
  const own = (g: GazetteerEntry): boolean => region !== null && region.endsWith(g.name);
  const towns = gazetteer.filter((g) => (g.kind === 'town' || g.kind === 'subdistrict') && !own(g));
  const others = gazetteer.filter((g) => (g.kind === 'park' || g.kind === 'zone') && !own(g));
  const names = (towns.length > 0 ? towns : others).map((g) => g.name);
  return names.length > 0 ? names : ['本区'];
}

function leadFor(words: readonly string[], departments: readonly Department[], i: number): Department {
  const found = departments.find((d) => d.active && words.some((w) => d.canonicalName.includes(w)));
  const fallback = departments[i % departments.length];
  if (found === undefined && fallback === undefined) throw new Error('the demo has no departments');
  return found ?? (fallback as Department);
}

/**
 * The demo's project register: {@link DEMO_PROJECT_COUNT} projects across categories, in the plan's
 * towns, led by the seeded departments. Every figure is simulated (deterministic in the project's
 * number) and every text says {@link DEMO_SOURCE}. Two are still in 前期 (one past its planned start).
 */
export function simulateProjects(
  places: readonly string[],
  departments: readonly Department[],
): DemoProject[] {
  const out: DemoProject[] = [];
  const names = new Set<string>();
  for (let i = 0; i < DEMO_PROJECT_COUNT; i++) {
    const rand = seededRandom(7000 + i);
    const t = TEMPLATES[i % TEMPLATES.length] ?? TEMPLATES[0];
    const place = places[i % places.length] ?? '本区';
    let name = `${place}${t.suffix}`;
    if (names.has(name)) name = `${name}（二期）`;
    names.add(name);
    const lead = leadFor(t.lead, departments, i);
    const early = i === 5 || i === 13;
    const startYear = early ? 2027 : i % 3 === 0 ? 2025 : 2026;
    const endYear = startYear + 2 + (i % 3);
    const totalWan = Math.round((20000 + rand() * 280000) / 100) * 100;
    const years = Array.from({ length: endYear - startYear + 1 }, (_, k) => startYear + k);
    const annualPlans = years
      .filter((y) => y >= 2026 && y <= 2030)
      .map((year) => ({
        year,
        planWan: Math.round(totalWan / years.length / 10) * 10,
        milestoneText: `【${DEMO_SOURCE}】${year}年完成${PHASES[Math.min(PHASES.length - 1, year - startYear + 2)]}`,
      }));
    const month = String(1 + (i % 6)).padStart(2, '0');
    out.push({
      fields: {
        ...emptyProjectFields(name),
        level: i % 7 === 0 ? '市' : '区',
        category: t.category,
        nature: early ? null : startYear === 2025 ? '续建' : '新开工',
        place,
        content: `【${DEMO_SOURCE}】${name}：总建筑面积约${Math.round(2 + rand() * 18)}万平方米（模拟）。`,
        totalWan,
        startYear,
        endYear,
        plannedStart: `${startYear}-${month}-01`,
        // 前期 projects have not started; one of them (i = 5) is already past its planned start.
        actualStart: early ? null : `${startYear}-${month}-${String(1 + (i % 20)).padStart(2, '0')}`,
        plannedCompletion: `${endYear}-12-31`,
        leadUnit: lead.canonicalName,
        published: i % 2 === 0,
        annualPlans,
      },
      stage: early ? '前期' : '在建',
      pace: PACES[i % PACES.length] ?? 1,
      overdueIssue: i === 3,
    });
  }
  // The 前期 project i = 5 was planned to start in early 2026 and has not: 未按期开工.
  const late = out[5];
  if (late !== undefined) late.fields = { ...late.fields, plannedStart: '2026-03-01' };
  return out;
}

/** One simulated monthly report: this month's investment, 年初至今累计 and 形象进度 (万元). */
export type DemoMonth = {
  year: number;
  month: number;
  monthWan: number;
  ytdWan: number;
  progressText: string;
};

/**
 * The monthly reports of a project for the months given (`YYYY-MM`, oldest first), at the project's
 * pace with some month-to-month noise, never beyond its total investment. Deterministic.
 */
export function simulateMonths(project: DemoProject, seed: number, months: readonly string[]): DemoMonth[] {
  const rand = seededRandom(9000 + seed);
  const f = project.fields;
  const total = f.totalWan ?? 0;
  const out: DemoMonth[] = [];
  let done = 0;
  let ytd = 0;
  let year = 0;
  for (const ym of months) {
    const y = Number(ym.slice(0, 4));
    const m = Number(ym.slice(5, 7));
    if (f.startYear === null || y < f.startYear || (f.endYear !== null && y > f.endYear)) continue;
    // Nothing is invested before the project actually starts.
    if (f.actualStart === null || ym < f.actualStart.slice(0, 7)) continue;
    if (y !== year) {
      year = y;
      ytd = 0;
    }
    const plan = f.annualPlans.find((a) => a.year === y)?.planWan ?? 0;
    const wanted = (plan / 12) * project.pace * (0.7 + 0.6 * rand());
    // Rounded down to 0.1 万元, so a month never goes past the investment still remaining.
    const monthWan = Math.max(0, Math.floor(Math.min(wanted, total - done) * 10) / 10);
    done += monthWan;
    ytd = Math.round((ytd + monthWan) * 10) / 10;
    const phase =
      PHASES[Math.min(PHASES.length - 1, Math.floor((done / Math.max(total, 1)) * PHASES.length))];
    out.push({ year: y, month: m, monthWan, ytdWan: ytd, progressText: `【${DEMO_SOURCE}】${phase}` });
  }
  return out;
}

/** The months whose report was due by `through`: from January 2026, each due on the 10th of the next month. */
export function projectMonthsDueBy(through: string): string[] {
  const out: string[] = [];
  for (let y = 2026; y <= 2031; y++) {
    for (let m = 1; m <= 12; m++) {
      const due = m === 12 ? `${y + 1}-01-10` : `${y}-${String(m + 1).padStart(2, '0')}-10`;
      if (due > through) return out;
      out.push(`${y}-${String(m).padStart(2, '0')}`);
    }
  }
  return out;
}
