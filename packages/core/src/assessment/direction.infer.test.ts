import { describe, expect, test } from 'vitest';
import { resolveDirection } from './direction.infer.js';
import { buildTarget } from './fixtures/assessment-input.factory.js';

const direction = (name: string, unit: string | null, text: string): string | null =>
  resolveDirection({ seq: '1', name, unit, attribute: null, target: buildTarget({ text }), baseline: null })
    .value;

describe('direction inference for intensity and gap indicators (Hangzhou table)', () => {
  test('an intensity per unit of output is lower-is-better; its reduction rate is higher-is-better', () => {
    expect(direction('单位GDP建设用地使用面积', '平方米/万元', '8.8')).toBe('lower');
    expect(direction('单位GDP用水量下降率', '%', '完成省下达目标')).toBe('higher');
  });

  test('an income ratio between town and country is lower-is-better', () => {
    expect(direction('城乡居民收入倍差', null, '1.58左右')).toBe('lower');
  });
});
