import type { SourceSpan } from '../model/plan-model.schema.js';

/** One physical line of the source document. `end` excludes the line break. */
export type SourceLine = { index: number; start: number; end: number; raw: string };

/**
 * The decoded source document, split into lines, able to turn offsets into spans with line numbers.
 * Everything extracted keeps offsets into this text, which is what "traceable" means here.
 */
export class SourceText {
  /** Start offset of each line; `lineEnds[i]` excludes the line break. */
  private readonly lineStarts: number[] = [];
  private readonly lineEnds: number[] = [];

  constructor(readonly text: string) {
    // A scan with charCodeAt rather than a regex: one match object per line adds up on long documents.
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code !== 0x0a && code !== 0x0d) continue;
      this.lineStarts.push(start);
      this.lineEnds.push(i);
      if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
      start = i + 1;
    }
    this.lineStarts.push(start);
    this.lineEnds.push(text.length);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Offsets [start, end) of line `index` (0-based), without the line break. */
  lineRange(index: number): { start: number; end: number } {
    return {
      start: this.lineStarts[index] ?? this.text.length,
      end: this.lineEnds[index] ?? this.text.length,
    };
  }

  /** Line `index` (0-based), built on demand so that splitting a document allocates no line objects. */
  line(index: number): SourceLine {
    const start = this.lineStarts[index] ?? this.text.length;
    const end = this.lineEnds[index] ?? this.text.length;
    return { index, start, end, raw: this.text.slice(start, end) };
  }

  /** 1-based line number of an offset. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  span(start: number, end: number): SourceSpan {
    const safeEnd = Math.max(start, end);
    return {
      start,
      end: safeEnd,
      lineStart: this.lineOf(start),
      lineEnd: this.lineOf(Math.max(start, safeEnd - 1)),
    };
  }
}
