import type { Plan } from '../model/plan-model.schema.js';
import { matchHeading, parseOrdinal, stripHeadingDecoration } from '../structure/heading.js';
import type { PreparedLine } from '../structure/prepared-line.js';
import { parseChineseNumeral } from '../target/chinese-numeral.js';

/** Region codes (GB/T 2260) for the regions PlanTrack has met; others are left null rather than guessed. */
const REGION_CODES: Record<string, string> = {
  中华人民共和国: '100000',
  江苏省: '320000',
  浙江省: '330000',
  常州市: '320400',
  常州市武进区: '320412',
  武进区: '320412',
  苏州市: '320500',
  杭州市: '330100',
};

/** Lines searched for a title that only ends in 规划, and read for issuer and date past the title. */
const HEAD_LINES = 40;
/** A title names the plan it is: the 国民经济和社会发展 plan, a 五年规划, a 规划纲要. */
const PLAN_TITLE = /(国民经济和社会发展|五年规划|规划纲要)/;

/**
 * Reads title, region, period, issuer and date from the opening of the document. The title is found
 * by what it says, anywhere in the opening third of the text: site navigation, an app banner or an
 * issuing notice can push it far down. A line that only ends in 规划 is taken from the first lines.
 */
export function readPlanMeta(lines: readonly PreparedLine[]): { plan: Plan; titleLines: number[] } {
  const firstHeading = lines.findIndex((l) => {
    const heading = matchHeading(l.trimmed);
    return heading !== null && heading.kind !== 'subheading';
  });
  // The opening part: up to the first 篇/章/节 (contents or body), and at least the first third.
  const opening = Math.max(HEAD_LINES, Math.ceil(lines.length / 3), firstHeading);
  const titleLines: number[] = [];
  let title = '';
  let at = lines.findIndex((l, i) => i < opening && isTitleLine(l.trimmed) && PLAN_TITLE.test(l.trimmed));
  if (at < 0) at = lines.slice(0, HEAD_LINES).findIndex((l) => isTitleLine(l.trimmed));
  const head = lines.slice(0, Math.max(HEAD_LINES, at + HEAD_LINES / 2));
  if (at >= 0) {
    title = stripHeadingDecoration(head[at]?.trimmed ?? '');
    titleLines.push(at);
    const previous = previousNonBlank(head, at);
    if (!/国民经济/.test(title) && previous >= 0 && /(发展|国民经济)$/.test(head[previous]?.trimmed ?? '')) {
      title = stripHeadingDecoration(head[previous]?.trimmed ?? '') + title;
      titleLines.unshift(previous);
    }
  }
  const region = /^(.+?)(国民经济|经济和社会|经济社会)/.exec(title)?.[1] ?? null;
  const period = readPeriod(title);
  return {
    plan: {
      title,
      region,
      regionCode: region ? (REGION_CODES[region] ?? null) : null,
      level: region ? levelOf(region) : null,
      periodStart: period?.start ?? null,
      periodEnd: period?.end ?? null,
      baselineYear: period ? period.start - 1 : null,
      issuer:
        head.map((l) => l.trimmed).find((t) => /^.{2,20}(人民政府|人民代表大会|委员会)$/.test(t)) ?? null,
      date: readDate(head.map((l) => l.trimmed)),
    },
    titleLines,
  };
}

function isTitleLine(text: string): boolean {
  const t = stripHeadingDecoration(text);
  return t.length <= 48 && /规划(纲要)?$/.test(t) && !/[《》。，]/.test(t);
}

function previousNonBlank(lines: readonly PreparedLine[], at: number): number {
  for (let k = at - 1; k >= 0; k--) if ((lines[k]?.trimmed ?? '') !== '') return k;
  return -1;
}

function readPeriod(title: string): { start: number; end: number } | null {
  const years = /(20\d\d)\s*[—–-]\s*(20\d\d)/.exec(title);
  if (years) return { start: Number(years[1]), end: Number(years[2]) };
  const nth = /第([一二三四五六七八九十]+)个五年/.exec(title);
  const n = nth ? parseOrdinal(nth[1] ?? '') : null;
  if (!n) return null;
  // The 1st plan covered 1953–1957 and the 2nd 1958–1962; after three years of adjustment the
  // 3rd began in 1966, and each one since has followed the previous.
  const start = n <= 2 ? 1953 + 5 * (n - 1) : 1966 + 5 * (n - 3);
  return { start, end: start + 4 };
}

function levelOf(region: string): Plan['level'] {
  if (region === '中华人民共和国' || region === '全国') return 'national';
  if (/(省|自治区)$/.test(region)) return 'province';
  if (/区$/.test(region)) return 'district';
  if (/县$/.test(region)) return 'county';
  if (/市$/.test(region)) return 'city';
  return null;
}

function readDate(texts: string[]): string | null {
  for (const t of texts) {
    const arabic = /^(20\d\d)年(\d{1,2})月(?:(\d{1,2})日)?$/.exec(t);
    if (arabic) return isoDate(arabic[1] ?? '', arabic[2] ?? '', arabic[3]);
    const chinese =
      /^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月(?:([一二三四五六七八九十]{1,3})日)?$/.exec(
        t,
      );
    if (chinese) {
      const year = String(parseChineseNumeral(chinese[1] ?? ''));
      const day = chinese[3] ? String(parseOrdinal(chinese[3])) : undefined;
      return isoDate(year, String(parseOrdinal(chinese[2] ?? '')), day);
    }
  }
  return null;
}

function isoDate(year: string, month: string, day: string | undefined): string {
  const mm = month.padStart(2, '0');
  return day ? `${year}-${mm}-${day.padStart(2, '0')}` : `${year}-${mm}`;
}
