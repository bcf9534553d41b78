import { toHalfWidth } from '../text/width.js';

/** Magnitudes written before a unit: `万元`, `亿立方米`, `百亿元`. */
const MAGNITUDE = '(?:万亿|百万|千万|百亿|千亿|十|百|千|万|亿)?';
/** Base units of plan indicators, longest first where one is a prefix of another. */
const BASE = [
  '个百分点|百分点|%|％|‰',
  '美元|港元|人民币|元',
  '人次|人|户|家|个|件|项|座|所|张|床|辆|台|套|间|条|只|头|架|艘|篇|部|名|位|种|处|册|株|棵|批|场|班',
  '吨标准煤|吨标煤|标准煤|吨|千瓦时|千瓦|兆瓦|吉瓦|瓦|度|标箱|TEU|[kKMG]?Wh?',
  '平方公里|平方千米|平方米|立方米|公顷|亩|公里|千米|米|升|斤|公斤|千克|克|毫克|微克',
  '岁|年|月|天|日|小时|分钟|分|次|倍',
  'EFlops|PFlops|Mbps|Gbps|PB|ppm',
].join('|');
const TERM = `${MAGNITUDE}(?:${BASE})(?:[（(]${MAGNITUDE}(?:${BASE})[）)])?`;
/** A unit: one term or a compound of terms over `/` (`人/百亿元`, `微克/立方米`, `万套（间）`). */
const UNIT = new RegExp(`^${TERM}(?:[/／·]${TERM})*$`);

/** True when a cell or bracket holds a unit of measure (`%`, `万标箱`, `人/百亿元`, `个百分点`). */
export function isUnit(text: string): boolean {
  const t = toHalfWidth(text).replace(/[\s\u3000]+/g, '');
  return t.length > 0 && t.length <= 16 && UNIT.test(t);
}

/** A unit cell's text as stored: no spaces or line breaks, half-width. */
export function normaliseUnit(text: string): string {
  return toHalfWidth(text).replace(/[\s\u3000]+/g, '');
}
