import type { BilingualMessage } from '../model/plan-model.schema.js';
import type { Assessment, AssessmentStatus, Forecast } from './assessment.types.js';
import { fmt } from './explanation.builder.js';

/**
 * How a status reads at the end of a plain sentence. 已实现 says the target is met; 基本符合 is
 * spelled out as practice writes it in reports.
 */
const STATUS_PHRASES: Readonly<Record<AssessmentStatus, BilingualMessage>> = {
  已实现: { zh: '已实现目标', en: 'the target is met' },
  快于预期: { zh: '快于预期', en: 'ahead of schedule' },
  符合预期: { zh: '符合预期', en: 'on track' },
  基本符合: { zh: '基本符合预期', en: 'broadly on track' },
  滞后: { zh: '进度滞后', en: 'behind schedule' },
  严重滞后: { zh: '进度严重滞后', en: 'seriously behind schedule' },
  数据不足: { zh: '暂不作评价', en: 'not assessed yet' },
};

const PERCENT = /%|％/;

/** A value with its unit as people write it: `3.9%`, `225亿元`, `4.5平方米/人`. */
function withUnit(x: number, unit: string | null): BilingualMessage {
  const v = fmt(x, 2);
  if (unit === null) return { zh: v, en: v };
  if (PERCENT.test(unit)) return { zh: `${v}%`, en: `${v}%` };
  return { zh: `${v}${unit}`, en: `${v} ${unit}` };
}

/** A change with its unit: a `%` indicator moves in percentage points. */
function changeUnit(x: number, unit: string | null): BilingualMessage {
  const v = fmt(Math.abs(x), 2);
  if (unit !== null && PERCENT.test(unit)) return { zh: `${v}个百分点`, en: `${v} percentage points` };
  return withUnit(Math.abs(x), unit);
}

/** "较基期提高0.2个百分点" / "up 0.2 percentage points on the baseline". */
function versus(v: number, ref: number, unit: string | null, what: BilingualMessage): BilingualMessage {
  const d = v - ref;
  if (fmt(d, 2) === '0' || fmt(d, 2) === '-0') return { zh: `与${what.zh}持平`, en: `level with ${what.en}` };
  const amount = changeUnit(d, unit);
  return d > 0
    ? { zh: `较${what.zh}提高${amount.zh}`, en: `up ${amount.en} on ${what.en}` }
    : { zh: `较${what.zh}下降${amount.zh}`, en: `down ${amount.en} on ${what.en}` };
}

/** "；按现有趋势2030年可达4.6%", worded for the forecast model; empty when there is none. */
function outlook(f: Forecast | null, unit: string | null): BilingualMessage {
  if (f === null) return { zh: '', en: '' };
  switch (f.model) {
    case 'linear-trend':
    case 'log-linear-trend': {
      const v = withUnit(f.value, unit);
      return f.meetsTarget
        ? {
            zh: `；按现有趋势${f.year}年可达${v.zh}`,
            en: `; on the current trend it would reach ${v.en} by ${f.year}`,
          }
        : {
            zh: `；按现有趋势${f.year}年约为${v.zh}，难以实现目标`,
            en: `; on the current trend it would be about ${v.en} in ${f.year}, short of the target`,
          };
    }
    case 'average-flow': {
      const v = withUnit(f.value, unit);
      return {
        zh: `；按已报年份的年均水平，至${f.year}年累计约${v.zh}，${f.meetsTarget ? '可以' : '难以'}实现目标`,
        en: `; at the average so far, the total by ${f.year} would be about ${v.en}, ${f.meetsTarget ? 'meeting' : 'missing'} the target`,
      };
    }
    case 'average-rate':
    case 'average-margin':
      return {
        zh: `；若保持目前态势，至${f.year}年${f.meetsTarget ? '可以' : '难以'}实现目标`,
        en: `; if the pace so far holds, the target would be ${f.meetsTarget ? 'met' : 'missed'} by ${f.year}`,
      };
  }
}

function join(parts: readonly BilingualMessage[], sepZh: string, sepEn: string): BilingualMessage {
  const kept = parts.filter((p) => p.zh !== '');
  return { zh: kept.map((p) => p.zh).join(sepZh), en: kept.map((p) => p.en).join(sepEn) };
}

/** The closing: status, the forecast, and 预警 for a binding target on course to be missed. */
function closing(a: Assessment, unit: string | null): BilingualMessage {
  const s = STATUS_PHRASES[a.status];
  const o = outlook(a.forecast, unit);
  const w = a.warning ? { zh: '，列入预警', en: '; flagged for early warning' } : { zh: '', en: '' };
  return { zh: `${s.zh}${o.zh}${w.zh}。`, en: `${s.en}${o.en}${w.en}.` };
}

/**
 * One plain sentence (zh and en) saying how an indicator stands, in the words a report uses —
 * "研发经费投入占比2026年为3.9%，较基期提高0.2个百分点，快于预期；按现有趋势2030年可达4.6%。" —
 * instead of the formula: the latest value, the comparison that matters for the target's kind
 * (baseline, pro-rata share, reference, set value, target rate), the status, the forecast and any
 * 预警. `unit` is the indicator's unit (the assessment does not carry it). Pure; the full
 * explanation with the formula stays in `Assessment.explanation`.
 */
export function plainSentence(a: Assessment, unit: string | null): BilingualMessage {
  const name = a.name;
  const latest = a.latest;
  if (a.method === 'qualitative-rule' || a.method === 'reviewer-judgement') return qualitative(a);
  if (a.status === '数据不足' || latest === null) return insufficientSentence(a, unit);
  const y = latest.period;
  const v = withUnit(latest.value, unit);
  const head: BilingualMessage = { zh: `${name}${y}年为${v.zh}`, en: `${name} was ${v.en} in ${y}` };
  const last = a.yearly[a.yearly.length - 1] ?? null;
  let middle: BilingualMessage = { zh: '', en: '' };
  switch (a.method) {
    case 'level-path':
    case 'level-change':
    case 'range-band':
      if (a.baseline !== null)
        middle = versus(latest.value, a.baseline.value, unit, { zh: '基期', en: 'the baseline' });
      break;
    case 'rate-cagr': {
      const avg =
        a.forecast?.model === 'average-rate'
          ? {
              zh: `规划期以来年均${fmt(a.forecast.value, 2)}%，`,
              en: `averaging ${fmt(a.forecast.value, 2)}% a year so far, `,
            }
          : { zh: '', en: '' };
      const t = a.targetValue === null ? '—' : fmt(a.targetValue, 2);
      middle = { zh: `${avg.zh}目标年均${t}%`, en: `${avg.en}against a target of ${t}% a year` };
      break;
    }
    case 'cumulative-sum':
      if (last !== null && a.targetValue !== null && a.targetValue !== 0) {
        const sum = withUnit(last.value, unit);
        const done = fmt((last.value / a.targetValue) * 100, 1);
        const due = last.required === null ? null : fmt((last.required / a.targetValue) * 100, 1);
        const dueZh = due === null ? '' : `（按时序应完成${due}%）`;
        const dueEn = due === null ? '' : ` (${due}% due by now)`;
        return join(
          [
            {
              zh: `${name}规划期以来累计${sum.zh}，完成目标的${done}%${dueZh}`,
              en: `${name} totals ${sum.en} so far in the plan period, ${done}% of the target${dueEn}`,
            },
            closing(a, unit),
          ],
          '，',
          ', ',
        );
      }
      break;
    case 'cumulative-change':
      if (last !== null) {
        const down = /下降|降低|减少/.test(`${name}${a.targetText}`);
        const word = down ? { zh: '下降', en: 'reduction' } : { zh: '提高', en: 'increase' };
        const due = last.required === null ? '' : fmt(last.required, 2);
        middle = {
          zh: `规划期以来累计${word.zh}${fmt(last.value, 2)}%${due === '' ? '' : `，按时序应达${due}%`}`,
          en: `a cumulative ${word.en} of ${fmt(last.value, 2)}% so far${due === '' ? '' : ` against ${due}% due`}`,
        };
      }
      break;
    case 'relative-reference':
    case 'external-set-value':
      if (last !== null && last.required !== null) {
        const what =
          a.method === 'external-set-value'
            ? { zh: '上级下达值', en: 'the value set by the higher level' }
            : {
                zh: `参照值（${a.inputs.reference?.name ?? '参照'}）`,
                en: `the reference (${a.inputs.reference?.name ?? 'reference'})`,
              };
        const r = withUnit(last.required, unit);
        middle = {
          zh: `${what.zh}为${r.zh}，${last.ok ? '当年达到要求' : '当年未达到要求'}`,
          en: `${what.en} was ${r.en}, ${last.ok ? 'met that year' : 'not met that year'}`,
        };
      }
      break;
    case 'none':
      break;
  }
  return join([head, middle, closing(a, unit)], '，', ', ');
}

/** Qualitative targets: the status and what it rests on (rule or the reviewer's note). */
function qualitative(a: Assessment): BilingualMessage {
  const j = a.inputs.judgement;
  const basis =
    j !== null
      ? {
          zh: `（审核人判断${j.note === null ? '' : `：${j.note}`}）`,
          en: ` (reviewer's judgement${j.note === null ? '' : `: ${j.note}`})`,
        }
      : a.status === '数据不足'
        ? { zh: '，尚无可据以评价的进展记录', en: ', with no recorded progress to judge by yet' }
        : { zh: '', en: '' };
  const s = STATUS_PHRASES[a.status];
  return {
    zh: `${a.name}为定性目标（“${a.targetText}”），${a.asOf}年评价为${s.zh}${basis.zh}。`,
    en: `${a.name} has a qualitative target ("${a.targetText}"); in ${a.asOf} it is ${s.en}${basis.en}.`,
  };
}

/** 数据不足: say what is missing, never a number that is not there. */
function insufficientSentence(a: Assessment, unit: string | null): BilingualMessage {
  if (a.latest === null)
    return {
      zh: `${a.name}尚无${a.asOf}年及以前口径一致的监测数据，暂不作评价。`,
      en: `${a.name} has no in-scope figure up to ${a.asOf} yet, so it is not assessed.`,
    };
  const v = withUnit(a.latest.value, unit);
  const reason = a.flags.find((f) => f.code === 'reference-missing' || f.code === 'direction-unknown');
  return {
    zh: `${a.name}${a.latest.period}年为${v.zh}，${reason === undefined ? '现有数据尚不足以判断进度' : reason.message.zh}，暂不作评价。`,
    en: `${a.name} was ${v.en} in ${a.latest.period}; ${reason === undefined ? 'the data cannot yet decide progress' : reason.message.en}, so it is not assessed.`,
  };
}
