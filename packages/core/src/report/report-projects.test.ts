import { describe, expect, it } from 'vitest';
import type { Plan } from '../model/plan-model.schema.js';
import { buildReportDocument } from './report.builder.js';
import type { ReportInput, ReportProjectInput, ReportTable } from './report.types.js';

// SYNTHETIC projects and figures (illustrative, not published data).

const plan: Plan = {
  title: '江苏省某市某某区国民经济和社会发展第十五个五年规划纲要',
  region: '江苏省某市某某区',
  regionCode: null,
  level: 'district',
  periodStart: 2026,
  periodEnd: 2030,
  baselineYear: 2025,
  issuer: null,
  date: null,
};

const trace = (revisionId: string) => ({
  revisionId,
  source: null,
  scope: null,
  approval: '审核人乙 2026-10-12',
});

function project(over: Partial<ReportProjectInput> & { id: string; name: string }): ReportProjectInput {
  return {
    leadUnit: '区交通运输局',
    underConstruction: true,
    totalWan: 50000,
    annualPlanWan: 12000,
    register: { revision: 3, updatedAt: '2026-01-05T00:00:00.000Z' },
    completedYtd: null,
    progress: null,
    plannedStart: null,
    actualStart: null,
    plannedCompletion: null,
    actualCompletion: null,
    issues: [],
    ...over,
  };
}

const onTrack = project({
  id: 'p1',
  name: '某某快速路',
  completedYtd: { month: 9, value: 9600, trace: trace('pr-1-9') },
  progress: { month: 9, value: '主线桥梁完成70%', trace: trace('pr-1-9') },
  plannedStart: '2026-03-01',
  actualStart: '2026-02-20',
  plannedCompletion: '2028-12-31',
});
const lagging = project({
  id: 'p2',
  name: '某某污水厂扩建',
  leadUnit: '区水务局',
  annualPlanWan: 8000,
  completedYtd: { month: 9, value: 2000, trace: trace('pr-2-9') },
  progress: { month: 8, value: '完成桩基施工', trace: trace('pr-2-8') },
  plannedStart: '2026-04-01',
  actualStart: '2026-06-15',
});
const blocked = project({
  id: 'p3',
  name: '某某学校新建',
  leadUnit: '区教育局',
  // Still in 前期: no report owed, so no completion is judged.
  underConstruction: false,
  plannedStart: '2026-05-01',
  issues: [{ text: '用地手续未办结', department: '区自然资源局', deadline: '2026-08-31', state: 'open' }],
});

function input(kind: ReportInput['kind'], projects: ReportProjectInput[]): ReportInput {
  return {
    kind,
    year: 2026,
    asOf: '2026-10-15',
    plan,
    indicators: [],
    data: [],
    tasks: [
      { id: 't1', title: '建设完整社区', lead: '区住建局', coLeads: [], progress: '—', status: '滞后' },
    ],
    projects,
  };
}

function tables(doc: ReturnType<typeof buildReportDocument>): ReportTable[] {
  const out: ReportTable[] = [];
  const walk = (sections: typeof doc.sections): void => {
    for (const s of sections) {
      for (const b of s.blocks) if (b.kind === 'table') out.push(b);
      walk(s.sections);
    }
  };
  walk(doc.sections);
  return out;
}

describe('表3 重大项目推进情况', () => {
  const doc = buildReportDocument(input('annual', [onTrack, lagging, blocked]));
  const t3 = tables(doc).find((t) => t.id === 'table-3');

  it('has a section before the key tasks, and the tables numbered in order', () => {
    expect(doc.sections.map((s) => s.label + s.title)).toEqual([
      '一、总体情况',
      '二、主要指标监测情况',
      '三、重大项目推进情况',
      '四、重点任务推进情况',
      '五、存在问题和预警',
      '六、下一年度实施重点',
    ]);
    expect(tables(doc).map((t) => t.caption)).toEqual([
      '表1 主要指标完成情况',
      '表2 约束性指标达标情况',
      '表3 重大项目推进情况',
      '表4 重点任务分工落实',
    ]);
    expect(doc.sections[2]?.blocks[0]).toEqual({
      kind: 'paragraph',
      text: '纳入跟踪的重大项目3项，正常1项、滞后1项、需协调1项。',
    });
  });

  it('shows money, completion, 形象进度, dates and status per project', () => {
    expect(t3?.rows.map((r) => r.map((c) => c.text))).toEqual([
      [
        '1',
        '某某快速路',
        '区交通运输局',
        '50000',
        '12000',
        '9600（1—9月）',
        '80%',
        '主线桥梁完成70%',
        '如期开工；未到竣工期',
        '正常',
      ],
      [
        '2',
        '某某污水厂扩建',
        '区水务局',
        '50000',
        '8000',
        '2000（1—9月）',
        '25%',
        '完成桩基施工',
        '延期开工；未定竣工日期',
        '滞后',
      ],
      [
        '3',
        '某某学校新建',
        '区教育局',
        '50000',
        '12000',
        '—',
        '—',
        '—',
        '逾期未开工；未定竣工日期',
        '需协调',
      ],
    ]);
  });

  it('traces every figure to its approved report or the register', () => {
    const refs = (t3?.rows ?? []).flatMap((r) => r.filter((c) => c.text !== '—' && c.ref !== undefined));
    expect(refs.length).toBeGreaterThan(0);
    const entry = (ref: string | undefined) => doc.sources.find((s) => s.id === ref);
    const row1 = t3?.rows[0] ?? [];
    expect(entry(row1[5]?.ref)).toMatchObject({
      revisionId: 'pr-1-9',
      value: '9600',
      approval: '审核人乙 2026-10-12',
      period: 2026,
    });
    // 形象进度 of the same approved revision points at the same entry.
    expect(row1[7]?.ref).toBe(row1[5]?.ref);
    expect(entry(row1[3]?.ref)).toMatchObject({ revisionId: '项目库第3版', source: '重大项目库' });
    // A later month's 形象进度 from another revision has its own entry.
    const row2 = t3?.rows[1] ?? [];
    expect(entry(row2[7]?.ref)?.revisionId).toBe('pr-2-8');
    // Every figure cell (money) carries a reference.
    for (const row of t3?.rows ?? []) {
      for (const i of [3, 4, 5]) if (row[i]?.text !== '—') expect(row[i]?.ref).toBeDefined();
    }
    expect(doc.appendix.table.rows).toHaveLength(doc.sources.length);
  });

  it('lists why a project is flagged', () => {
    const list = doc.sections[2]?.blocks.find((b) => b.kind === 'list');
    expect(list?.kind === 'list' && list.items).toEqual([
      '某某污水厂扩建（滞后）：投资完成率25%，低于时序进度75%达50个百分点（阈值10）；未按期开工（计划2026-04-01）。',
      '某某学校新建（需协调）：未按期开工（计划2026-05-01）；需协调事项逾期未解决（区自然资源局，期限2026-08-31）：用地手续未办结。',
    ]);
  });

  it('counts a project under construction without an approved report as nothing completed yet', () => {
    const silent = project({ id: 'p4', name: '某某泵站', annualPlanWan: 4000 });
    const one = buildReportDocument(input('annual', [silent]));
    const row = tables(one).find((t) => t.id === 'table-3')?.rows[0];
    expect(row?.map((c) => c.text).slice(5, 8)).toEqual(['无已审核月报', '0%', '—']);
    expect(row?.[9]?.text).toBe('滞后');
  });

  it('is also in the mid-term report', () => {
    const mid = buildReportDocument(input('midterm', [onTrack]));
    expect(mid.sections.map((s) => s.title)).toContain('重大项目推进情况');
    expect(tables(mid).map((t) => t.caption)).toContain('表3 重大项目推进情况');
  });

  it('without projects: no 表3, no heading, and the key tasks table is 表3', () => {
    for (const projects of [[], undefined]) {
      const none = buildReportDocument({ ...input('annual', []), projects });
      expect(none.sections.map((s) => s.title)).not.toContain('重大项目推进情况');
      expect(tables(none).map((t) => t.caption)).toEqual([
        '表1 主要指标完成情况',
        '表2 约束性指标达标情况',
        '表3 重点任务分工落实',
      ]);
    }
  });
});
