import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHalfWidth } from '../text/width.js';
import { mayHoldQuantity, scanFoldedQuantities, scanQuantities } from './quantity.scanner.js';
import type { QuantityMatch } from './quantity.scanner.js';

/** The matches as `[written text, deadline]`, plus the parsed targets for detailed checks. */
function scan(text: string): { spans: Array<[string, number | null]>; matches: QuantityMatch[] } {
  const matches = scanQuantities(text);
  return { spans: matches.map((m) => [text.slice(m.start, m.end), m.deadline]), matches };
}

describe('scanQuantities — promises in running text', () => {
  it('reads a dated level with its unit as written', () => {
    const { spans, matches } = scan('到2030年，全区常住人口规模达138万人左右。');
    expect(spans).toEqual([['达138万人左右', 2030]]);
    expect(matches[0]?.target).toMatchObject({ kind: 'absolute', op: '~', value: 138, unit: '万人' });
  });

  it('does not read 5G as a quantity', () => {
    const { spans, matches } = scan('部署5G网络，新建5G基站超300座。鼓励参与6G技术研发。');
    expect(spans).toEqual([['超300座', null]]);
    expect(matches[0]?.target).toMatchObject({ op: '>', value: 300, unit: '座' });
  });

  it('returns deadlines without a value on their own', () => {
    const { spans, matches } = scan('2026年全面启动全域延包，2027年底前完成全部任务。');
    expect(spans).toEqual([
      ['2026年', 2026],
      ['2027年底前', 2027],
    ]);
    expect(matches.every((m) => m.target === null)).toBe(true);
  });

  it.each([
    ['研发经费投入年均增长7%以上', '年均增长7%以上', { kind: 'rate', op: '>=', value: 7, unit: '%' }],
    ['城镇调查失业率低于5.5%', '低于5.5%', { kind: 'absolute', op: '<', value: 5.5, unit: '%' }],
    ['单位国内生产总值二氧化碳排放降低17%', '降低17%', { change: 'decrease', value: 17, unit: '%' }],
    ['劳动年龄人口平均受教育年限提高到11.7年', '提高到11.7年', { op: '=', value: 11.7, unit: '年' }],
    ['细颗粒物浓度降至27微克/立方米以下', '降至27微克/立方米以下', { op: '<=', value: 27 }],
    ['粮食综合生产能力达到1.45万亿斤左右', '达到1.45万亿斤左右', { value: 1.45, unit: '万亿斤', op: '~' }],
    ['常住人口规模突破43万，', '突破43万', { op: '>', value: 43, unit: '万' }],
    ['全国高新区排位提升至前35位', '提升至前35位', { op: '<=', value: 35, unit: '位' }],
    ['算力规模达 70EFLOPS。', '达 70EFLOPS', { value: 70, unit: 'EFLOPS' }],
    ['形成 1～2 个领跑全国的未来产业集群', '1～2 个', { kind: 'range', value: 1, valueMax: 2 }],
    ['重点培育10名左右领军型校长人才', '10名左右', { op: '~', value: 10, unit: '名' }],
    ['以培育十名领军、百名精英为目标', '十名', { value: 10, unit: '名' }],
    ['病历合格率≥95%、辅助诊断效率明显提升', '≥95%', { op: '>=', value: 95 }],
  ] as const)('%s', (text, written, expected) => {
    const { spans, matches } = scan(text);
    expect(spans[0]?.[0]).toBe(written);
    expect(matches[0]?.target).toMatchObject({ ...expected, text: written });
  });

  it('reads 累计 earlier in the clause as cumulative, with PDF spacing', () => {
    const { spans, matches } = scan('到 2030 年，累计培育省级以上智能工厂 1000 家以上。');
    expect(spans).toEqual([['1000 家以上', 2030]]);
    expect(matches[0]?.target).toMatchObject({ kind: 'cumulative', op: '>=', value: 1000, unit: '家' });
  });

  it('carries the deadline across ； but not across 。', () => {
    const { spans } = scan(
      '到2030年，全区地区生产总值增幅高于全市平均；一般公共预算收入达218亿元。新增高技能人才5000人。',
    );
    expect(spans).toEqual([
      ['高于全市平均', 2030],
      ['达218亿元', 2030],
      ['5000人', null],
    ]);
  });

  it('reads relative promises', () => {
    const { spans, matches } = scan('居民收入增长和经济增长同步、劳动报酬提高和劳动生产率提高同步。');
    expect(spans.map(([s]) => s)).toEqual(['和经济增长同步', '和劳动生产率提高同步']);
    expect(matches[0]?.target).toMatchObject({ kind: 'relative', reference: '经济增长' });
  });

  it('still returns past results; the extractor decides', () => {
    const { spans } = scan('城乡居民人均可支配收入预计超6.9万元，较2020年增长30.9%。');
    expect(spans).toEqual([
      ['超6.9万元', null],
      ['增长30.9%', null],
    ]);
  });

  it('dates quantities by a period but does not return a bare period', () => {
    expect(scan('“十五五”期间，城镇新增就业11万人以上。').spans).toEqual([['11万人以上', 2030]]);
    expect(scan('“十五五”期间，滆湖近岸带水质持续向好。').spans).toEqual([]);
    expect(scan('“十四五”期间，我区户籍人口年均减少4000人').spans).toEqual([['年均减少4000人', 2025]]);
    expect(scan('编制重点区域片区规划，“十五五”末实现全覆盖。').spans).toEqual([['“十五五”末', 2030]]);
  });
});

describe('scanQuantities — things that are not quantities', () => {
  it.each([
    '紧扣“1234567”战略，构建“35X”现代化产业体系',
    '建设“3+5+X”产业体系',
    '“95X”产业体系加快构建',
    '紧盯6G技术发展，推进5G-A和10G PON升级',
    'PM2.5浓度及空气优良率实现“双改善”',
    '移动网络IPv6单栈部署',
    '“十五五”时期，形成空间格局',
    '全面实施集团化办学4.0行动',
    '实现0-6岁儿童残疾早期筛查干预全覆盖',
    '打造“15分钟生活圈”，构建1小时供应圈',
    '持续深化三项制度改革，推动两家区级公立医院迈进',
    '建成312国道常州横林至湖塘东段',
    '第3批试点，第二章',
    '新增百亿元跨境电商园区',
    '（两湖：太湖、滆湖；百河：二百余条镇级河道；新沟河（武进港））',
    '党的二十大和二十届历次全会精神',
    '18-59岁户籍人口',
    '孕产妇死亡率控制在千分之一',
    '苏州市人民政府二〇二六年四月',
    '第十五个五年（2026－2030年）规划纲要',
  ])('%s', (text) => {
    expect(scan(text).spans).toEqual([]);
  });

  it('does not take baselines or starting years as deadlines', () => {
    expect(scan('较2020年增长30.9%').spans).toEqual([['增长30.9%', null]]);
    expect(scan('2020年以来，累计建成示范村3个').spans).toEqual([['3个', null]]);
    expect(scan('2026年为改革突破年；2027—2028年为攻坚奋进年').spans).toEqual([]);
  });
});

describe('scanQuantities — robustness', () => {
  const vocabulary = [
    ...'0123456789.%年月到至较前以上左右超达万亿个家人“”（）()，。；、 \n5GX+十五两百',
    '2030年',
    '“十五五”期间',
    '到2030年',
    '年底前',
    '高于全市平均',
    '与经济增长同步',
    '累计',
    '年均增长',
  ];
  const check = (text: string): boolean => {
    const matches = scanQuantities(text);
    let last = 0;
    for (const m of matches) {
      if (!(m.start >= last && m.start < m.end && m.end <= text.length)) return false;
      if (m.target !== null && m.target.text !== text.slice(m.start, m.end)) return false;
      last = m.end;
    }
    return true;
  };

  it('returns in-bounds, ordered, non-overlapping spans whose target text is the span (arbitrary text)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), check), { numRuns: 300 });
  });

  it('returns in-bounds, ordered, non-overlapping spans on plan-like text', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...vocabulary), maxLength: 60 }), check), {
      numRuns: 1500,
    });
  });

  it('gives the same matches when the caller folds the text first', () => {
    const text = fc.string({ unit: fc.constantFrom(...vocabulary, '１２', '％', '（', '）'), maxLength: 60 });
    fc.assert(
      fc.property(text, (t) => {
        expect(scanFoldedQuantities(t, toHalfWidth(t))).toEqual(scanQuantities(t));
      }),
      { numRuns: 500 },
    );
  });

  it('rules out only text with nothing to find, folded or not', () => {
    expect(mayHoldQuantity('坚持创新驱动发展')).toBe(false);
    expect(mayHoldQuantity('新建基站３００座')).toBe(true);
    expect(mayHoldQuantity('与经济增长同步')).toBe(true);
    const text = fc.string({ unit: fc.constantFrom(...vocabulary, '１', '创', '新'), maxLength: 30 });
    fc.assert(
      fc.property(text, (t) => {
        if (!mayHoldQuantity(t)) expect(scanQuantities(t)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('scans 1 MB of plan text quickly', () => {
    const sentence = '到2030年，全区常住人口规模达138万人左右，新建5G基站超300座；“十五五”期间新增5家以上。';
    const text = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
    const started = performance.now();
    const matches = scanQuantities(text);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(matches.length).toBeGreaterThan(40_000);
  });

  it.each([
    ['digits', '9'.repeat(1_000_000)],
    ['open quotes', '“'.repeat(1_000_000)],
    ['open brackets', '（'.repeat(1_000_000)],
    ['a year and spaces', `2020${' '.repeat(1_000_000)}x`],
    ['years', '2030年'.repeat(200_000)],
    ['relative words', '与和同'.repeat(300_000)],
  ])('stays linear on 1 MB of %s', (_name, text) => {
    const started = performance.now();
    scanQuantities(text);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
