import type { Comparator } from '../model/plan-model.schema.js';

/**
 * Word lists shared by the target grammar (table cells) and the quantity scanner (running text):
 * comparators, change verbs, measure words. Kept in one place so a cell `超300座` and a sentence
 * `新建5G基站超300座` are read by the same vocabulary. All patterns apply to half-width folded text.
 */

/** Comparator words written before a value, longest first so `不低于` wins over `低于`. */
export const PREFIX_COMPARATORS: ReadonlyArray<readonly [string, Comparator]> = [
  ['不低于', '>='],
  ['不少于', '>='],
  ['不小于', '>='],
  ['不高于', '<='],
  ['不超过', '<='],
  ['不大于', '<='],
  ['不多于', '<='],
  ['控制在', '<='],
  ['超过', '>'],
  ['突破', '>'],
  ['大于', '>'],
  ['高于', '>'],
  ['多于', '>'],
  ['至少', '>='],
  ['低于', '<'],
  ['小于', '<'],
  ['少于', '<'],
  ['不足', '<'],
  ['大约', '~'],
  ['>=', '>='],
  ['<=', '<='],
  ['≥', '>='],
  ['⩾', '>='],
  ['≤', '<='],
  ['⩽', '<='],
  ['>', '>'],
  ['<', '<'],
  ['超', '>'],
  ['约', '~'],
  ['近', '~'],
  ['~', '~'],
  ['=', '='],
  ['前', '<='],
];

/** Comparator words written after a value. */
export const SUFFIX_COMPARATORS: ReadonlyArray<readonly [string, Comparator]> = [
  ['及以上', '>='],
  ['及以下', '<='],
  ['以上', '>='],
  ['以下', '<='],
  ['以内', '<='],
  ['左右', '~'],
  ['上下', '~'],
];

/** Verbs that only introduce a level (`达到50`, `保持在80`); they do not change the comparator. */
export const LEVEL_VERBS: readonly string[] = [
  '新增',
  '新建',
  '建成',
  '力争达到',
  '保持在',
  '稳定在',
  '维持在',
  '达到',
  '实现',
  '保持',
  '为',
  '达',
];

/** Verbs of increase; followed by `到`/`至` they introduce a level instead (`提高到11.7年`). */
export const INCREASE_VERBS: readonly string[] = [
  '提高',
  '提升',
  '增加',
  '增长',
  '上升',
  '扩大',
  '增收',
  '递增',
  '升',
  '增',
];
/** Verbs of decrease; `change: 'decrease'` unless followed by `到`/`至` (`降至27`). */
export const DECREASE_VERBS: readonly string[] = [
  '下降',
  '降低',
  '减少',
  '缩小',
  '压减',
  '削减',
  '缩减',
  '递减',
  '回落',
  '降',
  '减',
];

/** Measure words that may follow a value. `BIG_MEASURES` may also follow a `万`/`亿` magnitude. */
const BIG_MEASURES = [
  '吨标准煤',
  '标准煤',
  '标准箱',
  '千瓦时',
  '平方公里',
  '平方米',
  '立方米',
  '人民币',
  '公顷',
  '千瓦',
  '美元',
  '欧元',
  '人次',
  '家次',
  '标箱',
  '公斤',
  '千克',
  '公里',
  '元',
  '人',
  '户',
  '亩',
  '斤',
  '吨',
  '套',
  '个',
  '辆',
  '台',
  '件',
  '册',
  '头',
  '株',
  '家',
  '名',
  '张',
  '次',
  '瓦',
];

const PLAIN_MEASURES = [
  '个百分点',
  '百分点',
  '微克',
  '毫克',
  '小时',
  '分钟',
  '千米',
  '米',
  '克',
  '座',
  '所',
  '项',
  '条',
  '处',
  '场',
  '位',
  '床',
  '部',
  '种',
  '篇',
  '本',
  '艘',
  '架',
  '栋',
  '间',
  '块',
  '片',
  '枚',
  '根',
  '只',
  '支',
  '倍',
  '岁',
  '年',
  '天',
  '周',
  '分',
  '度',
  '%',
  '‰',
];

/** Latin-letter units accepted after a number; anything else (`5G`, `6G`, `10G PON`) is a name. */
const LATIN_MEASURES = [
  'EFLOPS',
  'PFLOPS',
  'TFLOPS',
  'kWh',
  'GWh',
  'TWh',
  'TEU',
  'Gbps',
  'Mbps',
  'GW',
  'MW',
  'kW',
  'km',
];

/** Measures that name durations, ages or scores: in running text a value with one of them needs a verb. */
export const WEAK_MEASURES: ReadonlySet<string> = new Set([
  '年',
  '岁',
  '天',
  '周',
  '小时',
  '分钟',
  '分',
  '度',
  '位',
]);

const byLength = (words: readonly string[]): string[] =>
  [...new Set(words)].sort((a, b) => b.length - a.length);
const alt = (words: readonly string[]): string => byLength(words).join('|');

const MAGNITUDE = '(?:万亿|千亿|百亿|千万|百万|亿|万)';
const ONE_MEASURE = `(?:${MAGNITUDE}(?:${alt(BIG_MEASURES)})|${alt([...PLAIN_MEASURES, ...BIG_MEASURES])}|(?:${alt(LATIN_MEASURES)})(?![A-Za-z]))`;

/**
 * A unit as written: optional magnitude, a measure word, optionally `/` and a second measure; or a
 * bare magnitude (`突破43万`), which callers treat as weak (it needs a comparator in running text).
 */
export const UNIT_SOURCE = `(?:${ONE_MEASURE}(?:/${ONE_MEASURE})?|${MAGNITUDE}(?![\\u4e00-\\u9fff]))`;

/** Matches a unit at the start of a string (anchored). */
export const UNIT_AT_START_RE = new RegExp(`^${UNIT_SOURCE}`);

/** Recognised qualitative targets: trend words with no value. */
export const QUALITATIVE_RE =
  /^(?:实现|保持|总体|整体)?(?:稳中有升|稳中有降|稳中向好|稳中求进|基本稳定|总体稳定|保持稳定|持续稳定|稳定|全覆盖|基本全覆盖|合理区间|在合理区间|(?:稳步|持续|逐步|明显|显著|有所|进一步|不断|大幅|较快|稳定)(?:提高|提升|上升|增长|增加|下降|降低|减少|改善|向好|优化|扩大|缩小|好转|稳定|巩固))(?:水平)?$/;

/** Placeholder cells meaning "no target" (`—`, `-`, `/`, `…`). */
export const PLACEHOLDER_RE = /^(?:[-—–―‐‑/\\…·.─━]+|无|暂无|不适用|N\/A|n\/a)$/;
