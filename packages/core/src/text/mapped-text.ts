/**
 * A run of characters copied verbatim from the source: text[at, at+length) came from
 * source[from, from+length). Synthetic characters (a joining separator) have `from` = -1 and
 * borrow the offset of the character before them.
 */
type Run = { at: number; from: number; length: number };

/**
 * Text derived from the source (markers removed, wrapped lines joined, spaces dropped) that still
 * knows, for every character, the offset it came from. Parsers work on `text`; spans are mapped back
 * with `sourceRange`, so cleaning never costs traceability. Stored as runs of verbatim copies, so a
 * paragraph costs a handful of objects rather than one number per character.
 */
export class MappedText {
  /**
   * The runs, or — for a verbatim slice, the common case of one source line — just its source
   * offset; the single run is then built only if something needs it.
   */
  private runsOrStart: readonly Run[] | number;

  private constructor(
    readonly text: string,
    runsOrStart: readonly Run[] | number,
  ) {
    this.runsOrStart = runsOrStart;
  }

  private get runs(): readonly Run[] {
    if (typeof this.runsOrStart === 'number') {
      this.runsOrStart =
        this.text.length > 0 ? [{ at: 0, from: this.runsOrStart, length: this.text.length }] : [];
    }
    return this.runsOrStart;
  }

  static empty(): MappedText {
    return new MappedText('', []);
  }

  /** A verbatim slice of the source starting at `sourceStart`. */
  static fromSource(text: string, sourceStart: number): MappedText {
    return new MappedText(text, sourceStart);
  }

  /** The source slices given as flat pairs `[start, end, start, end, …]`, in order, joined into one text. */
  static fromSourceRanges(source: string, ranges: readonly number[]): MappedText {
    const runs: Run[] = [];
    let text = '';
    for (let k = 0; k + 1 < ranges.length; k += 2) {
      const start = ranges[k] ?? 0;
      const end = ranges[k + 1] ?? 0;
      if (end <= start) continue;
      pushRun(runs, { at: text.length, from: start, length: end - start });
      text += source.slice(start, end);
    }
    return new MappedText(text, runs);
  }

  /** The source offset of the first character when the whole text is one verbatim slice, else null. */
  get verbatimStart(): number | null {
    if (typeof this.runsOrStart === 'number') return this.text.length > 0 ? this.runsOrStart : null;
    const [run] = this.runs;
    return this.runs.length === 1 && run && run.at === 0 && run.from >= 0 && run.length === this.text.length
      ? run.from
      : null;
  }

  static concat(parts: readonly MappedText[], separator = ''): MappedText {
    const runs: Run[] = [];
    let text = '';
    parts.forEach((part, i) => {
      if (i > 0 && separator) {
        runs.push({ at: text.length, from: -1, length: separator.length });
        text += separator;
      }
      for (const run of part.runs)
        pushRun(runs, { at: text.length + run.at, from: run.from, length: run.length });
      text += part.text;
    });
    return new MappedText(text, runs);
  }

  get length(): number {
    return this.text.length;
  }

  /** Keeps the characters for which `keep(index)` is true. */
  filter(keep: (index: number) => boolean): MappedText {
    const ranges: [number, number][] = [];
    let start = -1;
    for (let i = 0; i <= this.text.length; i++) {
      const kept = i < this.text.length && keep(i);
      if (kept && start < 0) start = i;
      if (!kept && start >= 0) {
        ranges.push([start, i]);
        start = -1;
      }
    }
    if (ranges.length === 1 && ranges[0]?.[0] === 0 && ranges[0][1] === this.text.length) return this;
    return MappedText.concat(ranges.map(([a, b]) => this.slice(a, b)));
  }

  /** Removes every match of `pattern` (which must be global). */
  remove(pattern: RegExp): MappedText {
    return this.removeWhere(pattern, () => true);
  }

  /** Removes the matches of `pattern` (global) for which `drop(start, end)` is true. */
  removeWhere(pattern: RegExp, drop: (start: number, end: number) => boolean): MappedText {
    const kept: MappedText[] = [];
    let last = 0;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(this.text); match; match = pattern.exec(this.text)) {
      const end = match.index + match[0].length;
      if (end === match.index) pattern.lastIndex++;
      else if (drop(match.index, end)) {
        kept.push(this.slice(last, match.index));
        last = end;
      }
    }
    if (kept.length === 0) return this;
    kept.push(this.slice(last));
    return MappedText.concat(kept);
  }

  slice(start: number, end = this.text.length): MappedText {
    const a = Math.max(0, Math.min(start, this.text.length));
    const b = Math.max(a, Math.min(end, this.text.length));
    if (typeof this.runsOrStart === 'number')
      return new MappedText(this.text.slice(a, b), this.runsOrStart + a);
    const runs: Run[] = [];
    for (const run of this.runs) {
      const from = Math.max(a, run.at);
      const to = Math.min(b, run.at + run.length);
      if (from >= to) continue;
      runs.push({ at: from - a, from: run.from < 0 ? -1 : run.from + (from - run.at), length: to - from });
    }
    return new MappedText(this.text.slice(a, b), runs);
  }

  trim(): MappedText {
    const start = this.text.length - this.text.trimStart().length;
    const end = this.text.trimEnd().length;
    return start === 0 && end === this.text.length ? this : this.slice(start, Math.max(start, end));
  }

  /** Source range [start, end) covered by text[from, to). */
  sourceRange(from = 0, to = this.text.length): { start: number; end: number } {
    if (this.text.length === 0) return { start: 0, end: 0 };
    const a = Math.min(Math.max(from, 0), this.text.length - 1);
    const b = Math.min(Math.max(to, a + 1), this.text.length);
    return { start: this.offsetAt(a), end: this.offsetAt(b - 1) + 1 };
  }

  /** Source offset of text[index]; a synthetic character maps to the character before it. */
  private offsetAt(index: number): number {
    if (typeof this.runsOrStart === 'number') return this.runsOrStart + index;
    let lo = 0;
    let hi = this.runs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.runs[mid]?.at ?? 0) <= index) lo = mid;
      else hi = mid - 1;
    }
    for (let k = lo; k >= 0; k--) {
      const run = this.runs[k];
      if (!run) break;
      if (run.from >= 0) return run.from + Math.min(index - run.at, run.length - 1);
      index = run.at - 1;
    }
    return 0;
  }
}

/** Appends a run, merging it with the previous one when they continue each other in the source. */
function pushRun(runs: Run[], run: Run): void {
  const last = runs[runs.length - 1];
  if (
    last &&
    last.from >= 0 &&
    run.from >= 0 &&
    last.at + last.length === run.at &&
    last.from + last.length === run.from
  ) {
    last.length += run.length;
  } else {
    runs.push({ ...run });
  }
}
