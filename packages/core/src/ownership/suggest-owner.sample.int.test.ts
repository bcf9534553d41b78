import { beforeAll, describe, expect, test } from 'vitest';
import { ingestText } from '../ingest/ingest.js';
import { walk } from '../ingest/scope.js';
import type { PlanModel } from '../model/plan-model.schema.js';
import { readSamplePlan } from '../testing/documents.js';
import { type OwnerSuggestion, type SuggestionDepartment, suggestOwners } from './suggest-owner.js';

let model: PlanModel;
let suggestions: OwnerSuggestion[];
let departments: SuggestionDepartment[];

/** The sample plan's tasks with their paragraphs, and the registry a fresh import seeds from them. */
beforeAll(() => {
  model = ingestText(readSamplePlan(), { fileName: 'wujin-15th-outline.txt' });
  const paragraphs = [...walk(model.outline)].flatMap((n) => n.paragraphs);
  const tasks = model.assignments.map((a) => ({
    key: a.id,
    measure: a.measure,
    text: paragraphs.find((p) => p.text.includes(a.measure) && p.text.includes(a.clause))?.text ?? a.measure,
    leads: a.leads.map((d) => d.canonical ?? d.text),
  }));
  const names = new Set(
    model.assignments.flatMap((a) => [...a.leads, ...a.coLeads]).map((d) => d.canonical ?? d.text),
  );
  departments = [...names].map((name) => ({ id: `dep:${name}`, name, aliases: [] }));
  suggestions = suggestOwners({
    indicators: model.indicators.map((i) => ({ key: i.seq, name: i.name })),
    tasks,
    departments,
  });
});

const of = (seq: string): OwnerSuggestion | undefined => suggestions.find((s) => s.indicatorKey === seq);

describe('owner suggestions for the sample plan (its table names no owner)', () => {
  test('every one of the 27 indicators gets a suggestion; 14 name a department of the registry', () => {
    expect(model.indicators).toHaveLength(27);
    expect(suggestions).toHaveLength(27);
    expect(suggestions.filter((s) => s.suggestion.exists)).toHaveLength(14);
    expect(suggestions.filter((s) => s.suggestion.basis === 'task').map((s) => s.indicatorKey)).toEqual([
      '24',
      '26',
    ]);
  });

  test('by remit: 一般公共预算收入 → 区财政局, PM2.5 → the ecology and environment bureau of the registry', () => {
    expect(of('2')?.suggestion).toMatchObject({ basis: 'remit', departmentName: '区财政局', exists: true });
    expect(of('2')?.suggestion.departmentId).toBe('dep:区财政局');
    expect(of('20')?.suggestion).toMatchObject({ departmentName: '常州市武进生态环境局', exists: true });
    expect(of('20')?.suggestion.reason.zh).toContain('生态环境部门');
    expect(of('10')?.suggestion.departmentName).toBe('区人力资源和社会保障局');
  });

  test('a statistics bureau the registry lacks is named, to be created, never given an id', () => {
    expect(of('1')?.suggestion).toMatchObject({
      departmentName: '区统计局',
      exists: false,
      departmentId: null,
    });
    expect(of('1')?.suggestion.reason.zh).toContain('请先在“单位”中新建“区统计局”');
    expect(of('12.1')?.suggestion.departmentName).toBe('区卫生健康局');
    expect(of('16')?.suggestion.departmentName).toBe('区教育局');
  });

  test('by task: 耕地保有量 → the lead of the task that mentions 耕地, the remit owner as the alternative', () => {
    expect(of('24')?.suggestion).toMatchObject({ basis: 'task', departmentName: '区农业农村局' });
    expect(of('24')?.suggestion.reason.zh).toBe(
      '规划任务“持续提升土地利用效能”提到“耕地”，由区农业农村局牵头。',
    );
    expect(of('24')?.alternatives.map((a) => a.departmentName)).toEqual(['常州市自然资源和规划局武进分局']);
    expect(of('26')?.suggestion.reason.zh).toContain('全面提高城市安全韧性水平');
  });
});
