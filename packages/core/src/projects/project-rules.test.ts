import { describe, expect, it } from 'vitest';
import { allowedTransitions, checkTransition } from './project-lifecycle.js';
import { type ProjectStatusInput, projectStatus } from './project-status.js';

describe('lifecycle 储备 → 前期 → 在建 → 竣工 → 后评价', () => {
  it('moves one step forward, or shelves a project in preparation', () => {
    expect(checkTransition('储备', '前期')).toBeNull();
    expect(checkTransition('前期', '在建')).toBeNull();
    expect(checkTransition('前期', '储备')).toBeNull();
    expect(checkTransition('在建', '竣工')).toBeNull();
    expect(checkTransition('竣工', '后评价')).toBeNull();
  });

  it('refuses skipped and backward steps, naming what is allowed', () => {
    expect(checkTransition('储备', '在建')?.zh).toBe('项目不能从“储备”转为“在建”，只能转为“前期”');
    expect(checkTransition('在建', '储备')?.en).toBe(
      'A project cannot move from under construction to pipeline; allowed: completed',
    );
    expect(checkTransition('后评价', '竣工')?.zh).toBe('项目不能从“后评价”转为“竣工”（已是最后阶段）');
    expect(allowedTransitions('后评价')).toEqual([]);
  });
});

// SYNTHETIC figures: they exercise the rules, they are not statistics.
const base: ProjectStatusInput = {
  asOf: '2027-07-10',
  annualPlanWan: 12000,
  completedYtdWan: 6000,
  throughMonth: 6,
  plannedStart: '2027-03-01',
  actualStart: '2027-02-20',
  plannedCompletion: '2029-12-31',
  actualCompletion: null,
  issues: [],
  lagThresholdPoints: 10,
};

describe('project status rules', () => {
  it('is 正常 when completion keeps pace with the time elapsed', () => {
    const s = projectStatus(base);
    expect(s).toMatchObject({ health: '正常', completionRatePct: 50, timeElapsedPct: 50, gapPoints: 0 });
    expect(s.reasons).toEqual([]);
  });

  it('is 滞后 only when completion trails 时序进度 by more than the threshold', () => {
    expect(projectStatus({ ...base, completedYtdWan: 4800 })).toMatchObject({
      health: '正常',
      gapPoints: -10,
    });
    const behind = projectStatus({ ...base, completedYtdWan: 4680 });
    expect(behind).toMatchObject({ health: '滞后', lagging: true, completionRatePct: 39, gapPoints: -11 });
    expect(behind.reasons[0]?.zh).toBe('投资完成率39%，低于时序进度50%达11个百分点（阈值10）');
  });

  it('makes no completion judgement without an annual plan', () => {
    const s = projectStatus({ ...base, annualPlanWan: 0 });
    expect(s).toMatchObject({ health: '正常', completionRatePct: null, gapPoints: null, lagging: false });
  });

  it('flags 未按期开工 (not started by the planned day, or started after it) and 未按期竣工', () => {
    expect(projectStatus({ ...base, actualStart: null }).notStartedOnTime).toBe(true);
    expect(projectStatus({ ...base, actualStart: '2027-03-02' }).notStartedOnTime).toBe(true);
    expect(projectStatus({ ...base, actualStart: null, asOf: '2027-03-01' }).notStartedOnTime).toBe(false);
    const overrun = projectStatus({ ...base, plannedCompletion: '2027-06-30' });
    expect(overrun).toMatchObject({ health: '滞后', notCompletedOnTime: true });
    expect(overrun.reasons.map((r) => r.zh)).toEqual(['未按期竣工（计划2027-06-30）']);
  });

  it('is 需协调 while an issue is open past its deadline, before anything else', () => {
    const issues = [
      { text: '用地指标未落实', department: '区自然资源局', deadline: '2027-06-30', state: 'open' as const },
      { text: '管线迁改', department: '区住建局', deadline: '2027-07-31', state: 'open' as const },
      { text: '环评批复', department: '区生态环境局', deadline: '2027-05-31', state: 'resolved' as const },
    ];
    const s = projectStatus({ ...base, completedYtdWan: 1000, issues });
    expect(s).toMatchObject({ health: '需协调', overdueIssues: 1, lagging: true });
    expect(s.reasons.at(-1)?.zh).toBe('需协调事项逾期未解决（区自然资源局，期限2027-06-30）：用地指标未落实');
    expect(projectStatus({ ...base, issues, asOf: '2027-06-30' }).health).toBe('正常');
  });

  it('refuses a month outside 1–12', () => {
    expect(() => projectStatus({ ...base, throughMonth: 13 })).toThrow(RangeError);
  });
});
