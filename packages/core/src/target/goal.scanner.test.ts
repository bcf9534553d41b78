import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHalfWidth } from '../text/width.js';
import { mayHoldGoal, mergeGoals, scanGoals } from './goal.scanner.js';
import { scanFoldedQuantities } from './quantity.scanner.js';

/** Each goal as [kind, text, deadline, subject]. */
const goals = (text: string): Array<[string, string, number | null, string]> =>
  scanGoals(text, toHalfWidth(text)).map((g) => [g.goal, g.target.text, g.deadline, g.subject]);

describe('scanGoals — counted sets the plan builds', () => {
  it.each([
    ['着力打造4大先进制造业基地。', '4大', '先进制造业基地'],
    ['建成滨江、临港、空港三大物流枢纽。', '三大', '物流枢纽'],
    ['加快建设两张网络，推进设施互联。', '两张', '网络'],
    ['全力推进实施七项民生工程。', '七项', '民生工程'],
    ['组建九个产业创新联合体，完善协同机制。', '九个', '产业创新联合体'],
  ])('%s', (text, count, noun) => {
    expect(goals(text)).toEqual([['count', count, null, noun]]);
  });

  it('reads the count and the grade of scale-graded members, with no verb needed', () => {
    expect(goals('重点发展六大集群：2个万亿级产业集群（电子、装备）、4个千亿级产业集群（材料）。')).toEqual([
      ['count', '2个万亿级', null, '产业集群'],
      ['count', '4个千亿级', null, '产业集群'],
    ]);
    expect(goals('形成3个万亿级、5个千亿级的产业集群。')).toEqual([
      ['count', '3个万亿级', null, ''],
      ['count', '5个千亿级', null, '产业集群'],
    ]);
  });

  it.each([
    ['names of existing things after a verb that builds nothing', '持续提升三大服务品牌影响力。'],
    ['a building verb inside a listed name', '做强城市运营、建设施工、生态修复三大主业。'],
    ['a verb inside a framing phrase', '以培育新兴产业为重点推动五大产业生态圈提质。'],
    ['一 as an article', '打造一批示范项目，建立一个服务平台。'],
    ['a count inside brackets', '建设滨水绿道（串联三大公园）。'],
    ['an ordinal', '建设第三批试点园区。'],
  ])('skips %s', (_why, text) => {
    expect(goals(text)).toEqual([]);
  });
});

describe('scanGoals — headings and labels', () => {
  it.each(['3个千亿级产业集群', '2.稳妥推进和实现碳中和'])('skips %s', (text) => {
    expect(goals(text)).toEqual([]);
  });
});

describe('scanGoals — quoted numbered goals', () => {
  it.each([
    ['推动交通事故起数和受伤人数实现“双下降”。', '“双下降”', '推动交通事故起数和受伤人数'],
    ['建立企业、园区、项目“三本台账”，压实责任。', '“三本台账”', '三本台账'],
    ['力争重大安全事故实现“零发生”。', '“零发生”', '力争重大安全事故'],
  ])('%s', (text, goal, subject) => {
    expect(goals(text)).toEqual([['quoted', goal, null, subject]]);
  });

  it.each([
    ['a quoted name that is not the end of the clause', '打造“两区”融合发展格局。'],
    ['a numeral that measures time or distance', '构建“10分钟就医圈”。'],
    ['a plan label', '奋力实现“十五五”。'],
    ['no verb that reaches or sets up the goal', '坚持“两个结合”。'],
  ])('skips %s', (_why, text) => {
    expect(goals(text)).toEqual([]);
  });
});

describe('scanGoals — named milestones', () => {
  it.each([
    ['到2030年，全市实现碳中和目标。', '实现碳中和目标', 2030, '碳中和目标'],
    ['碳达峰目标顺利实现，生态质量持续改善。', '碳达峰目标顺利实现', null, '碳达峰目标'],
    ['新建院区投入使用，通过二甲评审。', '通过二甲评审', null, '二甲评审'],
    ['积极创建国家全域旅游示范区。', '创建国家全域旅游示范区', null, '国家全域旅游示范区'],
    ['力争创成省级现代农业产业园。', '创成省级现代农业产业园', null, '省级现代农业产业园'],
  ])('%s', (text, goal, deadline, subject) => {
    expect(goals(text)).toEqual([['milestone', goal, deadline, subject]]);
  });

  it.each([
    ['通过 as "by means of"', '通过第三方评估等方式加强监督。'],
    ['a milestone that describes something else', '加强对各县创建全国文明城市的指导。'],
    ['a title without a national or provincial level', '打造产城融合示范区。'],
  ])('skips %s', (_why, text) => {
    expect(goals(text)).toEqual([]);
  });
});

describe('mergeGoals', () => {
  const merged = (text: string) => {
    const folded = toHalfWidth(text);
    return mergeGoals(folded, scanFoldedQuantities(text, folded), scanGoals(text, folded)).map((m) => [
      m.target?.text ?? null,
      m.deadline,
    ]);
  };

  it('lets a graded count replace the bare count inside it', () => {
    expect(merged('打造1个千亿级产业集群（汽车）。')).toEqual([['1个千亿级', null]]);
  });

  it('drops a goal without a value whose clause already holds one', () => {
    expect(merged('力争20个新品种通过省级审定。')).toEqual([['力争20个', null]]);
  });

  it('lets a goal take over the deadline that dated nothing else', () => {
    expect(merged('确保2030年前实现碳达峰。')).toEqual([['实现碳达峰', 2030]]);
  });

  it('keeps the values the quantity scanner found', () => {
    expect(merged('新建基站300座。')).toEqual([['300座', null]]);
  });
});

describe('scanGoals — robustness', () => {
  const vocabulary = [
    ...'0123456789一二三四五六七八九十大张项个级千亿万“”（）()，。、 建设打造实现通过',
    '双下降',
  ];

  it('returns ordered, non-overlapping spans whose target text is the span', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...vocabulary), maxLength: 60 }), (t) => {
        let last = 0;
        for (const g of scanGoals(t, toHalfWidth(t))) {
          expect(g.start).toBeGreaterThanOrEqual(last);
          expect(g.end).toBeGreaterThan(g.start);
          expect(g.target.text).toBe(t.slice(g.start, g.end));
          last = g.end;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('rules out only text with nothing to find', () => {
    expect(mayHoldGoal('坚持开放合作共赢')).toBe(false);
    const text = fc.string({ unit: fc.constantFrom(...vocabulary, '碳', '新', '１'), maxLength: 30 });
    fc.assert(
      fc.property(text, (t) => {
        if (!mayHoldGoal(t)) expect(scanGoals(t, toHalfWidth(t))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('merges in linear time on 1 MB of dated values and goals', () => {
    const text = '新建基站300座，2030年前实现碳达峰，建好六大平台。'.repeat(40_000);
    const started = performance.now();
    const merged = mergeGoals(text, scanFoldedQuantities(text, text), scanGoals(text, text));
    expect(merged.length).toBe(120_000);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('stays fast on 1 MB of goal-like text', () => {
    const text = '建好甲、乙、丙六大平台，实现“双下降”，通过三甲复评。'.repeat(40_000);
    const started = performance.now();
    expect(scanGoals(text, text).length).toBe(120_000);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
