import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TargetSchema } from '../model/plan-model.schema.js';
import { parseTarget } from './target.grammar.js';
import { readPeriodPrefix } from './period-prefix.reader.js';

describe('readPeriodPrefix', () => {
  it.each([
    ['“十四五”年均增长3', '“十四五”', 2025],
    ['“十五五”期间累计2', '“十五五”期间', 2030],
    ['十三五时期累计1', '十三五时期', 2020],
    ['「十五五」年均1', '「十五五」', 2030],
    ['2021-2024年累计降低1', '2021-2024年', 2024],
    ['2021年至2024年年均增长1', '2021年至2024年', 2024],
    ['2026—30年累计1', '2026—30年', 2030],
    ['2021年以来累计1', '2021年以来', null],
  ] as const)('%j opens with %j, ending in %j', (text, prefix, endYear) => {
    expect(readPeriodPrefix(text)).toEqual({ length: prefix.length, endYear });
  });

  it('does not take a numeral or a single year for a period', () => {
    for (const text of ['三五', '十五', '二十五', '2030年', '2024-2021年', '十四五规划']) {
      expect(readPeriodPrefix(text)).toBeNull();
    }
  });
});

describe('parseTarget — a period before a rate or cumulative value', () => {
  it.each([
    ['“十二五”年均增长7.5', { kind: 'rate', op: '=', value: 7.5, change: 'increase', year: 2015 }],
    ['“十六五”年均增长3左右', { kind: 'rate', op: '~', value: 3, year: 2035 }],
    ['2016-2019年累计下降6.4', { kind: 'cumulative', value: 6.4, change: 'decrease', year: 2019 }],
    ['“十三五”期间累计新增12万人', { kind: 'cumulative', value: 12, unit: '万人', year: 2020 }],
    ['2021年以来年均提高0.8个百分点', { kind: 'rate', value: 0.8, unit: '个百分点', year: null }],
  ] as const)('%j', (text, expected) => {
    const target = parseTarget(text);
    expect(target).toMatchObject({ ...expected, text, parsed: true });
    expect(TargetSchema.parse(target)).toEqual(target);
  });

  it('reads the same value with or without a period before it (property)', () => {
    const periods = ['“十四五”', '“十五五”期间', '十五五时期', '2021-2024年', '2026年至2030年', '2016—20年'];
    const bodies = ['年均增长', '累计下降', '年均', '累计提高', '累计新增'];
    const ends = ['', '左右', '以上', '%', '%左右', '个百分点'];
    fc.assert(
      fc.property(
        fc.constantFrom(...periods),
        fc.constantFrom(...bodies),
        fc.double({ min: 0, max: 9999, noNaN: true }).map((v) => Math.round(v * 10) / 10),
        fc.constantFrom(...ends),
        (period, body, value, end) => {
          const plain = parseTarget(`${body}${value}${end}`);
          const dated = parseTarget(`${period}${body}${value}${end}`);
          return (
            dated.parsed &&
            dated.kind === plain.kind &&
            dated.op === plain.op &&
            dated.value === value &&
            dated.change === plain.change &&
            dated.unit === plain.unit &&
            dated.year !== null
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('parseTarget — whatever a square bracket holds when it is the whole cell', () => {
  it.each([
    ['【120左右】', { kind: 'cumulative', op: '~', value: 120 }],
    ['[约36]', { kind: 'cumulative', op: '~', value: 36 }],
    ['〔45以上〕', { kind: 'cumulative', op: '>=', value: 45 }],
    ['［超8］', { kind: 'cumulative', op: '>', value: 8 }],
    ['[ 约 2.5 万人 ]', { kind: 'cumulative', op: '~', value: 2.5, unit: '万人' }],
    ['【12—15】', { kind: 'range', value: 12, valueMax: 15 }],
    ['［完成省下达目标］', { kind: 'external', setBy: '省' }],
  ] as const)('%j', (text, expected) => {
    expect(parseTarget(text)).toMatchObject({ ...expected, text, parsed: true, qualifier: null });
  });

  it('keeps a bracket beside a value as a note, and round brackets as notes', () => {
    expect(parseTarget('5左右[约26]')).toMatchObject({ kind: 'absolute', value: 5, qualifier: '约26' });
    expect(parseTarget('（约350）')).toMatchObject({ parsed: false });
  });

  it('reads an approximation word anywhere inside the bracket (property)', () => {
    const opens = ['[', '【', '〔', '［'];
    const closes: Record<string, string> = { '[': ']', '【': '】', '〔': '〕', '［': '］' };
    fc.assert(
      fc.property(
        fc.constantFrom(...opens),
        fc.integer({ min: 0, max: 99999 }),
        fc.constantFrom('约{}', '{}左右', '大约{}', '{} 左右', '约 {}', '{}上下'),
        (open, value, form) => {
          const target = parseTarget(`${open}${form.replace('{}', String(value))}${closes[open]}`);
          return target.parsed && target.kind === 'cumulative' && target.op === '~' && target.value === value;
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('parseTarget — targets set by another level, however they are worded', () => {
  it.each([
    ['完成经国家审核衔接后确定的目标', '国家'],
    ['完成省下达目标任务', '省'],
    ['完成市下达任务', '市'],
    ['达到国家考核要求', '国家'],
    ['落实上级下达的约束性指标', '上级'],
    ['确保完成省里分解下达的目标', '省'],
    ['完成经省统筹平衡后下达的任务', '省'],
    ['执行国家统一下达的目标', '国家'],
  ] as const)('%j is set by %j', (text, setBy) => {
    expect(parseTarget(text)).toMatchObject({ kind: 'external', setBy, parsed: true, value: null });
  });

  it('does not read words that merely start with an issuer as external', () => {
    expect(parseTarget('市场监管要求').kind).not.toBe('external');
    expect(parseTarget('省级以上开发区20个').kind).not.toBe('external');
    expect(parseTarget('不低于全市下降目标').kind).toBe('relative');
  });

  it('recognises every verb × issuer × procedure × setting word × object (property)', () => {
    const issuers: Record<string, string> = { 国家: '国家', 省: '省', 市: '市', 上级: '上级', 全省: '省' };
    fc.assert(
      fc.property(
        fc.constantFrom('', '完成', '达到', '落实', '确保完成'),
        fc.constantFrom(...Object.keys(issuers)),
        fc.constantFrom('', '审核衔接后', '统一'),
        fc.constantFrom('下达', '确定', '考核', '定'),
        fc.constantFrom('', '的目标', '目标任务', '任务', '要求', '的指标'),
        (verb, issuer, procedure, setting, object) => {
          const target = parseTarget(
            `${verb}${procedure === '审核衔接后' ? '经' : ''}${issuer}${procedure}${setting}${object}`,
          );
          return target.kind === 'external' && target.setBy === issuers[issuer];
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('parseTarget — note marks after a value', () => {
  it.each([
    ['85²', { value: 85, unit: null, qualifier: '²' }],
    ['5左右①', { value: 5, op: '~', qualifier: '①' }],
    ['[12]③', { kind: 'cumulative', value: 12, qualifier: '③' }],
    ['完成省下达目标¹', { kind: 'external', setBy: '省', qualifier: '¹' }],
  ] as const)('%j', (text, expected) => {
    expect(parseTarget(text)).toMatchObject({ ...expected, text, parsed: true });
  });

  it('keeps a superscript that belongs to a unit', () => {
    expect(parseTarget('20万m²').qualifier).not.toBe('²');
  });

  it('stays fast on long runs of period, bracket and issuer words', () => {
    const inputs = ['“十五五”', '2021-', '完成国家', '【约', '审核衔接后', '¹'].map((s) =>
      s.repeat(Math.floor(400 / s.length)),
    );
    const started = performance.now();
    for (const text of inputs) expect(parseTarget(text).text).toBe(text);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
