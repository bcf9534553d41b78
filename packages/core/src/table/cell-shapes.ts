import type { MappedText } from '../text/mapped-text.js';
import type { ColumnRole } from './columns.js';
import { EMPTY_CELL, looksLikeValue } from './raw-table.js';

/**
 * What a cell of each column can look like, used to decide where a flattened row's cells belong when
 * a cell is wrapped over several lines: a number or target phrase, an attribute word, a unit, a group
 * label. The shapes are those of Chinese plan indicator tables in general, not of one document.
 */

const ATTRIBUTE_WORD = /^(预期性|约束性)$/;
const ITEM_COUNT = /^[（(][\s\u3000]*\d+[\s\u3000]*项[\s\u3000]*[）)]$/;
/** Units end in a measure word or are a ratio/percentage; they are short and carry no number. */
const UNIT_WORD =
  /^[万亿千百十]?[^\d\s]{0,4}(元|人|家|件|个|岁|年|斤|亩|米|吨|煤|分|点|座|次|台|辆|户|所|张|条|项|倍|克|度|瓦|箱|顷|里|套|间|天|时|床|册|辆|秒)([（(][^（）()]{1,3}[）)])?$/;

export function isAttributeWord(text: string): boolean {
  return ATTRIBUTE_WORD.test(text.trim());
}

/** `（7项）`: the item count written under a group label. */
export function isItemCount(text: string): boolean {
  return ITEM_COUNT.test(text.trim());
}

export function isUnitLike(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 8 || /\d/.test(t)) return false;
  return /^[%％‰‱]$/.test(t) || /[/／]/.test(t) || UNIT_WORD.test(t);
}

/** A group label or a piece of one: `经济`, `一、经济强`, `（7项）`, `高质量发展\n指标`. */
export function isGroupLike(text: string): boolean {
  const t = text.trim();
  if (isItemCount(t)) return true;
  if (isAttributeWord(t) || looksLikeValue(t)) return false;
  return /^([一二三四五六七八九十]+、)?[\u4e00-\u9fff“”]{1,16}([（(][\s\u3000]*\d+[\s\u3000]*项[\s\u3000]*[）)])?$/.test(
    t,
  );
}

/** True when a cell text fits a column of this role. */
export function fitsColumn(text: string, role: ColumnRole['role']): boolean {
  const t = text.trim();
  if (role === 'attribute') return isAttributeWord(t);
  if (role === 'unit') return isUnitLike(t) || EMPTY_CELL.test(t);
  if (isAttributeWord(t)) return false;
  return EMPTY_CELL.test(t) || looksLikeValue(t);
}

/**
 * True when a cell's text cannot end where the line ends: a bracket left open (`细颗粒物（PM`), or a
 * trailing slash of a ratio unit (`人/`). The next line then continues the same cell.
 */
export function isOpenCell(text: string): boolean {
  const t = text.trim();
  if (EMPTY_CELL.test(t)) return false;
  const open = (t.match(/[（(【［[〔]/g) ?? []).length;
  const close = (t.match(/[）)】］\]〕]/g) ?? []).length;
  return open > close || /[/／、]$/.test(t);
}

/** True when a line cannot start a cell: it closes a bracket opened on the line before (`）浓度`). */
export function startsClosed(text: string): boolean {
  return /^[）)】］\]〕]/.test(text.trim());
}

/** `其中：基础研究经费占比` → `基础研究经费占比`: the marker says it is a sub-indicator, not its name. */
export function withoutSubMarker(name: MappedText): MappedText {
  const marker = /^其中[:：]?[\s\u3000]*/.exec(name.text);
  return marker ? name.slice(marker[0].length) : name;
}
