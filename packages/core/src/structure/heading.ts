import type { NodeKind } from '../model/plan-model.schema.js';
import { parseChineseNumeral } from '../target/chinese-numeral.js';

/** A line recognised as a heading of the outline. */
export type HeadingMatch = {
  kind: NodeKind;
  ordinal: number;
  label: string;
  title: string;
  /** Page number when the line is a table-of-contents entry (`第一章 发展基础 ....... 1`). */
  page: number | null;
};

/**
 * The numbering style of a heading, from its label: `part`/`chapter`/`section` for `第…篇/章/节`, and
 * for subheadings `一、` (`cn`), `（一）` (`paren`), `1.` (`arabic`), `（1）` (`paren-arabic`) or a
 * box (`专栏3`, `box`).
 * Documents nest list styles in an order of their own, so the style, not the kind, sets the rank.
 */
export type HeadingStyle =
  'part' | 'chapter' | 'section' | 'cn' | 'paren' | 'arabic' | 'paren-arabic' | 'box' | 'item';

export function headingStyle(kind: NodeKind, label: string): HeadingStyle {
  if (kind !== 'subheading') return kind;
  if (label.startsWith('专栏')) return 'box';
  if (/^[（(]\d/.test(label)) return 'paren-arabic';
  if (/^[（(]/.test(label)) return 'paren';
  if (/^\d/.test(label)) return 'arabic';
  return 'cn';
}

/** Reads heading ordinals: `十二` → 12, `二十一` → 21, `一百零三` → 103, `12` → 12. */
export function parseOrdinal(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const value = parseChineseNumeral(text);
  return value !== null && Number.isInteger(value) ? value : null;
}

const NUMERAL = '[零〇一二两三四五六七八九十百]+|\\d{1,3}';
const LEVELS: Record<string, NodeKind> = { 篇: 'part', 章: 'chapter', 节: 'section' };
const NUMBERED = new RegExp(`^第(${NUMERAL})\\s*([篇章节])[\\s\\u3000]*(.*)$`);
const CHINESE_LIST = /^([一二三四五六七八九十]{1,3})、\s*(.+)$/;
const PAREN_LIST = /^[（(]([一二三四五六七八九十]{1,3})[）)]\s*(.+)$/;
const BOX = /^专栏\s*(\d{1,3})\s*(.*)$/;
/** Cheap first test run on every line: only these can start a heading. */
const HEADING_START = /^[\s\u3000#>*]*(第|专栏|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十])/;
/** A table-of-contents tail: dot leaders and/or a page number at the end of the line. */
const PAGE_TAIL = /(?:\s*(?:[.．·…]{2,}|\u2026+)\s*|\s+)(\d{1,3})\s*$/;

/** Strips decoration that some layouts put around headings (`**…**`, `# `). */
export function stripHeadingDecoration(line: string): string {
  return line
    .replace(/^[\s\u3000#>]+/, '')
    .replace(/^\*\*(.*)\*\*\s*$/, '$1')
    .replace(/[\s\u3000]+$/, '');
}

/**
 * Recognises part/chapter/section headings (`第三篇`, `第十二章`, `第一节`), list subheadings
 * (`一、`, `（二）`) and boxes (`专栏3`). Long or sentence-like lines are rejected so that a
 * wrapped body line starting with `第二章…` is not mistaken for a heading.
 */
export function matchHeading(rawLine: string): HeadingMatch | null {
  if (!HEADING_START.test(rawLine)) return null;
  const line = stripHeadingDecoration(rawLine);
  if (line.length === 0 || line.length > 90) return null;
  const { body, page } = splitPage(line);
  const numbered = NUMBERED.exec(body);
  if (numbered) {
    const [, numeral = '', level = '', title = ''] = numbered;
    const ordinal = parseOrdinal(numeral);
    const kind = LEVELS[level];
    if (ordinal === null || !kind || !isTitleLike(title)) return null;
    return { kind, ordinal, label: `第${numeral}${level}`, title: title.trim(), page };
  }
  const box = BOX.exec(body);
  if (box && isTitleLike(box[2] ?? '')) {
    return {
      kind: 'subheading',
      ordinal: Number(box[1]),
      label: `专栏${box[1]}`,
      title: (box[2] ?? '').trim(),
      page,
    };
  }
  const list = CHINESE_LIST.exec(body) ?? PAREN_LIST.exec(body);
  if (list && isTitleLike(list[2] ?? '') && (list[2] ?? '').length <= 30) {
    const ordinal = parseOrdinal(list[1] ?? '');
    if (ordinal === null) return null;
    const label = body.slice(0, body.length - (list[2] ?? '').length).trim();
    return { kind: 'subheading', ordinal, label, title: (list[2] ?? '').trim(), page };
  }
  return null;
}

function splitPage(line: string): { body: string; page: number | null } {
  const tail = PAGE_TAIL.exec(line);
  // A bare trailing number is only a page number when the title before it is not itself numeric.
  if (tail && /[\u4e00-\u9fff”」）)]$/.test(line.slice(0, tail.index).trimEnd())) {
    return { body: line.slice(0, tail.index).trimEnd(), page: Number(tail[1]) };
  }
  return { body: line, page: null };
}

function isTitleLike(title: string): boolean {
  const t = title.trim();
  if (t.length > 60) return false;
  if (/[。；;]$/.test(t)) return false;
  // Titles are phrases; a full stop inside means this is running text.
  return !t.slice(0, -1).includes('。');
}
