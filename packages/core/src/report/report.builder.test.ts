import { describe, expect, it } from 'vitest';
import { buildTarget } from '../assessment/fixtures/assessment-input.factory.js';
import type { Indicator, Plan } from '../model/plan-model.schema.js';
import { buildReportDocument } from './report.builder.js';
import { chineseOrdinal, dateLine, headingLabel, reportTitle, shortRegion } from './report-title.js';
import type { ReportInput, TracedObservation } from './report.types.js';

// A small hand-made plan with SYNTHETIC figures (illustrative, not published data).

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

function indicator(
  seq: string,
  name: string,
  unit: string,
  target: Indicator['target'],
  binding = false,
): Indicator {
  return {
    seq,
    group: binding ? '约束类指标' : '发展指标',
    name,
    unit,
    parent: null,
    attribute: binding ? '约束性' : '预期性',
    attributeInferred: false,
    baseline: null,
    target,
    extra: {},
    direction: 'higher',
    source: { start: 0, end: 0, lineStart: 1, lineEnd: 1 },
  };
}

const obs = (seq: string, pairs: [number, number][]): TracedObservation[] =>
  pairs.map(([period, value]) => ({
    period,
    value,
    scope: null,
    estimated: false,
    trace: { revisionId: `r-${seq}-${period}`, source: '合成', scope: null, approval: '审核人甲' },
  }));

function input(kind: ReportInput['kind']): ReportInput {
  return {
    kind,
    year: 2026,
    asOf: '2026-12-31',
    plan,
    indicators: [
      indicator('1', '一般公共预算收入', '亿元', buildTarget({ text: '218', value: 218 })),
      indicator('2', '耕地保有量', '万亩', buildTarget({ text: '14.22', value: 14.22 }), true),
      indicator('3', '完整社区数', '个', buildTarget({ text: '10', value: 10 })),
    ],
    data: [
      {
        seq: '1',
        observations: obs('1', [
          [2025, 225],
          [2026, 230],
        ]),
        lead: '区财政局',
      },
      {
        seq: '2',
        observations: obs('2', [
          [2025, 14.3],
          [2026, 14.0],
        ]),
        lead: '区自然资源局',
      },
    ],
    tasks: [
      {
        id: 't1',
        title: '建设完整社区',
        lead: '区住建局',
        coLeads: ['各镇街'],
        progress: '已开工3个',
        status: '按计划推进',
      },
    ],
  };
}

describe('report titles and labels', () => {
  it('takes the region and plan title from the model', () => {
    expect(shortRegion('常州市武进区')).toBe('武进区');
    expect(shortRegion('江苏省某市某某区')).toBe('某某区');
    expect(reportTitle('annual', plan, 2026)).toBe(
      '某某区2026年国民经济和社会发展第十五个五年规划纲要实施情况监测报告',
    );
    expect(reportTitle('midterm', plan, 2027)).toBe(
      '某某区国民经济和社会发展第十五个五年规划纲要实施中期评估报告',
    );
    expect(dateLine('2028-06-30')).toBe('2028年6月30日');
  });

  it('numbers headings 一、 / （一） / 1.', () => {
    expect([1, 10, 11, 20, 23].map(chineseOrdinal)).toEqual(['一', '十', '十一', '二十', '二十三']);
    expect(headingLabel(1, 2)).toBe('二、');
    expect(headingLabel(2, 3)).toBe('（三）');
    expect(headingLabel(3, 4)).toBe('4.');
  });
});

describe('buildReportDocument', () => {
  const doc = buildReportDocument(input('annual'));

  it('builds the annual outline with office placeholders', () => {
    expect(doc.sections.map((s) => s.label + s.title)).toEqual([
      '一、总体情况',
      '二、主要指标监测情况',
      '三、重点任务推进情况',
      '四、存在问题和预警',
      '五、下一年度实施重点',
    ]);
    expect(doc.sections[1]?.sections.map((s) => s.label + s.title)).toEqual([
      '（一）总体进展',
      '（二）约束性指标',
      '（三）各项指标进展',
    ]);
    const office = doc.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'office-text');
    expect(office.map((b) => b.key)).toEqual(['overview', 'problems', 'next-year']);
    expect(office.every((b) => b.text === undefined)).toBe(true);
  });

  it('fills 表1 from the input, traces every figure and counts by status', () => {
    const t1 = doc.sections[1]?.sections[0]?.blocks.find((b) => b.kind === 'table');
    expect(
      t1?.kind === 'table' && t1.rows.map((r) => [r[0]?.text, r[5]?.text, r[7]?.text, r[10]?.text]),
    ).toEqual([
      ['1', '225', '230', '区财政局'],
      ['2', '14.3', '14', '区自然资源局'],
      ['3', '—', '—', '—'],
    ]);
    const cell = t1?.kind === 'table' ? t1.rows[0]?.[7] : undefined;
    const entry = doc.sources.find((s) => s.id === cell?.ref);
    expect(entry).toMatchObject({
      revisionId: 'r-1-2026',
      source: '合成',
      approval: '审核人甲',
      period: 2026,
      value: '230',
    });
    expect(doc.appendix.table.rows).toHaveLength(doc.sources.length);
    expect(doc.statusCounts.reduce((s, c) => s + c.count, 0)).toBe(3);
    expect(doc.statusCounts.find((c) => c.status === '数据不足')?.count).toBe(1);
  });

  it('lists the binding indicator on course to miss as 预警, with a chart against its path', () => {
    expect(doc.warnings.map((w) => w.seq)).toEqual(['2']);
    const t2 = doc.sections[1]?.sections[1]?.blocks[0];
    expect(t2?.kind === 'table' && t2.rows[0]?.map((c) => c.text)).toEqual([
      '2',
      '耕地保有量',
      '万亩',
      '14.22',
      '14',
      '未达标',
      '是',
    ]);
    const chart = doc.charts.find((c) => c.id === 'chart-path-2');
    expect(chart?.kind === 'indicator-path' && chart.years).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
  });

  it('says a target met at the baseline is met, with the change from the baseline and the trend', () => {
    const rev = doc.sentences.find((s) => s.seq === '1')?.sentence.zh;
    expect(rev).toBe(
      '一般公共预算收入2026年为230亿元，较基期提高5亿元，已实现目标；按现有趋势2030年可达251.14亿元。',
    );
  });

  it('fills office sections from a draft and builds the other kinds', () => {
    const drafted = buildReportDocument({ ...input('final'), officeTexts: { measures: '加快推进。' } });
    const measures = drafted.sections.at(-1)?.blocks[0];
    expect(measures).toMatchObject({ kind: 'office-text', key: 'measures', text: '加快推进。' });
    expect(drafted.sections.map((s) => s.title)).not.toContain('发展环境变化和调整建议');
    const briefing = buildReportDocument(input('briefing'));
    expect(briefing.sections.map((s) => s.title)).toEqual(['主要指标进展', '预警事项']);
    expect(briefing.title).toBe('某某区2026年国民经济和社会发展第十五个五年规划纲要实施情况简报');
  });

  it('says so when a figure corrects an earlier approved one, in its 数据来源 entry and a note', () => {
    const base = input('annual');
    const corrected = buildReportDocument({
      ...base,
      data: base.data.map((d) =>
        d.seq !== '1'
          ? d
          : {
              ...d,
              observations: d.observations.map((o) =>
                o.period !== 2026
                  ? o
                  : {
                      ...o,
                      value: 231,
                      trace: {
                        ...o.trace,
                        revisionId: 'r-1-2026-b',
                        corrects: {
                          value: 230,
                          revisionId: 'r-1-2026',
                          approval: '审核人甲 2027-03-02',
                          reason: '统计局年报更正',
                        },
                      },
                    },
              ),
            },
      ),
    });
    const entry = corrected.sources.find((s) => s.revisionId === 'r-1-2026-b');
    expect(entry?.value).toBe('231');
    expect(entry?.correction).toBe('已更正，原值230（审核人甲 2027-03-02审核）；更正原因：统计局年报更正');
    const row = corrected.appendix.table.rows.find((r) => r[0]?.text === entry?.id);
    expect(row?.[3]?.text).toBe('231（已更正）');
    expect(corrected.appendix.table.notes).toEqual([`${entry?.id ?? ''}：${entry?.correction ?? ''}。`]);
    // An uncorrected report carries no correction.
    expect(doc.sources.every((s) => s.correction === undefined)).toBe(true);
    expect(doc.appendix.table.notes).toEqual([]);
  });
});
