import { describe, expect, it } from 'vitest';
import { type DepartmentSummaryInput, buildDepartmentSummary } from './department-summary.js';

const owed = (
  name: string,
  period: string,
  dueDate: string,
  state: DepartmentSummaryInput['owed'][number]['state'],
  daysUntilDue: number,
  kind: 'indicator' | 'task' = 'indicator',
): DepartmentSummaryInput['owed'][number] => ({
  kind,
  name,
  period,
  dueDate,
  state,
  overdue: daysUntilDue < 0,
  daysUntilDue,
});

/** A department with two indicators and two tasks, judged on 2027-04-10. */
const input: DepartmentSummaryInput = {
  planTitle: '某区国民经济和社会发展第十五个五年规划纲要',
  department: '区财政局',
  asOf: '2027-04-10',
  dueWithinDays: 14,
  demo: false,
  indicators: [
    {
      seq: '2',
      name: '一般公共预算收入',
      unit: '亿元',
      targetText: '218',
      latest: { period: '2026', value: 200 },
      status: '符合预期',
    },
    {
      seq: '9',
      name: '居民人均可支配收入增长',
      unit: '%',
      targetText: '与经济增长同步',
      latest: null,
      status: '严重滞后',
    },
  ],
  tasks: [
    { title: '深化财税体制改革', role: 'lead', latest: { period: '2027Q1', progress: 'delayed' } },
    { title: '优化营商环境', role: 'co_lead', latest: null },
  ],
  owed: [
    owed('一般公共预算收入', '2026', '2027-03-31', 'approved', -10),
    owed('居民人均可支配收入增长', '2026', '2027-03-31', 'missing', -10),
    owed('深化财税体制改革', '2027Q1', '2027-04-15', 'draft', 5, 'task'),
    owed('优化营商环境', '2027Q1', '2027-04-15', 'returned', 5, 'task'),
    owed('优化营商环境', '2027Q2', '2027-07-15', 'missing', 96, 'task'),
    owed('深化财税体制改革', '2026Q4', '2027-01-15', 'submitted', -85, 'task'),
  ],
};

describe('a department one-page summary', () => {
  const summary = buildDepartmentSummary(input);

  it('lists as late the reports past due and not submitted, and the items behind schedule', () => {
    expect(summary.late.map((i) => `${i.name}|${i.period}|${i.why}`)).toEqual([
      '居民人均可支配收入增长|2026|逾期未报（未填报）',
      '居民人均可支配收入增长||进度严重滞后',
      '深化财税体制改革|2027Q1|进展滞后',
    ]);
  });

  it('lists as due the unsubmitted reports falling due within the window, soonest first, and nothing approved or submitted', () => {
    expect(summary.due.map((i) => `${i.name}|${i.period}|${i.why}`)).toEqual([
      '深化财税体制改革|2027Q1|2027-04-15前报送（草稿未提交）',
      '优化营商环境|2027Q1|2027-04-15前报送（已退回待重报）',
    ]);
  });

  it('says it all in the sections: counts, lists and the two tables', () => {
    expect(summary.title).toBe('区财政局规划实施情况摘要');
    expect(summary.dateLine).toBe('2027年4月10日');
    expect(summary.sections.map((s) => s.label + s.title)).toEqual([
      '一、总体情况',
      '二、逾期与滞后事项',
      '三、近期到期事项',
      '四、承担指标',
      '五、承担任务',
    ]);
    const overview = summary.sections[0]?.blocks[0];
    expect(overview).toEqual({
      kind: 'paragraph',
      text: '本单位承担《某区国民经济和社会发展第十五个五年规划纲要》规划指标2项、重点任务2项。截至2027年4月10日，逾期或滞后事项3项，14日内到期待报2项。',
    });
    const [indicators] = summary.sections[3]?.blocks ?? [];
    expect(indicators?.kind === 'table' && indicators.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['2', '一般公共预算收入（亿元）', '218', '200（2026）', '符合预期'],
      ['9', '居民人均可支配收入增长（%）', '与经济增长同步', '—', '严重滞后'],
    ]);
    const [tasks] = summary.sections[4]?.blocks ?? [];
    expect(tasks?.kind === 'table' && tasks.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['1', '深化财税体制改革', '牵头', '滞后（2027Q1）'],
      ['2', '优化营商环境', '配合', '未报'],
    ]);
  });

  it('says so when nothing is late or due', () => {
    const quiet = buildDepartmentSummary({ ...input, indicators: [], tasks: [], owed: [] });
    expect(quiet.late).toEqual([]);
    expect(quiet.sections[1]?.blocks).toEqual([{ kind: 'paragraph', text: '无逾期或滞后事项。' }]);
    expect(quiet.sections[2]?.blocks).toEqual([{ kind: 'paragraph', text: '14日内无到期待报事项。' }]);
  });
});
