import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessIndicator } from './assessment.engine.js';
import type { AssessmentInput, Direction, Observation } from './assessment.types.js';
import { buildInput, buildTarget } from './fixtures/assessment-input.factory.js';
import { statusRank } from './status-scale.js';

const YEARS = [2026, 2027, 2028, 2029, 2030];
const value = fc.double({ min: -1000, max: 1000, noNaN: true, noDefaultInfinity: true });
const rate = fc.double({ min: -30, max: 40, noNaN: true, noDefaultInfinity: true });

/** Observations for the first `n` plan years from a list of values. */
function series(values: readonly number[]): Observation[] {
  return values.map((v, i) => ({ period: YEARS[i] as number, value: v, scope: null, estimated: false }));
}

/** Replace the last observation's value with a better one (by `delta` ≥ 0 in the good direction). */
function improve(input: AssessmentInput, dir: Direction, delta: number): AssessmentInput {
  const obs = [...input.observations];
  const last = obs[obs.length - 1] as Observation;
  obs[obs.length - 1] = { ...last, value: (last.value as number) + (dir === 'higher' ? delta : -delta) };
  return { ...input, observations: obs };
}

/**
 * The better input's status is not worse. 数据不足 is outside the scale: a better value may turn
 * 数据不足 into a status (a target met without a baseline), but never a status into 数据不足.
 */
function notWorse(better: AssessmentInput, worse: AssessmentInput): void {
  const a = assessIndicator(better);
  const b = assessIndicator(worse);
  if (b.status === '数据不足') return;
  expect(a.status).not.toBe('数据不足');
  expect(statusRank(a.status)).toBeLessThanOrEqual(statusRank(b.status));
}

const levelInput = fc.record({
  dir: fc.constantFrom<Direction>('higher', 'lower'),
  op: fc.constantFrom('=', '>=', '<=', '~', '>', '<'),
  baseline: fc.option(value, { nil: null }),
  target: value,
  model: fc.constantFrom('linear', 'compound'),
  values: fc.array(value, { minLength: 1, maxLength: 5 }),
  asOf: fc.integer({ min: 2026, max: 2030 }),
});

describe('properties', () => {
  it('level targets: a better latest value never gives a worse status', () => {
    fc.assert(
      fc.property(levelInput, fc.double({ min: 0, max: 500, noNaN: true }), (p, delta) => {
        const base = buildInput({
          asOf: 2030,
          indicator: {
            direction: p.dir,
            target: buildTarget({ op: p.op as '=', value: p.target }),
            baseline:
              p.baseline === null ? null : { year: 2025, value: p.baseline, text: '', estimated: false },
          },
          options: { pathModel: p.model as 'linear' },
          observations: series(p.values),
        });
        // The comparator decides the good side when it names one (`以上`); the direction otherwise.
        const side: Direction =
          p.op === '>=' || p.op === '>' ? 'higher' : p.op === '<=' || p.op === '<' ? 'lower' : p.dir;
        notWorse(improve(base, side, delta), base);
      }),
      { numRuns: 400 },
    );
  });

  it('rate, cumulative, relative and external targets: a better latest value never gives a worse status', () => {
    const kinds = fc.constantFrom(
      'rate',
      'range',
      'cumulative-sum',
      'cumulative-change',
      'relative',
      'external',
    );
    fc.assert(
      fc.property(
        kinds,
        fc.array(rate, { minLength: 1, maxLength: 5 }),
        rate,
        fc.double({ min: 0, max: 20, noNaN: true }),
        (kind, values, target, delta) => {
          const ref = { name: 'ref', points: YEARS.map((y, i) => ({ period: y, value: 5 + i * 0.3 })) };
          const set = { name: 'set', points: YEARS.map((y) => ({ period: y, value: Math.abs(target) + 1 })) };
          const common = {
            asOf: 2030,
            observations: series(values),
            references: kind === 'external' ? [set] : [ref],
          };
          const indicator =
            kind === 'range'
              ? {
                  name: 'GDP增长',
                  unit: '%',
                  direction: null,
                  target: buildTarget({ kind: 'range', value: target, valueMax: target + 1 }),
                  baseline: null,
                }
              : kind === 'rate'
                ? {
                    name: '营业收入年均增速',
                    unit: '%',
                    direction: null,
                    target: buildTarget({ kind: 'rate', value: target }),
                    baseline: null,
                  }
                : kind === 'cumulative-sum'
                  ? {
                      name: '新增就业人数',
                      unit: '万人',
                      direction: 'higher' as const,
                      target: buildTarget({ kind: 'cumulative', op: '>=', value: Math.abs(target) }),
                      baseline: null,
                    }
                  : kind === 'cumulative-change'
                    ? {
                        name: '单位GDP能耗降低',
                        unit: '%',
                        direction: null,
                        target: buildTarget({ kind: 'cumulative', value: Math.min(Math.abs(target), 90) }),
                        baseline: null,
                      }
                    : kind === 'relative'
                      ? {
                          name: 'GDP增长',
                          unit: '%',
                          direction: null,
                          target: buildTarget({ kind: 'relative', op: '>', reference: 'ref' }),
                          baseline: null,
                        }
                      : {
                          name: '优良水体比例',
                          unit: '%',
                          direction: 'higher' as const,
                          target: buildTarget({ kind: 'external', setBy: '市' }),
                          baseline: null,
                        };
          const base = buildInput({ ...common, indicator });
          notWorse(improve(base, 'higher', delta), base);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a met target is always 已实现, and 已实现 always means met', () => {
    fc.assert(
      fc.property(levelInput, (p) => {
        const a = assessIndicator(
          buildInput({
            asOf: p.asOf,
            indicator: {
              direction: p.dir,
              target: buildTarget({ op: p.op as '=', value: p.target }),
              baseline:
                p.baseline === null ? null : { year: 2025, value: p.baseline, text: '', estimated: false },
            },
            observations: series(p.values),
          }),
        );
        expect(a.met).toBe(a.status === '已实现');
      }),
      { numRuns: 400 },
    );
  });

  it('is total: any input gives a status and a bilingual explanation, never an exception', () => {
    const anyValue = fc.oneof(
      value,
      fc.constant(0),
      fc.constant(null),
      fc.constant(Number.NaN),
      fc.constant(Number.POSITIVE_INFINITY),
    );
    const anyObs = fc.record({
      period: fc.integer({ min: 2020, max: 2032 }),
      value: anyValue,
      scope: fc.constantFrom(null, '含经开区', '不含经开区'),
      estimated: fc.boolean(),
      status: fc.constantFrom(undefined, 'draft', 'submitted', 'approved', 'returned'),
    });
    const kind = fc.constantFrom(
      'absolute',
      'range',
      'cumulative',
      'rate',
      'relative',
      'external',
      'qualitative',
    );
    fc.assert(
      fc.property(
        kind,
        fc.option(value, { nil: null }),
        fc.option(value, { nil: null }),
        fc.constantFrom(null, '=', '>=', '>', '<=', '<', '~'),
        fc.constantFrom(null, 'increase', 'decrease'),
        fc.constantFrom(null, '%', '亿元', '个百分点'),
        fc.constantFrom(null, 'higher', 'lower'),
        fc.array(anyObs, { maxLength: 8 }),
        fc.option(value, { nil: null }),
        (k, v, vMax, op, change, unit, dir, observations, b) => {
          const a = assessIndicator(
            buildInput({
              indicator: {
                name: '随机指标',
                unit,
                direction: dir,
                attribute: '约束性',
                target: buildTarget({
                  text: '随机',
                  kind: k as 'absolute',
                  value: v,
                  valueMax: vMax,
                  op: op as '=' | null,
                  change: change as 'increase' | null,
                  reference: '全市平均',
                  setBy: '市',
                }),
                baseline: { year: 2025, value: b, text: '', estimated: false },
              },
              observations,
              references: [
                {
                  name: '全市平均',
                  points: [
                    { period: 2026, value: 5 },
                    { period: 2027, value: 5.5 },
                  ],
                },
              ],
            }),
          );
          expect(typeof a.status).toBe('string');
          expect(a.explanation.zh.length).toBeGreaterThan(0);
          expect(a.explanation.en.length).toBeGreaterThan(0);
          expect(a.explanation.zh).not.toContain('NaN');
          expect(a.met).toBe(a.status === '已实现');
        },
      ),
      { numRuns: 600 },
    );
  });
});
