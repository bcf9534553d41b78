import { type PublishedFigure, coreName, readPublishedStatistics, toHalfWidth } from '@plantrack/core';
import {
  type DatabaseHandle,
  type IndicatorRow,
  InvalidInputError,
  appendAudit,
  listIndicators,
  listPlans,
  migrateToLatest,
  observationRepository,
  openDatabase,
  writeTransaction,
} from '@plantrack/db';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

type Db = DatabaseHandle['db'];

/** The actor published statistics are recorded by (revisions and audit rows). */
export const STATISTICS_ACTOR = 'system:statistics-loader';

/** A figure stored (or found already stored) as an approved observation. */
export type LoadedFigure = {
  line: number;
  indicatorId: string;
  indicatorName: string;
  period: string;
  scope: string;
  value: number;
  unit: string;
  estimated: boolean;
  source: string;
};

/** A figure of the file that is not stored, with the reason. */
export type NotLoadedFigure = {
  line: number;
  measure: string;
  year: number | null;
  text: string;
  reason: { zh: string; en: string };
};

export type StatisticsLoadResult = {
  planId: string;
  added: LoadedFigure[];
  unchanged: LoadedFigure[];
  notLoaded: NotLoadedFigure[];
};

export type LoadStatisticsInput = {
  /** The Markdown text of the published-statistics file. */
  text: string;
  /** Its name, written into each observation's comment. */
  fileName: string;
  /** Plan id or slug; may be left out when the store holds one plan. */
  plan?: string | undefined;
};

/**
 * Stores published statistics as approved observations of the plan's indicators. A figure maps to
 * an indicator only when it is the same measure (the indicator's name without its bracketed parts
 * equals the statistic's, e.g. `一般公共预算收入`, `地区生产总值（GDP）增长` = `地区生产总值增长`) in
 * the same unit; nothing is converted. Each figure becomes a submission and an approval by
 * {@link STATISTICS_ACTOR} with the row's source, 口径 and 预计 flag, audited. Idempotency keys
 * derived from the figure make a second run add nothing; an observation someone else already
 * recorded for the same indicator, year and 口径 is never overwritten. All or nothing.
 */
export async function loadStatistics(db: Db, input: LoadStatisticsInput): Promise<StatisticsLoadResult> {
  const planId = await resolvePlan(db, input.plan);
  const indicators = await listIndicators(db, planId);
  const { figures, skipped } = readPublishedStatistics(input.text);
  const result: StatisticsLoadResult = {
    planId,
    added: [],
    unchanged: [],
    notLoaded: skipped.map((s) => ({
      line: s.line,
      measure: s.measure,
      year: null,
      text: s.text,
      reason: s.reason,
    })),
  };
  const seen = new Map<string, number>();
  const mapped: { figure: PublishedFigure; indicator: IndicatorRow }[] = [];
  for (const figure of figures) {
    const notLoaded = (reason: { zh: string; en: string }): void => {
      result.notLoaded.push({
        line: figure.line,
        measure: figure.measure,
        year: figure.year,
        text: figure.valueText,
        reason,
      });
    };
    const match = matchIndicator(figure, indicators);
    if ('zh' in match) {
      notLoaded(match);
      continue;
    }
    const identity = `${match.indicatorId}|${figure.year}|${figure.scope}`;
    const first = seen.get(identity);
    if (first !== undefined) {
      notLoaded({
        zh: `与第 ${first} 行是同一指标、年份和口径，只取第一行`,
        en: `same indicator, year and scope as line ${first}; only the first is kept`,
      });
      continue;
    }
    seen.set(identity, figure.line);
    mapped.push({ figure, indicator: match });
  }
  await writeTransaction(db, async (trx) => {
    for (const { figure, indicator } of mapped) {
      const outcome = await storeFigure(trx, figure, indicator, input.fileName);
      const loaded = loadedOf(figure, indicator);
      if (outcome === 'added') result.added.push(loaded);
      else if (outcome === 'unchanged') result.unchanged.push(loaded);
      else
        result.notLoaded.push({
          line: figure.line,
          measure: figure.measure,
          year: figure.year,
          text: figure.valueText,
          reason: outcome,
        });
    }
    if (result.added.length > 0) {
      await appendAudit(trx, {
        actor: STATISTICS_ACTOR,
        action: 'statistics.load',
        entity: 'plan',
        entityId: planId,
        planId,
        detail: {
          file: input.fileName,
          added: result.added.length,
          unchanged: result.unchanged.length,
          notLoaded: result.notLoaded.length,
        },
      });
    }
  });
  result.notLoaded.sort((a, b) => a.line - b.line);
  return result;
}

/**
 * `plantrack load-statistics FILE`: opens the store (the SQLite folder, or PostgreSQL when
 * `databaseUrl` is given), brings it to the latest schema, loads the file and closes the store.
 */
export async function loadStatisticsFile(options: {
  file: string;
  plan?: string | undefined;
  dataDir?: string | undefined;
  databaseUrl?: string | undefined;
}): Promise<StatisticsLoadResult> {
  const text = await readFile(options.file, 'utf8');
  const handle = openDatabase(
    options.databaseUrl === undefined
      ? { dataDir: options.dataDir ?? './data' }
      : { url: options.databaseUrl },
  );
  try {
    await migrateToLatest(handle.db);
    return await loadStatistics(handle.db, { text, fileName: basename(options.file), plan: options.plan });
  } finally {
    await handle.close();
  }
}

async function resolvePlan(db: Db, plan: string | undefined): Promise<string> {
  const plans = await listPlans(db);
  if (plan !== undefined) {
    const found = plans.find((p) => p.id === plan || p.slug === plan);
    if (found === undefined) {
      throw new InvalidInputError({ zh: `没有这个规划：${plan}`, en: `No such plan: ${plan}` });
    }
    return found.id;
  }
  const [only, ...more] = plans;
  if (only === undefined || more.length > 0) {
    throw new InvalidInputError({
      zh: `库中有 ${plans.length} 个规划，请用 --plan 指定一个。`,
      en: `The store holds ${plans.length} plans; name one with --plan.`,
    });
  }
  return only.id;
}

function matchIndicator(
  figure: PublishedFigure,
  indicators: readonly IndicatorRow[],
): IndicatorRow | { zh: string; en: string } {
  if (figure.measure.startsWith('常州市')) {
    return {
      zh: '常州市（全市）数字，是参照值，不是本区指标的监测值',
      en: 'a figure of Changzhou city as a whole: a reference value, not an observation of a district indicator',
    };
  }
  const indicator = indicators.find((i) => coreName(i.name) === figure.measure);
  if (indicator === undefined) {
    return {
      zh: `规划指标表中没有“${figure.measure}”这一指标（不按相近指标换算）`,
      en: `the plan's indicator table has no “${figure.measure}” (no similar indicator is substituted)`,
    };
  }
  if (indicator.unit !== null && unitKey(indicator.unit) !== unitKey(figure.unit)) {
    return {
      zh: `单位“${figure.unit}”与指标单位“${indicator.unit}”不同，不作换算`,
      en: `the unit “${figure.unit}” differs from the indicator's “${indicator.unit}”; nothing is converted`,
    };
  }
  return indicator;
}

function unitKey(unit: string): string {
  return toHalfWidth(unit).replace(/[\s()（）]/g, '');
}

/** Submits and approves one figure, unless it (or someone else's value) is already there. */
async function storeFigure(
  trx: Db,
  figure: PublishedFigure,
  indicator: IndicatorRow,
  fileName: string,
): Promise<'added' | 'unchanged' | { zh: string; en: string }> {
  const ref = { indicatorId: indicator.indicatorId, period: String(figure.year), scope: figure.scope };
  const digest = createHash('sha256')
    .update(
      JSON.stringify([ref.indicatorId, ref.period, ref.scope, figure.value, figure.unit, figure.source]),
    )
    .digest('hex')
    .slice(0, 32);
  const submitKey = `statistics:${digest}:submit`;
  const approveKey = `statistics:${digest}:approve`;
  const latest = await observationRepository.latest(trx, ref);
  if (latest?.idempotencyKey === approveKey) return 'unchanged';
  const ours = latest === undefined || (latest.idempotencyKey === submitKey && latest.status === 'submitted');
  if (!ours) {
    return {
      zh: `该指标 ${ref.period} 年（${ref.scope}）已有监测值（第 ${latest.revisionNo} 版，${latest.status}），不覆盖`,
      en: `the indicator already has a value for ${ref.period} (${ref.scope}) (revision ${latest.revisionNo}, ${latest.status}); not overwritten`,
    };
  }
  const common = { ref, actor: STATISTICS_ACTOR };
  if (latest === undefined) {
    await observationRepository.submit(trx, {
      ...common,
      expectedRevision: 0,
      idempotencyKey: submitKey,
      values: {
        value: figure.value,
        valueText: figure.valueText,
        unit: figure.unit,
        estimated: figure.estimated,
        source: figure.source,
        comment: `已公布统计数据，导入自 ${fileName} 第 ${figure.line} 行；口径原文：${figure.scopeText || '（无）'}`,
        evidence: [],
      },
    });
  }
  await observationRepository.approve(trx, {
    ...common,
    expectedRevision: latest?.revisionNo ?? 1,
    idempotencyKey: approveKey,
    // Already published by the statistics bureau: no one's own entry for a second person to check.
    selfReview: 'published-statistics',
    note: '已公布统计数据 / published statistics',
  });
  return 'added';
}

function loadedOf(figure: PublishedFigure, indicator: IndicatorRow): LoadedFigure {
  return {
    line: figure.line,
    indicatorId: indicator.indicatorId,
    indicatorName: indicator.name,
    period: String(figure.year),
    scope: figure.scope,
    value: figure.value,
    unit: figure.unit,
    estimated: figure.estimated,
    source: figure.source,
  };
}
