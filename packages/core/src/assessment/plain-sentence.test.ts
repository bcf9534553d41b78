import { describe, expect, it } from 'vitest';
import { assessIndicator } from './assessment.engine.js';
import { buildInput, buildTarget, obs } from './fixtures/assessment-input.factory.js';
import { plainSentence } from './plain-sentence.js';

// Illustrative numbers only (synthetic), for a 2026–2030 plan with baseline year 2025.

const FORMULA_SIGNS = /E\(t\)|P =|÷|\^/;

function sentence(patch: Parameters<typeof buildInput>[0], unit: string | null) {
  const a = assessIndicator(buildInput(patch));
  const s = plainSentence(a, unit);
  // Never a formula dump, in either language.
  expect(s.zh).not.toMatch(FORMULA_SIGNS);
  expect(s.en).not.toMatch(FORMULA_SIGNS);
  expect(s.zh.endsWith('。')).toBe(true);
  expect(s.en.endsWith('.')).toBe(true);
  return { a, s };
}

describe('plain sentences for an indicator', () => {
  it('level target: value, change on the baseline in points, status and the trend to 2030', () => {
    const { a, s } = sentence(
      {
        asOf: 2026,
        indicator: {
          name: '研发经费投入占比',
          unit: '%',
          target: buildTarget({ text: '4以上', op: '>=', value: 4 }),
          baseline: { year: 2025, value: 3.7, text: '3.7', estimated: false },
        },
        observations: obs([[2026, 3.9]]),
      },
      '%',
    );
    expect(a.status).toBe('快于预期');
    expect(s.zh).toMatch(
      /^研发经费投入占比2026年为3\.9%，较基期提高0\.2个百分点，快于预期；按现有趋势2030年可达4\.7%。$/,
    );
    expect(s.en).toContain('up 0.2 percentage points on the baseline, ahead of schedule');
  });

  it('level target missed on the trend: says it is short, with the unit of the indicator', () => {
    const { s } = sentence(
      {
        indicator: {
          name: '一般公共预算收入',
          unit: '亿元',
          target: buildTarget({ value: 218 }),
          baseline: { year: 2025, value: 160, text: '160', estimated: false },
        },
        observations: obs([
          [2026, 161],
          [2027, 162],
        ]),
      },
      '亿元',
    );
    expect(s.zh).toContain('一般公共预算收入2027年为162亿元，较基期提高2亿元，进度严重滞后');
    expect(s.zh).toContain('难以实现目标');
    expect(s.en).toContain('162 亿元');
  });

  it('range target (左右) reads as a level against the baseline', () => {
    const { a, s } = sentence(
      {
        indicator: {
          name: '林木覆盖率',
          unit: '%',
          target: buildTarget({ text: '26.5左右', op: '~', value: 26.5 }),
          baseline: { year: 2025, value: 25.4, text: '25.4', estimated: false },
        },
        observations: obs([[2027, 26.1]]),
      },
      '%',
    );
    expect(a.status).toBe('已实现');
    expect(s.zh).toContain('林木覆盖率2027年为26.1%，较基期提高0.7个百分点，已实现目标');
  });

  it('rate target: the average so far against the target rate', () => {
    const { a, s } = sentence(
      {
        indicator: {
          name: '规上生产性服务业营业收入年均增速',
          unit: '%',
          baseline: null,
          target: buildTarget({ text: '12', kind: 'rate', value: 12 }),
        },
        observations: obs([
          [2026, 10],
          [2027, 11],
        ]),
      },
      '%',
    );
    expect(a.method).toBe('rate-cagr');
    expect(s.zh).toContain('规上生产性服务业营业收入年均增速2027年为11%，规划期以来年均');
    expect(s.zh).toContain('目标年均12%');
    expect(s.en).toContain('against a target of 12% a year');
  });

  it('cumulative sum: the total so far as a share of the target and of what is due', () => {
    const { a, s } = sentence(
      {
        indicator: {
          name: '城镇新增就业人数',
          unit: '万人',
          baseline: null,
          target: buildTarget({ text: '11以上（累计）', kind: 'cumulative', op: '>=', value: 11 }),
        },
        observations: obs([
          [2026, 2.3],
          [2027, 2.4],
        ]),
      },
      '万人',
    );
    expect(a.method).toBe('cumulative-sum');
    expect(s.zh).toMatch(
      /^城镇新增就业人数规划期以来累计4\.7万人，完成目标的42\.7%（按时序应完成40%），符合预期；按已报年份的年均水平，至2030年累计约11\.75万人，可以实现目标。$/,
    );
  });

  it('cumulative change: the cumulative reduction against what is due', () => {
    const { a, s } = sentence(
      {
        indicator: {
          name: '单位GDP能耗降低',
          unit: '%',
          baseline: null,
          target: buildTarget({ text: '下降20%', value: 20, unit: '%', change: 'decrease' }),
        },
        observations: obs([
          [2026, 4],
          [2027, 4],
        ]),
      },
      '%',
    );
    expect(a.method).toBe('cumulative-change');
    expect(s.zh).toContain('规划期以来累计下降');
    expect(s.zh).toContain('按时序应达');
    expect(s.en).toContain('a cumulative reduction of');
  });

  it('relative target: the reference named, and whether the year met it', () => {
    const { a, s } = sentence(
      {
        indicator: {
          name: '地区生产总值增长',
          unit: '%',
          baseline: null,
          target: buildTarget({ text: '高于全市平均', kind: 'relative', op: '>', reference: '全市平均' }),
        },
        observations: obs([
          [2026, 6],
          [2027, 5.5],
        ]),
        references: [
          {
            name: '全市平均',
            points: [
              { period: 2026, value: 5 },
              { period: 2027, value: 5.2 },
            ],
          },
        ],
      },
      '%',
    );
    expect(a.method).toBe('relative-reference');
    expect(s.zh).toContain('地区生产总值增长2027年为5.5%，参照值（全市平均）为5.2%，当年达到要求，符合预期');
  });

  it('external target: the value the higher level set', () => {
    const { a, s } = sentence(
      {
        indicator: {
          name: '细颗粒物年均浓度',
          unit: '微克/立方米',
          direction: 'lower',
          baseline: null,
          target: buildTarget({ text: '完成市定目标', kind: 'external', setBy: '市' }),
        },
        observations: obs([[2027, 29]]),
        references: [{ name: '市定目标', points: [{ period: 2027, value: 31 }] }],
      },
      '微克/立方米',
    );
    expect(a.method).toBe('external-set-value');
    expect(s.zh).toContain('细颗粒物年均浓度2027年为29微克/立方米，上级下达值为31微克/立方米，当年达到要求');
  });

  it("qualitative target: the status and the reviewer's note, no number", () => {
    const { s } = sentence(
      {
        indicator: {
          name: '营商环境',
          unit: null,
          baseline: null,
          target: buildTarget({ text: '达到国内先进水平', kind: 'qualitative', op: null }),
        },
        judgement: { status: '基本符合', reviewer: '规划科', period: 2027, note: '第三方评价居全省前列' },
      },
      null,
    );
    expect(s.zh).toBe(
      '营商环境为定性目标（“达到国内先进水平”），2027年评价为基本符合预期（审核人判断：第三方评价居全省前列）。',
    );
    expect(s.en).toContain("reviewer's judgement");
  });

  it('insufficient data: says what is missing and gives no status word of progress', () => {
    const { a, s } = sentence({ indicator: { name: '完整社区数', unit: '个' }, observations: [] }, '个');
    expect(a.status).toBe('数据不足');
    expect(s.zh).toBe('完整社区数尚无2027年及以前口径一致的监测数据，暂不作评价。');
    const noRef = sentence(
      {
        indicator: {
          name: '居民人均可支配收入增长',
          unit: '%',
          baseline: null,
          target: buildTarget({ text: '与经济增长同步', kind: 'relative', reference: '经济增长' }),
        },
        observations: obs([[2027, 5]]),
      },
      '%',
    );
    expect(noRef.a.status).toBe('数据不足');
    expect(noRef.s.zh).toMatch(/^居民人均可支配收入增长2027年为5%，.+，暂不作评价。$/);
  });

  it('adds 预警 for a binding target on course to be missed', () => {
    const { a, s } = sentence(
      {
        indicator: {
          name: '耕地保有量',
          unit: '万亩',
          attribute: '约束性',
          target: buildTarget({ value: 14.22 }),
          baseline: { year: 2025, value: 14.3, text: '14.3', estimated: false },
        },
        observations: obs([
          [2026, 14.2],
          [2027, 14.1],
        ]),
      },
      '万亩',
    );
    expect(a.warning).toBe(true);
    expect(s.zh).toContain('较基期下降0.2万亩');
    expect(s.zh).toContain('列入预警');
    expect(s.en).toContain('flagged for early warning');
  });
});
