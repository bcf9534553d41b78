import { type Assessment, STATUS_LABELS, plainSentence } from '@plantrack/core';
import type { Assessment as AssessmentDto } from '@plantrack/api';

/**
 * What the engine returns, minus the reviewer judgement (not stored yet), plus the plain
 * sentence people read first (`unit` is the indicator's: the assessment does not carry it).
 */
export function presentAssessment(a: Assessment, unit: string | null): AssessmentDto {
  const { observations, setAside, reference } = a.inputs;
  return { ...a, inputs: { observations, setAside, reference }, plainSentence: plainSentence(a, unit) };
}

/** Observed values the assessment used, baseline first: the card's sparkline. */
export function sparkline(a: Assessment): [number, number][] {
  const out: [number, number][] = [];
  if (a.baseline !== null) out.push([a.baseline.year, a.baseline.value]);
  for (const o of a.inputs.observations) out.push([o.period, o.value]);
  return out;
}

/** Flags that best say why the data cannot decide, most telling first. */
const INSUFFICIENT_REASONS = [
  'reference-missing',
  'unparsed-target',
  'direction-unknown',
  'no-plan-period-data',
  'single-point',
  'no-baseline',
];

/**
 * One line for a card: the status with its method and the figure that decided it, or — for
 * 数据不足 — the reason. The full explanation is one request away (`/assessment`).
 */
export function shortExplanation(a: Assessment): { zh: string; en: string } {
  const label = STATUS_LABELS[a.status];
  if (a.status === '数据不足') {
    const flag = INSUFFICIENT_REASONS.map((code) => a.flags.find((f) => f.code === code)).find(
      (f) => f !== undefined,
    );
    return {
      zh: `数据不足：${flag?.message.zh ?? '现有数据不足以判断'}`,
      en: `Insufficient data: ${flag?.message.en ?? 'the data cannot decide yet'}`,
    };
  }
  const zh = [`${label.zh}（${a.methodName.zh}）`];
  const en = [`${label.en} (${a.methodName.en})`];
  if (a.progressRatio !== null) {
    zh.push(`进度比 ${a.progressRatio.toFixed(2)}`);
    en.push(`progress ratio ${a.progressRatio.toFixed(2)}`);
  }
  if (a.required !== null) {
    zh.push(a.required.text.zh);
    en.push(a.required.text.en);
  }
  if (a.warning) {
    zh.push('预警：按当前趋势难以实现目标');
    en.push('warning: the trend misses the target');
  }
  return { zh: zh.join('；'), en: en.join('; ') };
}
