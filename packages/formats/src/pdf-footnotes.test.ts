import { describe, expect, it } from 'vitest';
import { attachFootnotes } from './pdf-footnotes.js';
import { groupPlacedLines, joinRuns } from './pdf-lines.js';
import type { PlacedLine, PlacedText } from './pdf-lines.js';

function run(text: string, x: number, y: number, size = 10): PlacedText {
  return { text, x, y, width: text.length * size, size };
}

/** A superscript mark: smaller and raised by 4 points over the baseline `y`. */
function mark(label: string, x: number, y: number): PlacedText {
  return run(label, x, y + 4, 6);
}

function texts(lines: readonly PlacedLine[]): string[] {
  return lines.map((line) => `${joinRuns(line.items)}${line.suffix}`);
}

describe('attachFootnotes', () => {
  it('moves the notes at the foot of a page to the lines that reference them, numbered from 0', () => {
    const counter = { next: 0 };
    const first = groupPlacedLines(
      [
        run('第一章 发展基础', 72, 700),
        mark('1', 152, 700),
        run('坚持创新驱动', 72, 680),
        mark('2', 132, 680),
        run('，推进改革。', 136, 680),
        mark('1', 72, 76),
        run('含开发区。', 76, 76),
        mark('2', 72, 58),
        run('创新驱动即以科技创新', 76, 58),
        run('带动全面创新。', 72, 44),
      ],
      1,
    );
    expect(texts(attachFootnotes(first, counter))).toEqual([
      '第一章 发展基础[footnoteRef:0] [0:  含开发区。]',
      '坚持创新驱动[footnoteRef:1]，推进改革。 [1:  创新驱动即以科技创新带动全面创新。]',
    ]);
    const second = groupPlacedLines(
      [run('第二章 总体要求', 72, 700), mark('3', 152, 700), mark('3', 72, 76), run('不含开发区。', 76, 76)],
      2,
    );
    expect(texts(attachFootnotes(second, counter))).toEqual([
      '第二章 总体要求[footnoteRef:2] [2:  不含开发区。]',
    ]);
  });

  it('leaves a superscript without a note on its page, and a page without notes, as they are', () => {
    const lines = groupPlacedLines([run('平方米', 72, 700), mark('2', 102, 700), run('完成目标。', 72, 80)]);
    expect(texts(attachFootnotes(lines, { next: 0 }))).toEqual(['平方米2', '完成目标。']);
  });

  it('does not take a line starting with a mark as a note unless the text above has that mark', () => {
    const lines = groupPlacedLines([
      run('正文第一行', 72, 700),
      mark('1', 72, 76),
      run('不是脚注。', 76, 76),
    ]);
    expect(texts(attachFootnotes(lines, { next: 0 }))).toEqual(['正文第一行', '1不是脚注。']);
  });
});
