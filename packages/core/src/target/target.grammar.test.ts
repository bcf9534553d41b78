import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TargetSchema } from '../model/plan-model.schema.js';
import { toHalfWidth } from '../text/width.js';
import { MAX_TARGET_TEXT_LENGTH, parseFoldedTarget, parseTarget } from './target.grammar.js';

describe('parseTarget — cells of the sample plan (武进区)', () => {
  it.each([
    ['218', { kind: 'absolute', op: '=', value: 218 }],
    ['4以上', { kind: 'absolute', op: '>=', value: 4 }],
    ['11以上\n（累计）', { kind: 'cumulative', op: '>=', value: 11 }],
    ['10\n（累计）', { kind: 'cumulative', op: '=', value: 10 }],
    ['26.5左右\n（含常州经开区）', { kind: 'absolute', op: '~', value: 26.5, scope: '含常州经开区' }],
    ['高于全市平均', { kind: 'relative', op: '>', reference: '全市平均', value: null }],
    ['与经济增长同步', { kind: 'relative', op: '=', reference: '经济增长' }],
    ['不低于全市下降目标', { kind: 'relative', op: '>=', reference: '全市下降目标' }],
    ['完成市定目标', { kind: 'external', setBy: '市', value: null, op: null }],
  ] as const)('%j', (text, expected) => {
    const target = parseTarget(text);
    expect(target).toMatchObject({ ...expected, text, parsed: true });
    expect(TargetSchema.parse(target)).toEqual(target);
  });

  it('reads 年均 in the indicator name as a rate, and takes the unit from the name', () => {
    const target = parseTarget('12', { indicatorName: '规上生产性服务业营业收入年均增速（%）' });
    expect(target).toMatchObject({ kind: 'rate', op: '=', value: 12, unit: '%', parsed: true });
  });

  it('does not read an annual average level as a rate', () => {
    expect(
      parseTarget('28 左右', { indicatorName: '细颗粒物（PM2.5）年均浓度（微克/立方米）' }),
    ).toMatchObject({
      kind: 'absolute',
      op: '~',
      value: 28,
      unit: '微克/立方米',
    });
    expect(parseTarget('5以上', { context: '年均/累计' }).kind).toBe('rate');
  });

  it('prefers the unit given by the caller, even null, over the name', () => {
    expect(parseTarget('45', { unit: '%' }).unit).toBe('%');
    expect(parseTarget('45', { unit: null, indicatorName: '比重（%）' }).unit).toBeNull();
    expect(parseTarget('45', { indicatorName: '公众安全感（%）' }).unit).toBe('%');
  });

  it('reads 累计 in the unit or name as cumulative, text markers first', () => {
    expect(parseTarget('125', { unit: '累计，万人' }).kind).toBe('cumulative');
    expect(parseTarget('5', { indicatorName: '累计新增就业（万人）' }).kind).toBe('cumulative');
    expect(parseTarget('5（累计）', { indicatorName: '年均增长（%）' }).kind).toBe('cumulative');
  });
});

describe('parseTarget — other tables and texts', () => {
  it.each([
    ['5 左右', { kind: 'absolute', op: '~', value: 5 }],
    ['提高 1 个百分点以上', { kind: 'absolute', op: '>=', value: 1, unit: '个百分点', change: 'increase' }],
    ['＞40', { op: '>', value: 40 }],
    ['＞19', { op: '>', value: 19 }],
    ['≥7.64', { op: '>=', value: 7.64 }],
    ['＜6', { op: '<', value: 6 }],
    ['≤10', { op: '<=', value: 10 }],
    ['>5', { op: '>', value: 5 }],
    ['超6000亿元', { op: '>', value: 6000, unit: '亿元' }],
    ['超过50%', { op: '>', value: 50, unit: '%' }],
    ['突破3万美元', { op: '>', value: 3, unit: '万美元' }],
    ['大于30', { op: '>', value: 30 }],
    ['高于5%', { kind: 'absolute', op: '>', value: 5 }],
    ['不低于90%', { op: '>=', value: 90 }],
    ['低于5.5%', { op: '<', value: 5.5, unit: '%' }],
    ['小于3', { op: '<', value: 3 }],
    ['不超过30', { op: '<=', value: 30 }],
    ['28以下', { op: '<=', value: 28 }],
    ['约60', { op: '~', value: 60 }],
    ['大约60', { op: '~', value: 60 }],
    ['138万人', { value: 138, unit: '万人', op: '=' }],
    ['138万人左右', { value: 138, unit: '万人', op: '~' }],
    ['1.45万亿斤左右', { value: 1.45, unit: '万亿斤', op: '~' }],
    ['降至27微克/立方米以下', { value: 27, unit: '微克/立方米', op: '<=', change: null }],
    ['提高到11.7年', { value: 11.7, unit: '年', op: '=', change: null }],
    ['下降20%', { kind: 'absolute', value: 20, unit: '%', change: 'decrease', op: '=' }],
    ['降低17%', { kind: 'absolute', value: 17, change: 'decrease' }],
    ['比2025年下降13.5%', { value: 13.5, change: 'decrease', year: null }],
    ['一百二十', { value: 120, op: '=' }],
    ['两', { value: 2 }],
    ['〇', { value: 0 }],
    ['十名左右', { value: 10, unit: '名', op: '~' }],
    ['1,200', { value: 1200 }],
    ['前35位', { value: 35, unit: '位', op: '<=' }],
  ] as const)('%j', (text, expected) => {
    expect(parseTarget(text)).toMatchObject({ ...expected, text, parsed: true });
  });

  it('reads ranges with any dash, wave or 至, and keeps the trailing qualifier', () => {
    for (const text of ['4.5-5', '4.5～5', '4.5—5', '4.5~5', '4.5至5', '4.5%-5%']) {
      expect(parseTarget(text)).toMatchObject({
        kind: 'range',
        op: null,
        value: 4.5,
        valueMax: 5,
        parsed: true,
      });
    }
    expect(parseTarget('4.5-5,努力争取更好结果')).toMatchObject({
      kind: 'range',
      value: 4.5,
      valueMax: 5,
      qualifier: '努力争取更好结果',
    });
    expect(parseTarget('5以上，力争6')).toMatchObject({ op: '>=', value: 5, qualifier: '力争6' });
  });

  it('reads rate targets', () => {
    expect(parseTarget('年均增长7%以上')).toMatchObject({
      kind: 'rate',
      op: '>=',
      value: 7,
      unit: '%',
      change: 'increase',
    });
    expect(parseTarget('年均增速12%')).toMatchObject({ kind: 'rate', op: '=', value: 12, change: null });
    expect(parseTarget('年均下降2%')).toMatchObject({ kind: 'rate', value: 2, change: 'decrease' });
  });

  it('reads cumulative markers in every bracket style and as a prefix', () => {
    for (const text of ['[125]', '〔20〕', '【20】', '［125］']) {
      expect(parseTarget(text)).toMatchObject({ kind: 'cumulative', op: '=', parsed: true });
    }
    expect(parseTarget('[125]').value).toBe(125);
    expect(parseTarget('累计新增11万人')).toMatchObject({ kind: 'cumulative', value: 11, unit: '万人' });
  });

  it('reads estimates, year tags and scope notes', () => {
    expect(parseTarget('5.2左右∗')).toMatchObject({ estimated: true, value: 5.2, op: '~' });
    expect(parseTarget('4左右*')).toMatchObject({ estimated: true, value: 4 });
    expect(parseTarget('29.6（预计）')).toMatchObject({ estimated: true, value: 29.6 });
    expect(parseTarget('预计85')).toMatchObject({ estimated: true, value: 85 });
    expect(parseTarget('21.5\n（2024年）')).toMatchObject({ value: 21.5, year: 2024, estimated: false });
    expect(parseTarget('30（不含开发区）')).toMatchObject({ value: 30, scope: '不含开发区' });
    expect(parseTarget('30（全口径）')).toMatchObject({ value: 30, scope: '全口径' });
  });

  it('reads relative targets with their reference', () => {
    expect(parseTarget('高于地区生产总值年均增长')).toMatchObject({
      kind: 'relative',
      op: '>',
      reference: '地区生产总值年均增长',
    });
    expect(parseTarget('与地区生产总值增长同步')).toMatchObject({
      kind: 'relative',
      reference: '地区生产总值增长',
    });
    expect(parseTarget('与经济增长基本同步')).toMatchObject({
      kind: 'relative',
      op: '~',
      reference: '经济增长',
    });
    expect(parseTarget('高于全市平均水平')).toMatchObject({ reference: '全市平均' });
    expect(parseTarget('高于全市平均2个百分点')).toMatchObject({
      kind: 'relative',
      reference: '全市平均',
      value: 2,
      unit: '个百分点',
    });
  });

  it('reads external targets with who sets them', () => {
    expect(parseTarget('完成省定目标')).toMatchObject({ kind: 'external', setBy: '省', parsed: true });
    expect(parseTarget('完成省下达目标')).toMatchObject({ kind: 'external', setBy: '省' });
    expect(parseTarget('达到国家要求')).toMatchObject({ kind: 'external', setBy: '国家' });
    expect(parseTarget('完成上级下达任务')).toMatchObject({ kind: 'external', setBy: '上级' });
  });

  it('recognises qualitative trend words', () => {
    for (const text of ['稳中有升', '基本稳定', '稳步提高', '持续向好', '逐步提高', '全覆盖']) {
      expect(parseTarget(text)).toMatchObject({ kind: 'qualitative', parsed: true, value: null });
    }
  });

  it('treats a dash as a deliberate "no target" and empty or unreadable text as unparsed', () => {
    for (const text of ['—', '-', '/', '——', '…']) {
      expect(parseTarget(text)).toMatchObject({
        kind: 'qualitative',
        parsed: true,
        value: null,
        qualifier: text,
      });
    }
    expect(parseTarget('')).toMatchObject({ kind: 'qualitative', parsed: false, qualifier: null });
    expect(parseTarget('  \n ')).toMatchObject({ kind: 'qualitative', parsed: false, text: '  \n ' });
    expect(parseTarget('有关部门另行制定')).toMatchObject({ kind: 'qualitative', parsed: false });
  });
});

describe('parseTarget — robustness', () => {
  const targetChars = [
    ...'0123456789.-～—~%万亿以上下左右约超过≥≤＞＜<>（）()[]〔〕【】累计年均增长提高下降个百分点，,; \n一二两十百千〇*∗',
  ];

  it('never throws, keeps the exact text and returns a valid Target (arbitrary strings)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        const target = parseTarget(text);
        return target.text === text && TargetSchema.safeParse(target).success;
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on strings made of target vocabulary', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...targetChars), maxLength: 40 }), (text) => {
        const target = parseTarget(text);
        return target.text === text && TargetSchema.safeParse(target).success;
      }),
      { numRuns: 1000 },
    );
  });

  it('returns quickly on a 1 MB input, without reading it', () => {
    const text = `${'5'.repeat(500_000)}${'（'.repeat(250_000)}${'以上'.repeat(125_000)}`;
    const started = performance.now();
    const target = parseTarget(text);
    expect(performance.now() - started).toBeLessThan(200);
    expect(target).toMatchObject({ parsed: false, kind: 'qualitative' });
    expect(target.text).toBe(text);
  });

  it('stays fast on adversarial inputs up to the length limit', () => {
    const n = MAX_TARGET_TEXT_LENGTH;
    const inputs = ['(', '[', '与', '高于', '1-', '比', '年均', ' ', '累计', '同步'].map((s) =>
      s.repeat(Math.floor(n / s.length)),
    );
    const started = performance.now();
    for (const text of inputs) expect(parseTarget(text).text).toBe(text);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('parseFoldedTarget', () => {
  it.each([
    ['１２．５％', {}],
    ['提高 1 个百分点以上', { context: '年均' }],
    ['11以上\n（累计）', {}],
    ['高于全市平均2个百分点', {}],
    ['5 左右', { unit: '%', indicatorName: '地区生产总值年均增长' }],
  ] as const)('reads %j exactly as parseTarget does', (text, options) => {
    expect(parseFoldedTarget(text, toHalfWidth(text), options)).toEqual(parseTarget(text, options));
  });
});
