import type { XmlElement } from './xml.parser.js';
import { childElements, isOn, isW, wAttr, wChild } from './wordml.nodes.js';

/**
 * Word automatic list numbering (word/numbering.xml, with numbering carried by paragraph styles in
 * word/styles.xml), rendered as text the way Word displays it: `第一章`, `一、`, `（一）`, `1.2`.
 *
 * Counters are kept per list: per `w:num` when it overrides a level's start (`w:startOverride`, a new
 * list), otherwise per abstract numbering shared by every `w:num` that uses it, as Word does. Using a
 * level resets the deeper levels unless their `w:lvlRestart` says otherwise. Bullets render nothing.
 */

/** Number of list levels Word supports (`w:ilvl` 0–8). */
const LEVELS = 9;
/** Limits on what is read from untrusted parts: counts of definitions and chained style links. */
const MAX_DEFINITIONS = 10_000;
const MAX_STYLE_CHAIN = 20;
/** Counter values are kept within this range so that formatting stays cheap and exact. */
const MAX_COUNTER = 1_000_000;

type Level = {
  start: number;
  format: string;
  text: string | null;
  /** Deeper levels restart after a level above `restart` (1-based); null = after any higher level. */
  restart: number | null;
  legal: boolean;
  suffix: string;
  hidden: boolean;
  /** Paragraph style linked to this level (`w:lvl/w:pStyle`). */
  style: string | null;
};

type AbstractNum = { levels: (Level | null)[]; styleLink: string | null };

type NumDefinition = {
  abstractId: string;
  /** Replacement level definitions (`w:lvlOverride/w:lvl`). */
  levelOverrides: (Level | null)[];
  startOverrides: (number | null)[];
};

type NumPr = { numId: string | null; ilvl: number | null };

type StyleInfo = { numPr: NumPr | null; basedOn: string | null };

type ListState = { counters: (number | null)[] };

/** Counts and renders list numbers paragraph by paragraph, in document order. */
export class ListNumbering {
  private readonly lists = new Map<string, ListState>();

  private constructor(
    private readonly abstracts: Map<string, AbstractNum>,
    private readonly nums: Map<string, NumDefinition>,
    private readonly styles: Map<string, StyleInfo>,
    private readonly defaultStyle: string | null,
  ) {}

  /**
   * Reads the definitions from parsed word/numbering.xml and word/styles.xml (either may be null).
   * Returns null when there is no usable numbering, or when the parts are malformed in a way that
   * makes reading them throw: the document is then rendered without numbers.
   */
  static fromParts(numbering: XmlElement | null, styles: XmlElement | null): ListNumbering | null {
    try {
      const root = numbering;
      if (!root || !isW(root, 'numbering')) return null;
      const abstracts = new Map<string, AbstractNum>();
      const nums = new Map<string, NumDefinition>();
      for (const element of childElements(root).slice(0, MAX_DEFINITIONS)) {
        if (isW(element, 'abstractNum')) {
          const id = wAttr(element, 'abstractNumId');
          if (id !== null && !abstracts.has(id)) abstracts.set(id, readAbstractNum(element));
        } else if (isW(element, 'num')) {
          const id = wAttr(element, 'numId');
          const definition = readNum(element);
          if (id !== null && id !== '0' && definition && !nums.has(id)) nums.set(id, definition);
        }
      }
      if (nums.size === 0) return null;
      const { map, defaultStyle } = readStyles(styles);
      return new ListNumbering(abstracts, nums, map, defaultStyle);
    } catch {
      return null;
    }
  }

  /**
   * The number Word shows before `paragraph` (with its suffix), or '' when it is not numbered;
   * advances the list counters. `hasText` false drops the suffix (an empty numbered paragraph).
   */
  next(paragraph: XmlElement, hasText: boolean): string {
    try {
      return this.advance(paragraph, hasText);
    } catch {
      return '';
    }
  }

  private advance(paragraph: XmlElement, hasText: boolean): string {
    const properties = wChild(paragraph, 'pPr');
    const own = properties ? readNumPr(wChild(properties, 'numPr')) : null;
    const styleElement = properties ? wChild(properties, 'pStyle') : null;
    const styleId = (styleElement ? wAttr(styleElement, 'val') : null) ?? this.defaultStyle;
    const fromStyle = styleId === null ? null : this.styleNumPr(styleId);
    const numId = own?.numId ?? fromStyle?.numId ?? null;
    if (numId === null || numId === '0') return '';
    const num = this.nums.get(numId);
    if (!num) return '';
    const abstract = this.resolveAbstract(num.abstractId);
    if (!abstract) return '';
    let ilvl = own?.ilvl ?? null;
    if (ilvl === null && (own?.numId ?? null) === null) {
      // Numbered through the style: its w:ilvl, or the level linked to the style (w:lvl/w:pStyle).
      ilvl = fromStyle?.ilvl ?? null;
      if (ilvl === null && styleId !== null) {
        const linked = abstract.levels.findIndex((level) => level?.style === styleId);
        ilvl = linked === -1 ? null : linked;
      }
    }
    const levelIndex = Math.min(Math.max(ilvl ?? 0, 0), LEVELS - 1);
    const levelOf = (index: number): Level | null =>
      num.levelOverrides[index] ?? abstract.levels[index] ?? null;
    const level = levelOf(levelIndex);
    if (!level) return '';

    const hasOverride = num.startOverrides.some((value) => value !== null);
    const key = hasOverride ? `num:${numId}` : `abstract:${num.abstractId}`;
    let list = this.lists.get(key);
    if (!list) {
      list = { counters: new Array<number | null>(LEVELS).fill(null) };
      this.lists.set(key, list);
    }
    const startOf = (index: number): number => num.startOverrides[index] ?? levelOf(index)?.start ?? 0;
    const current = list.counters[levelIndex];
    list.counters[levelIndex] =
      current === null || current === undefined ? startOf(levelIndex) : Math.min(current + 1, MAX_COUNTER);
    for (let deeper = levelIndex + 1; deeper < LEVELS; deeper++) {
      const restart = levelOf(deeper)?.restart ?? null;
      if (restart === null || (restart > 0 && levelIndex < restart)) list.counters[deeper] = null;
    }

    if (level.format === 'bullet' || level.hidden || level.text === null) return '';
    const counters = list.counters;
    const label = level.text.replace(/%([1-9])/g, (_match, digit: string) => {
      const index = Number(digit) - 1;
      const value = counters[index] ?? startOf(index);
      const format = level.legal ? 'decimal' : (levelOf(index)?.format ?? 'decimal');
      return formatNumber(value, format);
    });
    if (label === '') return '';
    return hasText ? label + level.suffix : label;
  }

  /** Numbering of a paragraph style, following `w:basedOn` (the nearest style with `w:numPr` wins). */
  private styleNumPr(styleId: string): NumPr | null {
    let id: string | null = styleId;
    let numId: string | null = null;
    let ilvl: number | null = null;
    for (let depth = 0; id !== null && depth < MAX_STYLE_CHAIN; depth++) {
      const style = this.styles.get(id);
      if (!style) break;
      if (style.numPr) {
        numId ??= style.numPr.numId;
        ilvl ??= style.numPr.ilvl;
        if (numId !== null) break;
      }
      id = style.basedOn;
    }
    return numId === null && ilvl === null ? null : { numId, ilvl };
  }

  /** The abstract numbering of a list, following `w:numStyleLink` through numbering styles. */
  private resolveAbstract(abstractId: string): AbstractNum | null {
    let abstract = this.abstracts.get(abstractId) ?? null;
    for (let depth = 0; abstract?.styleLink && depth < MAX_STYLE_CHAIN; depth++) {
      const numId = this.styleNumPr(abstract.styleLink)?.numId ?? null;
      const num = numId === null ? undefined : this.nums.get(numId);
      const linked = num ? this.abstracts.get(num.abstractId) : undefined;
      if (!linked || linked === abstract) break;
      abstract = linked;
    }
    return abstract;
  }
}

function intAttr(element: XmlElement | null, name = 'val'): number | null {
  const raw = element ? wAttr(element, name) : null;
  if (raw === null || !/^\s*-?\d+\s*$/.test(raw)) return null;
  const value = Number.parseInt(raw, 10);
  return Number.isSafeInteger(value) ? value : null;
}

function readNumPr(numPr: XmlElement | null): NumPr | null {
  if (!numPr) return null;
  const numIdElement = wChild(numPr, 'numId');
  const ilvl = intAttr(wChild(numPr, 'ilvl'));
  return {
    numId: numIdElement ? (wAttr(numIdElement, 'val')?.trim() ?? null) : null,
    ilvl: ilvl === null ? null : Math.min(Math.max(ilvl, 0), LEVELS - 1),
  };
}

function readLevel(element: XmlElement): Level {
  const start = intAttr(wChild(element, 'start'));
  const format = wChild(element, 'numFmt');
  const text = wChild(element, 'lvlText');
  const suffix = wChild(element, 'suff');
  const runProperties = wChild(element, 'rPr');
  const pStyle = wChild(element, 'pStyle');
  const suffixValue = suffix ? wAttr(suffix, 'val') : null;
  return {
    start: Math.min(Math.max(start ?? 0, 0), MAX_COUNTER),
    format: (format ? wAttr(format, 'val') : null) ?? 'decimal',
    text: text ? wAttr(text, 'val') : null,
    restart: intAttr(wChild(element, 'lvlRestart')),
    legal: isOn(wChild(element, 'isLgl')),
    suffix: suffixValue === 'nothing' ? '' : ' ', // tab (the default) and space both become one space
    hidden: runProperties !== null && isOn(wChild(runProperties, 'vanish')),
    style: pStyle ? wAttr(pStyle, 'val') : null,
  };
}

function ilvlAttr(element: XmlElement): number | null {
  const ilvl = intAttr(element, 'ilvl');
  return ilvl !== null && ilvl >= 0 && ilvl < LEVELS ? ilvl : null;
}

function readAbstractNum(element: XmlElement): AbstractNum {
  const levels = new Array<Level | null>(LEVELS).fill(null);
  for (const child of childElements(element)) {
    if (!isW(child, 'lvl')) continue;
    const index = ilvlAttr(child);
    if (index !== null && levels[index] === null) levels[index] = readLevel(child);
  }
  const link = wChild(element, 'numStyleLink');
  return { levels, styleLink: link ? wAttr(link, 'val') : null };
}

function readNum(element: XmlElement): NumDefinition | null {
  const abstract = wChild(element, 'abstractNumId');
  const abstractId = abstract ? wAttr(abstract, 'val')?.trim() : null;
  if (abstractId === null || abstractId === undefined) return null;
  const levelOverrides = new Array<Level | null>(LEVELS).fill(null);
  const startOverrides = new Array<number | null>(LEVELS).fill(null);
  for (const override of childElements(element)) {
    if (!isW(override, 'lvlOverride')) continue;
    const index = ilvlAttr(override);
    if (index === null) continue;
    const start = intAttr(wChild(override, 'startOverride'));
    if (start !== null) startOverrides[index] = Math.min(Math.max(start, 0), MAX_COUNTER);
    const level = wChild(override, 'lvl');
    if (level) levelOverrides[index] = readLevel(level);
  }
  return { abstractId, levelOverrides, startOverrides };
}

function readStyles(styles: XmlElement | null): { map: Map<string, StyleInfo>; defaultStyle: string | null } {
  const map = new Map<string, StyleInfo>();
  let defaultStyle: string | null = null;
  const root = styles;
  if (!root || !isW(root, 'styles')) return { map, defaultStyle };
  for (const style of childElements(root).slice(0, MAX_DEFINITIONS)) {
    if (!isW(style, 'style')) continue;
    const id = wAttr(style, 'styleId');
    const type = wAttr(style, 'type');
    if (id === null || map.has(id) || (type !== null && type !== 'paragraph' && type !== 'numbering'))
      continue;
    const properties = wChild(style, 'pPr');
    const basedOn = wChild(style, 'basedOn');
    map.set(id, {
      numPr: properties ? readNumPr(wChild(properties, 'numPr')) : null,
      basedOn: basedOn ? wAttr(basedOn, 'val') : null,
    });
    const isDefault = wAttr(style, 'default');
    if (
      type === 'paragraph' &&
      isDefault !== null &&
      ['1', 'true', 'on'].includes(isDefault) &&
      !defaultStyle
    ) {
      defaultStyle = id;
    }
  }
  return { map, defaultStyle };
}

const CHINESE_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';

function digitAt(digits: string, index: number): string {
  return CHINESE_DIGITS[Number(digits[index] ?? 0)] ?? '';
}

/** 1–9999 in Chinese counting (`十一`, `一百零五`, `一千零一十`); digit by digit beyond that. */
function chineseCounting(value: number): string {
  if (value === 0) return '〇';
  if (value >= 10_000) return ideographDigital(value);
  const digits = String(value);
  const units = ['千', '百', '十', ''];
  const offset = 4 - digits.length;
  let result = '';
  let pendingZero = false;
  for (let i = 0; i < digits.length; i++) {
    const digit = Number(digits[i]);
    const unit = units[i + offset] ?? '';
    if (digit === 0) {
      pendingZero = result !== '';
      continue;
    }
    if (pendingZero) result += '零';
    pendingZero = false;
    // 10–19 read 十, 十一 … (not 一十一), as Word writes them.
    result += digit === 1 && unit === '十' && result === '' ? unit : digitAt(digits, i) + unit;
  }
  return result;
}

function ideographDigital(value: number): string {
  const digits = String(value);
  let result = '';
  for (let i = 0; i < digits.length; i++) result += digitAt(digits, i);
  return result;
}

function letters(value: number, upper: boolean): string {
  if (value <= 0 || value > 780) return String(value);
  const letter = String.fromCharCode(97 + ((value - 1) % 26)).repeat(Math.ceil(value / 26));
  return upper ? letter.toUpperCase() : letter;
}

function roman(value: number, upper: boolean): string {
  if (value <= 0 || value >= 4000) return String(value);
  const table: [number, string][] = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let rest = value;
  let result = '';
  for (const [amount, symbol] of table) {
    while (rest >= amount) {
      result += symbol;
      rest -= amount;
    }
  }
  return upper ? result.toUpperCase() : result;
}

/** One list number in a `w:numFmt` format; formats not supported here are written as decimals. */
export function formatNumber(value: number, format: string): string {
  switch (format) {
    case 'none':
    case 'bullet':
      return '';
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCountingThousand':
      return chineseCounting(value);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return ideographDigital(value);
    case 'ideographTraditional':
      return value >= 1 && value <= 10 ? (HEAVENLY_STEMS[value - 1] ?? String(value)) : String(value);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return value >= 1 && value <= 20 ? String.fromCodePoint(0x2460 + value - 1) : String(value);
    case 'lowerLetter':
      return letters(value, false);
    case 'upperLetter':
      return letters(value, true);
    case 'lowerRoman':
      return roman(value, false);
    case 'upperRoman':
      return roman(value, true);
    case 'decimalZero':
      return value >= 0 && value < 10 ? `0${value}` : String(value);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(value).replace(/\d/g, (digit) => String.fromCharCode(0xff10 + Number(digit)));
    default:
      return String(value);
  }
}
