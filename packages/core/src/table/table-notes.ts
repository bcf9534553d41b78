import type { PreparedLine } from '../structure/prepared-line.js';
import type { MappedText } from '../text/mapped-text.js';

const NOTE = /^(备注|注|说明)\s*\d*\s*[:：]|^[*∗※]/;

/** Notes written under a table (`备注：[ ]内数据为累计数。`), read from `from` on, skipping blank lines. */
export function readNotes(
  lines: readonly PreparedLine[],
  from: number,
): { notes: MappedText[]; endLine: number } {
  const notes: MappedText[] = [];
  let i = from;
  let end = from;
  while (i < lines.length) {
    const text = lines[i]?.trimmed ?? '';
    if (text === '') {
      i++;
      continue;
    }
    if (!NOTE.test(text)) break;
    notes.push((lines[i] as PreparedLine).text.trim());
    i++;
    end = i;
  }
  return { notes, endLine: end };
}

export function isNoteLine(text: string): boolean {
  return NOTE.test(text);
}
