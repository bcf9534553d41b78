import { type IndicatorRow, listIndicators } from '@plantrack/db';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { notFound } from '../errors.js';
import {
  ExportBaselineSchema,
  PlanExportSchema,
  ProblemSchema,
  type PublishedObservationSchema,
} from '@plantrack/api';

/**
 * Downloads of a plan's published data for the public (no sign-in): CSV for Excel and JSON for
 * programs. The same rule as `GET /api/public/plans/:planId/indicators` decides what is published:
 * indicators of the newest version with the publish flag, and for each observation only its value
 * in force — the newest approved revision. Drafts, submissions under review and returned values
 * never leave the store here.
 */

type PlanExport = z.infer<typeof PlanExportSchema>;
type PublishedObservation = z.infer<typeof PublishedObservationSchema>;

const PlanParams = z.object({ planId: z.string().min(1).max(100) });

export const exportRoutes: FastifyPluginCallbackZod<{ ctx: AppContext }> = (app, { ctx }, done) => {
  app.get(
    '/api/public/plans/:planId/export.json',
    {
      schema: {
        tags: ['public'],
        summary: 'Published indicators with their approved values, as JSON (no sign-in)',
        params: PlanParams,
        response: { 200: PlanExportSchema, 400: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const data = await publishedData(ctx, request.params.planId);
      return reply
        .header('content-disposition', attachment(data.plan, 'json'))
        .header('cache-control', 'no-cache')
        .send(data);
    },
  );

  app.get(
    '/api/public/plans/:planId/export.csv',
    {
      schema: {
        tags: ['public'],
        summary:
          'Published indicators with their approved values, as CSV for Excel (UTF-8 with BOM, Chinese header row; no sign-in)',
        params: PlanParams,
        produces: ['text/csv'],
        response: {
          200: z.any().describe('text/csv: one row per approved value (or per indicator without one)'),
          400: ProblemSchema,
          404: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const data = await publishedData(ctx, request.params.planId);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachment(data.plan, 'csv'))
        .header('cache-control', 'no-cache')
        .send(Buffer.from(`\uFEFF${toCsv(data)}`, 'utf8'));
    },
  );
  done();
};

/** The published indicators of the plan's newest version and their values in force. */
async function publishedData(ctx: AppContext, planId: string): Promise<PlanExport> {
  const plan = await ctx.db
    .selectFrom('plans')
    .select(['id', 'slug', 'title'])
    .where('id', '=', planId)
    .executeTakeFirst();
  if (plan === undefined) throw notFound(planId);
  const indicators = (await listIndicators(ctx.db, planId)).filter((i) => i.published);
  const baselines = await baselinesOf(ctx, indicators);
  const observations = await valuesInForce(
    ctx,
    indicators.map((i) => i.indicatorId),
  );
  return {
    plan,
    generatedAt: new Date().toISOString(),
    indicators: indicators.map((i) => ({
      id: i.indicatorId,
      group: i.groupName,
      seq: i.seq,
      name: i.name,
      unit: i.unit,
      attribute: i.attribute,
      baseline: baselines.get(i.indicatorVersionId) ?? null,
      target: i.target.text,
      scope: i.scope,
      observations: observations.get(i.indicatorId) ?? [],
    })),
  };
}

async function baselinesOf(
  ctx: AppContext,
  indicators: readonly IndicatorRow[],
): Promise<Map<string, z.infer<typeof ExportBaselineSchema>>> {
  if (indicators.length === 0) return new Map();
  const rows = await ctx.db
    .selectFrom('indicator_versions')
    .select(['id', 'baseline_json'])
    .where(
      'id',
      'in',
      indicators.map((i) => i.indicatorVersionId),
    )
    .execute();
  const out = new Map<string, z.infer<typeof ExportBaselineSchema>>();
  for (const r of rows) {
    if (r.baseline_json !== null) out.set(r.id, ExportBaselineSchema.parse(JSON.parse(r.baseline_json)));
  }
  return out;
}

/** Per indicator, the newest approved revision of each of its observations, by period. */
async function valuesInForce(
  ctx: AppContext,
  indicatorIds: readonly string[],
): Promise<Map<string, PublishedObservation[]>> {
  const out = new Map<string, PublishedObservation[]>();
  if (indicatorIds.length === 0) return out;
  const rows = await ctx.db
    .selectFrom('observations as o')
    .select([
      'o.indicator_id',
      'o.period',
      'o.scope',
      'o.value',
      'o.value_text',
      'o.unit',
      'o.estimated',
      'o.source',
      'o.created_at',
    ])
    .where('o.indicator_id', 'in', [...indicatorIds])
    .where('o.status', '=', 'approved')
    .where((eb) =>
      eb(
        'o.revision_no',
        '=',
        eb
          .selectFrom('observations as o2')
          .select((e) => e.fn.max('o2.revision_no').as('m'))
          .whereRef('o2.observation_key', '=', 'o.observation_key')
          .where('o2.status', '=', 'approved'),
      ),
    )
    .orderBy('o.period')
    .orderBy('o.scope')
    .execute();
  for (const r of rows) {
    const list = out.get(r.indicator_id) ?? [];
    list.push({
      period: r.period,
      scope: r.scope,
      value: r.value,
      valueText: r.value_text,
      unit: r.unit,
      estimated: r.estimated === 1,
      source: r.source,
      approvedAt: r.created_at,
    });
    out.set(r.indicator_id, list);
  }
  return out;
}

const CSV_HEADER = [
  '类别',
  '序号',
  '指标名称',
  '单位',
  '属性',
  '基期值',
  '目标值',
  '统计口径',
  '监测期',
  '数据口径',
  '监测值',
  '监测值单位',
  '是否估计值',
  '数据来源',
  '审核通过时间',
];

/** One row per value in force; an indicator without one still gets a row, its value cells empty. */
export function toCsv(data: PlanExport): string {
  const lines = [CSV_HEADER.map(csvField)];
  for (const i of data.indicators) {
    const indicator = [
      i.group,
      i.seq,
      i.name,
      i.unit,
      i.attribute,
      i.baseline?.text ?? null,
      i.target,
      i.scope,
    ];
    const values = i.observations.length === 0 ? [null] : i.observations;
    for (const o of values) {
      const cells =
        o === null
          ? ['', '', '', '', '', '', '']
          : [
              o.period,
              o.scope,
              o.value ?? o.valueText,
              o.unit,
              o.estimated ? '是' : '否',
              o.source,
              o.approvedAt,
            ];
      lines.push([...indicator, ...cells].map(csvField));
    }
  }
  return lines.map((cells) => `${cells.join(',')}\r\n`).join('');
}

/**
 * One RFC 4180 field: quoted when it holds a comma, quote or line break, quotes doubled. Text that
 * a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) gets a leading apostrophe;
 * numbers are written as numbers.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `attachment` with an ASCII fallback name and the Chinese title as an RFC 5987 UTF-8 name. */
function attachment(plan: { slug: string; title: string }, ext: 'csv' | 'json'): string {
  const ascii = `${plan.slug.replace(/[^A-Za-z0-9._-]/g, '_') || 'plan'}-published.${ext}`;
  const utf8 = encodeURIComponent(`${plan.title}-公开数据.${ext}`).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}
