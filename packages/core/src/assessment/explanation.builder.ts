import type { BilingualMessage, Comparator } from '../model/plan-model.schema.js';
import type {
  AssessmentFlag,
  AssessmentStatus,
  BaselineUsed,
  BindingVerdict,
  DirectionResolution,
  Forecast,
  RequiredChange,
  SetAsideObservation,
  UsedObservation,
} from './assessment.types.js';
import { STATUS_LABELS } from './status-scale.js';

/**
 * Format a number for people: at most `digits` decimals, trailing zeros dropped, `—` for
 * non-finite values. Integer arithmetic and small-integer `String()` rather than `toFixed` or
 * `Intl.NumberFormat`: the engine formats tens of thousands of numbers per run.
 */
export function fmt(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return '—';
  const p = POWERS[digits] ?? Math.pow(10, digits);
  const scaled = Math.round(Math.abs(x) * p);
  if (scaled === 0) return '0';
  // Beyond 2^53 integer arithmetic is inexact; such numbers have no decimals worth showing anyway.
  if (scaled > 9e15) return String(Math.round(x));
  const int = Math.floor(scaled / p);
  let frac = scaled - int * p;
  const sign = x < 0 ? '-' : '';
  if (frac === 0) return sign + String(int);
  let d = digits;
  while (frac % 10 === 0) {
    frac /= 10;
    d--;
  }
  const fs = String(frac);
  return `${sign}${int}.${fs.length < d ? '0'.repeat(d - fs.length) + fs : fs}`;
}

const POWERS = [1, 10, 100, 1000, 10000, 100000];

/** A fraction as a percentage (`0.052` → `5.2%`). */
export function pct(fraction: number, digits = 2): string {
  return `${fmt(fraction * 100, digits)}%`;
}

/** Comparator words: `以上`/`以下`/`左右`. */
export function opWords(op: Comparator | null): BilingualMessage {
  switch (op) {
    case '>=':
      return { zh: '不低于', en: 'at least' };
    case '>':
      return { zh: '高于', en: 'above' };
    case '<=':
      return { zh: '不高于', en: 'at most' };
    case '<':
      return { zh: '低于', en: 'below' };
    case '~':
      return { zh: '约', en: 'about' };
    case '=':
    case null:
      return { zh: '达到', en: 'reach' };
  }
}

/** Unit suffix for amounts: a `%` unit moves in percentage points. */
export function amountUnit(unit: string | null): BilingualMessage {
  if (unit === null) return { zh: '', en: '' };
  if (/%|％/.test(unit)) return { zh: '个百分点', en: ' percentage points' };
  return { zh: unit, en: ` ${unit}` };
}

/** Build the "还需年均…" object from a rate (%) or amount. */
export function requiredText(
  kind: RequiredChange['kind'],
  value: number,
  unit: string | null,
  yearsLeft: number,
  from: number,
  reduction = false,
): RequiredChange {
  let text: BilingualMessage;
  if (kind === 'annual-rate' && reduction) {
    // The value is itself a reduction rate (`单位GDP能耗降低`): "降低" is the natural verb.
    text =
      value >= 0
        ? {
            zh: `自${from}年起还需年均降低${fmt(value)}%`,
            en: `From ${from}, an average annual reduction of ${fmt(value)}% is needed`,
          }
        : {
            zh: `自${from}年起即使年均上升${fmt(-value)}%仍可达标`,
            en: `From ${from}, even an average annual rise of up to ${fmt(-value)}% would still meet it`,
          };
  } else if (kind === 'annual-rate') {
    text =
      value >= 0
        ? {
            zh: `自${from}年起还需年均增长${fmt(value)}%`,
            en: `From ${from}, ${fmt(value)}% average annual growth is needed`,
          }
        : {
            zh: `自${from}年起还需年均下降${fmt(-value)}%`,
            en: `From ${from}, an average annual fall of ${fmt(-value)}% is needed`,
          };
  } else {
    const u = amountUnit(unit);
    text =
      value >= 0
        ? {
            zh: `自${from}年起还需年均提高${fmt(value)}${u.zh}`,
            en: `From ${from}, +${fmt(value)}${u.en} a year is needed`,
          }
        : {
            zh: `自${from}年起还需年均降低${fmt(-value)}${u.zh}`,
            en: `From ${from}, −${fmt(-value)}${u.en} a year is needed`,
          };
  }
  return { kind, value, unit: kind === 'annual-rate' ? '%' : unit, yearsLeft, text };
}

const SET_ASIDE_WORDS: Readonly<Record<SetAsideObservation['reason'], BilingualMessage>> = {
  'scope-mismatch': { zh: '口径不同', en: 'other scope' },
  'scope-unstated': { zh: '口径未注明', en: 'scope unstated' },
  superseded: { zh: '已被更新数据替代', en: 'superseded' },
  'after-as-of': { zh: '晚于评估年', en: 'after the assessment year' },
  'before-baseline': { zh: '早于基期，仅作参考', en: 'before the baseline, context only' },
  'no-value': { zh: '无数值', en: 'no value' },
  draft: { zh: '草稿', en: 'draft' },
  returned: { zh: '已退回', en: 'returned' },
};

/** Everything the final text needs, gathered by the engine. */
export type ExplanationParts = {
  seq: string;
  name: string;
  unit: string | null;
  targetText: string;
  attribute: string | null;
  direction: DirectionResolution;
  scope: string | null;
  baseline: BaselineUsed | null;
  points: readonly UsedObservation[];
  setAside: readonly SetAsideObservation[];
  methodName: BilingualMessage;
  formula: BilingualMessage;
  steps: readonly BilingualMessage[];
  status: AssessmentStatus;
  binding: { period: number; verdict: BindingVerdict }[] | null;
  warning: boolean;
  forecast: Forecast | null;
  forecastText: BilingualMessage | null;
  required: RequiredChange | null;
  flags: readonly AssessmentFlag[];
};

/** Push the list of points used to both languages, formatting each number once. */
function pushPoints(z: string[], e: string[], points: readonly UsedObservation[]): void {
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as UsedObservation;
    const v = fmt(p.value, 3);
    if (i > 0) {
      z.push('、');
      e.push(', ');
    }
    z.push(String(p.period), '年 ', v, p.estimated ? '（预计）' : '');
    e.push(String(p.period), ': ', v, p.estimated ? ' (est.)' : '');
  }
}

/**
 * The plain-language explanation: the indicator and target, the inputs used (with scope and
 * what was set aside), the method and formula, the numbers, the status, the forecast and the
 * required change, then every flag. Chinese first; the English text says the same.
 * Built from pieces joined once: a flat string per language, so thousands of retained
 * assessments do not keep thousands of string fragments alive.
 */
export function composeExplanation(x: ExplanationParts): BilingualMessage {
  const z: string[] = [];
  const e: string[] = [];
  const unit = x.unit === null ? '' : `（${x.unit}）`;
  const unitEn = x.unit === null ? '' : ` (${x.unit})`;
  const attr = x.attribute === null ? '' : `，${x.attribute}`;
  const attrEn = x.attribute === '约束性' ? ', binding' : x.attribute === '预期性' ? ', expected' : '';
  z.push(
    x.seq,
    '. ',
    x.name,
    unit,
    '：目标“',
    x.targetText,
    '”',
    attr,
    '。方向：',
    x.direction.reason.zh,
    '。口径：',
    x.scope ?? '未注明',
    '。',
  );
  e.push(
    x.seq,
    '. ',
    x.name,
    unitEn,
    ': target "',
    x.targetText,
    '"',
    attrEn,
    '. Direction: ',
    x.direction.reason.en,
    '. Scope: ',
    x.scope ?? 'unstated',
    '.',
  );
  if (x.baseline !== null) {
    const b = x.baseline;
    const v = fmt(b.value, 3);
    z.push('基期：', String(b.year), '年 ', v, b.estimated ? '（预计）' : '', '。');
    e.push(' Baseline: ', String(b.year), ': ', v, b.estimated ? ' (est.)' : '', '.');
  }
  if (x.points.length > 0) {
    z.push('采用数据：');
    e.push(' Data used: ');
    pushPoints(z, e, x.points);
    z.push('。');
    e.push('.');
  } else {
    z.push('采用数据：无。');
    e.push(' Data used: none.');
  }
  if (x.setAside.length > 0) {
    z.push('未纳入：');
    e.push(' Not used: ');
    for (let i = 0; i < x.setAside.length; i++) {
      const s = x.setAside[i] as SetAsideObservation;
      const w = SET_ASIDE_WORDS[s.reason];
      const v = s.value === null ? '—' : fmt(s.value, 3);
      // An unstated scope is itself the reason; say it once.
      const zScope = s.scope ?? (s.reason === 'scope-unstated' ? null : '口径未注明');
      const eScope = s.scope ?? (s.reason === 'scope-unstated' ? null : 'scope unstated');
      if (i > 0) {
        z.push('、');
        e.push(', ');
      }
      z.push(String(s.period), '年 ', v, '（', zScope === null ? '' : `${zScope}，`, w.zh, '）');
      e.push(String(s.period), ': ', v, ' (', eScope === null ? '' : `${eScope}, `, w.en, ')');
    }
    z.push('。');
    e.push('.');
  }
  z.push('方法：', x.methodName.zh, '；公式：', x.formula.zh, '。');
  e.push(' Method: ', x.methodName.en, '; formula: ', x.formula.en, '.');
  for (const s of x.steps) {
    z.push(s.zh);
    e.push(' ', s.en);
  }
  const label = STATUS_LABELS[x.status];
  z.push('结论：', label.zh, '。');
  e.push(' Result: ', label.en, '.');
  if (x.forecastText !== null) {
    z.push(x.forecastText.zh);
    e.push(' ', x.forecastText.en);
  }
  if (x.required !== null) {
    z.push(x.required.text.zh, '。');
    e.push(' ', x.required.text.en, '.');
  }
  if (x.binding !== null && x.binding.length > 0) {
    z.push('约束性逐年：');
    e.push(' Binding, by year: ');
    for (let i = 0; i < x.binding.length; i++) {
      const b = x.binding[i] as { period: number; verdict: BindingVerdict };
      z.push(i > 0 ? '、' : '', String(b.period), '年', b.verdict);
      e.push(i > 0 ? ', ' : '', String(b.period), b.verdict === '达标' ? ' met' : ' not met');
    }
    z.push('。');
    e.push('.');
  }
  if (x.warning) {
    z.push('预警：按当前趋势，目标年难以完成约束性目标。');
    e.push(' Warning: on the current trend this binding target will be missed.');
  }
  // The inferred direction is already stated at the top; the other flags are listed once.
  let notes = 0;
  for (const f of x.flags) {
    if (f.code === 'direction-inferred') continue;
    z.push(notes === 0 ? '说明：' : '；', f.message.zh);
    e.push(notes === 0 ? ' Notes: ' : '; ', f.message.en);
    notes++;
  }
  if (notes > 0) {
    z.push('。');
    e.push('.');
  }
  return { zh: z.join(''), en: e.join('') };
}

/** The forecast sentence, worded for the forecast model. */
export function forecastSentence(f: Forecast, unit: string | null): BilingualMessage {
  const u = unit ?? '';
  const verdictZh = f.meetsTarget ? '可以实现目标' : '难以实现目标';
  const verdictEn = f.meetsTarget ? 'the target would be met' : 'the target would be missed';
  switch (f.model) {
    case 'linear-trend':
    case 'log-linear-trend': {
      const m =
        f.model === 'linear-trend'
          ? { zh: '线性', en: 'linear' }
          : { zh: '对数线性（复合增长）', en: 'log-linear (compound)' };
      return {
        zh: `按${f.pointsUsed}个数据点的${m.zh}趋势预测，${f.year}年约为 ${fmt(f.value)}${u}，${verdictZh}。`,
        en: `On the ${m.en} trend of ${f.pointsUsed} points, ${f.year} would be about ${fmt(f.value)}${u}: ${verdictEn}.`,
      };
    }
    case 'average-rate':
      return {
        zh: `若此后保持已实现的年均 ${fmt(f.value)}%，至${f.year}年${verdictZh}。`,
        en: `If the average of ${fmt(f.value)}% a year so far continues to ${f.year}, ${verdictEn}.`,
      };
    case 'average-flow':
      return {
        zh: `按已报年份的年均值推算，至${f.year}年累计约 ${fmt(f.value)}${u}，${verdictZh}。`,
        en: `At the average of the years reported, the total by ${f.year} would be about ${fmt(f.value)}${u}: ${verdictEn}.`,
      };
    case 'average-margin':
      return {
        zh: `若保持目前与参照值的平均差距 ${fmt(f.value)}，至${f.year}年${verdictZh}。`,
        en: `If the average margin over the reference (${fmt(f.value)}) holds to ${f.year}, ${verdictEn}.`,
      };
  }
}
