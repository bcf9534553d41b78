import { describe, expect, it } from 'vitest';
import { assessIndicator } from './assessment.engine.js';
import { ROLLUP_RULE, rollUp, type RollupItem } from './assessment.rollup.js';
import { buildInput, buildTarget, obs } from './fixtures/assessment-input.factory.js';

function item(
  seq: string,
  values: [number, number][],
  keys: Partial<RollupItem>,
  binding = false,
): RollupItem {
  const assessment = assessIndicator(
    buildInput({
      indicator: { seq, attribute: binding ? '约束性' : '预期性', target: buildTarget({ value: 200 }) },
      observations: obs(values),
    }),
  );
  return {
    assessment,
    plan: '武进区十五五',
    group: null,
    chapter: null,
    departments: [],
    phase: null,
    ...keys,
  };
}

describe('roll-ups', () => {
  const items = [
    item('1', [[2027, 205]], { group: '高质量发展指标', chapter: '第三章', departments: ['区发改局'] }),
    item('2', [[2027, 140]], {
      group: '高质量发展指标',
      chapter: '第三章',
      departments: ['区发改局', '区财政局'],
    }),
    item('3', [[2027, 110]], { group: '约束类指标', chapter: '第五章', departments: ['区财政局'] }, true),
    item('4', [], { group: '约束类指标', departments: [] }, true),
  ];

  it('counts per status by group, with a summary line', () => {
    const groups = rollUp(items, 'group');
    expect(groups.map((g) => g.key)).toEqual(['高质量发展指标', '约束类指标']);
    const [first, second] = groups;
    expect(first?.counts['已实现']).toBe(1);
    expect(first?.counts['符合预期']).toBe(1);
    expect(first?.onScheduleShare).toBe(1);
    expect(second?.counts['严重滞后']).toBe(1);
    expect(second?.counts['数据不足']).toBe(1);
    expect(second?.onScheduleShare).toBe(0);
    expect(second?.binding.total).toBe(2);
    expect(second?.summary.zh).toBe(
      '约束类指标：共2项指标，严重滞后1项，数据不足1项；按期推进占可评估指标的0%；约束性指标2项，预警1项。',
    );
  });

  it('counts an indicator under each of its departments and puts unkeyed items under 未分类', () => {
    const byDept = rollUp(items, 'department');
    expect(byDept.map((g) => [g.key, g.total])).toEqual([
      ['区发改局', 2],
      ['区财政局', 2],
      ['未分类', 1],
    ]);
    expect(rollUp(items, 'chapter').find((g) => g.key === '未分类')?.total).toBe(1);
  });

  it('rolls up the whole plan and by phase, and states the rule', () => {
    const plan = rollUp(items, 'plan');
    expect(plan).toHaveLength(1);
    expect(plan[0]?.total).toBe(4);
    expect(plan[0]?.summary.en).toContain('4 indicators');
    const phased = rollUp(
      items.map((i) => ({ ...i, phase: '攻坚奋进年' })),
      'phase',
    );
    expect(phased[0]?.key).toBe('攻坚奋进年');
    expect(ROLLUP_RULE.zh).toContain('不加权');
  });
});
