import type { Phase } from '../model/plan-model.schema.js';
import type { TextUnit } from './text-unit.js';
import { toHalfWidth } from '../text/width.js';

/**
 * Extraction of named implementation phases of a plan — the `三步走` of the sample plan (a footnote):
 * `2026年为改革突破年，重点是理顺机制、夯实基础；2027—2028年为攻坚奋进年，重点是…`. Two forms:
 * - `YEAR[—YEAR]年为NAME` where NAME ends in `年`, `阶段` or `期` (`改革突破年`, `第一阶段`, `攻坚期`),
 *   optionally followed by `，重点是FOCUS` / `，主要任务是FOCUS`;
 * - `NAME（YEAR[—YEAR]年）` where NAME ends in `阶段` (`第一阶段（2026—2027年）：夯实基础…`), the
 *   text after it up to `；`/`。` being the focus.
 * A phase ends at the next `；` or `。`; `source` spans it. Phases are returned in text order, and the
 * same name and years found twice (body and footnote) are kept once.
 */
export function extractPhases(units: readonly TextUnit[]): Phase[] {
  const phases: Phase[] = [];
  const seen = new Set<string>();
  for (const unit of units) {
    if (!mayHoldPhase(unit.text)) continue;
    // Half-width folding keeps offsets, so matches on the folded text are offsets in the original.
    const folded = toHalfWidth(unit.text);
    const found = [...yearFirst(folded), ...nameFirst(folded)].sort((a, b) => a.start - b.start);
    for (const phase of found) {
      if (phase.startYear > phase.endYear) continue;
      const key = `${phase.name}|${phase.startYear}|${phase.endYear}`;
      if (seen.has(key)) continue;
      seen.add(key);
      phases.push({
        name: unit.text.slice(phase.nameStart, phase.nameStart + phase.name.length),
        startYear: phase.startYear,
        endYear: phase.endYear,
        focus: phase.focus === null ? null : unit.text.slice(phase.focus.start, phase.focus.end),
        source: unit.span(phase.start, phase.end),
      });
    }
  }
  return phases;
}

/**
 * Cheap pre-filter on the unfolded text: a year-first phase needs `年为`/`年是`, a name-first one
 * `阶段（` (or `阶段(`, what `（` folds to). Most paragraphs have none, and skipping them avoids
 * folding every paragraph (a copy built character by character) and running {@link NAME_FIRST},
 * whose leading `{0,10}` run is retried at every character.
 */
function mayHoldPhase(text: string): boolean {
  return text.includes('年为') || text.includes('年是') || text.includes('阶段（') || text.includes('阶段(');
}

type FoundPhase = {
  start: number;
  end: number;
  name: string;
  nameStart: number;
  startYear: number;
  endYear: number;
  focus: { start: number; end: number } | null;
};

const RANGE = String.raw`((?:19|20)\d{2})(?:年)?(?:\s*[—–\-~至到]+\s*((?:19|20)\d{2}))?年`;
/** `2027—2028年为攻坚奋进年` — the name is 2–12 characters without punctuation. */
const YEAR_FIRST = new RegExp(
  RANGE + String.raw`(?:为|是)([^，。；;：:、“”"()\s]{1,11}?(?:年|阶段|期))(?=[，,。；;：:]|$)`,
  'g',
);
/** `第一阶段（2026—2027年）` */
const NAME_FIRST = new RegExp(String.raw`([^，。；;：:、“”"()\s]{0,10}阶段)\(` + RANGE + String.raw`\)`, 'g');
/** What introduces the focus after a year-first phase. */
const FOCUS_LEAD = /^[，,]\s*(?:重点是|重点为|主要任务是|主要是|着力|重在)/;
const PHASE_END = /[；;。]/;

function yearFirst(text: string): FoundPhase[] {
  const out: FoundPhase[] = [];
  for (const m of text.matchAll(YEAR_FIRST)) {
    const name = m[3] ?? '';
    const startYear = Number(m[1]);
    const nameStart = m.index + m[0].length - name.length;
    const after = m.index + m[0].length;
    const end = phaseEnd(text, after);
    const lead = FOCUS_LEAD.exec(text.slice(after, end));
    const focus = lead === null ? null : trimmedRange(text, after + lead[0].length, end);
    out.push({
      start: m.index,
      end,
      name,
      nameStart,
      startYear,
      endYear: m[2] === undefined ? startYear : Number(m[2]),
      focus,
    });
  }
  return out;
}

function nameFirst(text: string): FoundPhase[] {
  const out: FoundPhase[] = [];
  for (const m of text.matchAll(NAME_FIRST)) {
    const written = m[1] ?? '';
    // `推进第一阶段（…）`: keep the ordinal name, drop the verb the lazy match took along.
    const ordinalAt = written.search(/第[一二三四五六七八九十\d]+阶段$/);
    const name = ordinalAt > 0 ? written.slice(ordinalAt) : written;
    if (name === '阶段') continue;
    const startYear = Number(m[2]);
    const after = m.index + m[0].length;
    const end = phaseEnd(text, after);
    const lead = /^[：:，,\s]*(?:为|是)?/.exec(text.slice(after, end));
    out.push({
      start: m.index,
      end,
      name,
      nameStart: m.index + written.length - name.length,
      startYear,
      endYear: m[3] === undefined ? startYear : Number(m[3]),
      focus: trimmedRange(text, after + (lead?.[0].length ?? 0), end),
    });
  }
  return out;
}

function phaseEnd(text: string, from: number): number {
  const rest = PHASE_END.exec(text.slice(from));
  return rest === null ? text.length : from + rest.index;
}

function trimmedRange(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  return e > s ? { start: s, end: e } : null;
}
