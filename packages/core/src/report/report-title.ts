import type { Plan } from '../model/plan-model.schema.js';
import type { ReportKind } from './report.types.js';

/** The last administrative unit of a region (`常州市武进区` → `武进区`), as report titles name it. */
export function shortRegion(region: string | null): string {
  if (region === null) return '';
  return /[^省市]+[区县旗市]$/u.exec(region)?.[0] ?? region;
}

/** The plan's title without its region (`常州市武进区国民经济…纲要` → `国民经济…纲要`). */
function titleCore(plan: Plan): string {
  const t = plan.title;
  for (const r of [plan.region ?? '', shortRegion(plan.region)]) {
    if (r !== '' && t.startsWith(r)) return t.slice(r.length);
  }
  return t;
}

const SUFFIX: Readonly<Record<ReportKind, string>> = {
  annual: '实施情况监测报告',
  midterm: '实施中期评估报告',
  final: '实施总结评估报告',
  briefing: '实施情况简报',
};

/**
 * The report title from the plan's own region and title, e.g.
 * `武进区2026年国民经济和社会发展第十五个五年规划纲要实施情况监测报告`. Annual reports and briefings
 * name the year; evaluations cover the period and do not.
 */
export function reportTitle(kind: ReportKind, plan: Plan, year: number): string {
  const yearPart = kind === 'annual' || kind === 'briefing' ? `${year}年` : '';
  return `${shortRegion(plan.region)}${yearPart}${titleCore(plan)}${SUFFIX[kind]}`;
}

/** `2026-12-31` → `2026年12月31日` (公文 date line, Arabic numerals as GB/T 9704-2012 writes them). */
export function dateLine(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (m === null) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Chinese ordinal up to 99 (一, 十一, 二十三). */
export function chineseOrdinal(n: number): string {
  if (n <= 10) return NUMERALS[n - 1] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : (NUMERALS[tens - 1] ?? '')}十${ones === 0 ? '' : (NUMERALS[ones - 1] ?? '')}`;
}

/** Heading label by level and position: `一、`, `（一）`, `1.`. */
export function headingLabel(level: 1 | 2 | 3, n: number): string {
  if (level === 1) return `${chineseOrdinal(n)}、`;
  if (level === 2) return `（${chineseOrdinal(n)}）`;
  return `${n}.`;
}
