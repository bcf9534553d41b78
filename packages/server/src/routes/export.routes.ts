import {
  type IndicatorRow,
  baselineJsonByIndicatorVersion,
  exportedValuesInForce,
  findPlanTitle,
  listIndicators,
} from '@plantrack/db';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { notFound } from '../errors.js';
import {
  type ExportBaseline,
  ExportBaselineSchema,
  type PlanExport,
  PlanExportCsvSchema,
  PlanExportSchema,
  PlanIdParamsSchema,
  ProblemSchema,
  type PublishedObservation,
} from '@plantrack/api';

/**
 * Downloads of a plan's published data for the public (no sign-in): CSV for Excel and JSON for
 * programs. The same rule as `GET /api/public/plans/:planId/indicators` decides what is published:
 * indicators of the newest version with the publish flag, and for each observation only its value
 * in force — the newest approved revision. Drafts, submissions under review and returned values
 * never leave the store here.
 */

export const exportRoutes: FastifyPluginCallbackZod<{ ctx: AppContext }> = (app, { ctx }, done) => {
  app.get(
    '/api/public/plans/:planId/export.json',
    {
      schema: {
        tags: ['public'],
        summary: 'Published indicators with their approved values, as JSON (no sign-in)',
        params: PlanIdParamsSchema,
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
        params: PlanIdParamsSchema,
        produces: ['text/csv'],
        response: {
          200: PlanExportCsvSchema,
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
  const plan = await findPlanTitle(ctx.db, planId);
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
): Promise<Map<string, ExportBaseline>> {
  const stored = await baselineJsonByIndicatorVersion(
    ctx.db,
    indicators.map((i) => i.indicatorVersionId),
  );
  const out = new Map<string, ExportBaseline>();
  for (const [id, json] of stored) out.set(id, ExportBaselineSchema.parse(JSON.parse(json)));
  return out;
}

/** Per indicator, the newest approved revision of each of its observations, by period. */
async function valuesInForce(
  ctx: AppContext,
  indicatorIds: readonly string[],
): Promise<Map<string, PublishedObservation[]>> {
  const out = new Map<string, PublishedObservation[]>();
  for (const { indicatorId, ...value } of await exportedValuesInForce(ctx.db, indicatorIds)) {
    const list = out.get(indicatorId) ?? [];
    list.push(value);
    out.set(indicatorId, list);
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
