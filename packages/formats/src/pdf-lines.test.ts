import { describe, expect, it } from 'vitest';
import { groupTextLines } from './pdf-lines.js';
import type { PlacedText } from './pdf-lines.js';

function run(text: string, x: number, y: number, size = 12, width = text.length * size): PlacedText {
  return { text, x, y, width, size };
}

describe('groupTextLines', () => {
  it('orders lines top to bottom and runs left to right', () => {
    const lines = groupTextLines([run('实施。', 84, 700), run('第二行', 72, 680), run('规划', 60, 700)]);
    expect(lines).toEqual(['规划实施。', '第二行']);
  });

  it('keeps a raised or lowered note mark on its line', () => {
    expect(groupTextLines([run('发展成效', 72, 700), run('1', 120, 704, 8, 4)])).toEqual(['发展成效1']);
  });

  it('separates Latin words by their gap but not CJK characters set as separate runs', () => {
    expect(groupTextLines([run('GDP', 72, 700, 10, 20), run('growth', 96, 700, 10, 30)])).toEqual([
      'GDP growth',
    ]);
    expect(groupTextLines([run('GDP', 72, 700, 10, 20), run('增长', 94, 700, 10, 20)])).toEqual(['GDP增长']);
    expect(groupTextLines([run('指标', 72, 700, 10, 20), run('目标', 140, 700, 10, 20)])).toEqual([
      '指标 目标',
    ]);
  });

  it('does not double spaces already present and drops blank lines', () => {
    expect(
      groupTextLines([run('a ', 72, 700, 10, 10), run('b', 90, 700, 10, 5), run('  ', 72, 600)]),
    ).toEqual(['a b']);
  });

  it('ignores runs with unusable coordinates', () => {
    expect(groupTextLines([run('x', Number.NaN, 700), run('ok', 72, 700)])).toEqual(['ok']);
  });
});
