import { listIndicators, changeStamp } from '@plantrack/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import type { DashboardCard, DashboardDto } from '../services/dashboard/dashboard.service.js';
import type { IndicatorAssessmentDto } from '../services/assessment/indicator-assessment.service.js';
import { type Harness, as, makeHarness, signIn } from '../testing/harness.js';
import { DashboardSchema, IndicatorAssessmentSchema } from '@plantrack/api';

/**
 * The assessment in the service, over HTTP on both databases: values go through the real review
 * flow (submit → approve) and the dashboard reads only what was approved. Every figure below is
 * synthetic test data, not a statistic of the sample plan's district.
 */
const AS_OF = '2028-06-30';
const SYNTHETIC = '测试用合成数据（非真实统计） / synthetic test data';

forEachDialect((dialect, open) => {
  describe('dashboard and assessment', () => {
    let h: Harness;
    let bySeq: Map<string, string>;
    beforeAll(async () => {
      const handle = await open();
      h = await makeHarness(handle, dialect);
      bySeq = new Map((await listIndicators(handle.db, h.plan.planId)).map((i) => [i.seq, i.indicatorId]));
    });
    afterAll(async () => {
      await h.app.close();
    });

    const id = (seq: string): string => {
      const found = bySeq.get(seq);
      if (found === undefined) throw new Error(`no indicator ${seq}`);
      return found;
    };

    /** Writes an observation as the planning office; returns its key (URL-encoded) and revision. */
    async function write(
      seq: string,
      period: string,
      value: number,
      options: { scope?: string; action?: 'save_draft' | 'submit' } = {},
    ): Promise<string> {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/observations',
        headers: as(h.sessions.planning_office),
        payload: {
          indicatorId: id(seq),
          period,
          ...(options.scope === undefined ? {} : { scope: options.scope }),
          action: options.action ?? 'submit',
          expectedRevision: 0,
          values: { value, source: SYNTHETIC },
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      return encodeURIComponent(res.json<{ key: string }>().key);
    }

    async function review(key: string, action: 'approve' | 'return', expectedRevision: number) {
      const res = await h.app.inject({
        method: 'POST',
        url: `/api/observations/${key}/${action}`,
        headers: as(h.sessions.reviewer),
        payload: { expectedRevision, ...(action === 'return' ? { reason: '请核实。' } : {}) },
      });
      expect(res.statusCode, res.body).toBe(200);
    }

    async function approved(seq: string, period: string, value: number, scope?: string): Promise<string> {
      const key = await write(seq, period, value, scope === undefined ? {} : { scope });
      await review(key, 'approve', 1);
      return key;
    }

    async function getDashboard(path = `/api/plans/${h.plan.planId}/dashboard`, session = h.sessions.leader) {
      const res = await h.app.inject({ method: 'GET', url: `${path}?asOf=${AS_OF}`, headers: as(session) });
      expect(res.statusCode, res.body).toBe(200);
      // The routes skip response validation for speed: hold every response to the documented schema.
      DashboardSchema.parse(res.json());
      return res.json<DashboardDto>();
    }

    async function getAssessment(seq: string, prefix = '/api') {
      const res = await h.app.inject({
        method: 'GET',
        url: `${prefix}/indicators/${id(seq)}/assessment?asOf=${AS_OF}`,
        headers: as(h.sessions.planning_office),
      });
      expect(res.statusCode, res.body).toBe(200);
      IndicatorAssessmentSchema.parse(res.json());
      return res.json<IndicatorAssessmentDto>();
    }

    const cardOf = (d: DashboardDto, seq: string): DashboardCard => {
      const c = d.cards.find((x) => x.seq === seq);
      if (c === undefined) throw new Error(`no card ${seq}`);
      return c;
    };

    it('grades a card once approved values arrive; drafts, returned values and pending corrections never count', async () => {
      const before = await getDashboard();
      expect(before.cards).toHaveLength(27);
      expect(cardOf(before, '2').status).toBe('数据不足');
      expect(before.counts['数据不足']).toBe(27);

      // 一般公共预算收入 (target 218): a baseline-year and a plan-year value, approved.
      await approved('2', '2025', 150);
      const key2026 = await approved('2', '2026', 165);
      // A draft and a returned value must not reach the engine.
      await write('2', '2027', 999, { action: 'save_draft' });
      await review(await write('2', '2028', 888), 'return', 1);
      // A correction under review leaves the approved value in force.
      const corrected = await h.app.inject({
        method: 'POST',
        url: `/api/observations/${key2026}/correct`,
        headers: as(h.sessions.planning_office),
        payload: { expectedRevision: 2, values: { value: 170, source: SYNTHETIC }, reason: '复核更正。' },
      });
      expect(corrected.statusCode, corrected.body).toBe(200);

      const after = await getDashboard();
      const card = cardOf(after, '2');
      expect(card.status).not.toBe('数据不足');
      expect(['已实现', '快于预期', '符合预期', '基本符合', '滞后', '严重滞后']).toContain(card.status);
      expect(card.sparkline).toEqual([
        [2025, 150],
        [2026, 165],
      ]);
      expect(card.latest).toEqual({ period: 2026, value: 165, estimated: false });
      expect(card.expectedPath[0]).toEqual([2025, 150]);
      expect(card.expectedPath.at(-1)).toEqual([2030, 218]);
      expect(card.forecast?.year).toBe(2030);
      expect(card.explanation.zh.length).toBeGreaterThan(0);
      expect(card.explanation.en.length).toBeGreaterThan(0);
      expect(after.counts['数据不足']).toBe(26);

      const full = await getAssessment('2');
      const used = full.assessment.inputs.observations.map((o) => o.value);
      expect(used).toEqual([165]);
      expect(full.assessment.baseline).toMatchObject({ year: 2025, value: 150, origin: 'observation' });
      expect(full.assessment.explanation.zh).toContain('一般公共预算收入');
      expect(full.assessment.formula.zh.length).toBeGreaterThan(0);
      // The sentence people read first: the figure and its comparison in words, no formula.
      expect(full.assessment.plainSentence.zh).toMatch(/^一般公共预算收入2026年为165亿元，较基期提高15亿元/);
      expect(full.assessment.plainSentence.zh).not.toMatch(/E\(t\)|÷/);
      expect(full.assessment.plainSentence.en).toContain('was 165');
      expect(full.targetLine).toEqual({ year: 2030, value: 218 });
      // Only approved values reach the engine: nothing of the draft, the returned value or the correction.
      expect(full.assessment.inputs.setAside).toEqual([]);
      expect(full.assessment.yearly.map((y) => y.value)).toEqual([165]);
    });

    it('sets a value in another scope (口径) aside with the reason', async () => {
      // 林木覆盖率: the target is stated 含常州经开区; the empty scope means the indicator's own.
      await approved('21', '2025', 25);
      await approved('21', '2026', 25.5);
      await approved('21', '2026', 20.1, '不含常州经开区');
      const full = await getAssessment('21');
      expect(full.assessment.inputs.setAside).toContainEqual(
        expect.objectContaining({ period: 2026, value: 20.1, reason: 'scope-mismatch' }),
      );
      expect(full.assessment.inputs.observations.map((o) => o.value)).toEqual([25.5]);
      expect(full.assessment.flags.map((f) => f.code)).toContain('scope-mismatch');
      expect(full.assessment.explanation.zh).toContain('不含常州经开区');
    });

    it('grades a relative target (高于全市平均) once a reference series value is linked', async () => {
      await approved('1', '2025', 5.5);
      await approved('1', '2026', 6);
      expect(cardOf(await getDashboard(), '1').status).toBe('数据不足');

      const po = as(h.sessions.planning_office);
      const created = await h.app.inject({
        method: 'POST',
        url: `/api/plans/${h.plan.planId}/reference-series`,
        headers: po,
        payload: {
          key: 'city-gdp-growth',
          name: '全市平均地区生产总值增长',
          kind: 'city-average',
          unit: '%',
          source: SYNTHETIC,
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      const seriesId = created.json<{ id: string }>().id;
      const first = await h.app.inject({
        method: 'POST',
        url: `/api/reference-series/${seriesId}/values`,
        headers: po,
        payload: { period: '2026', value: 6.5 },
      });
      expect(first.statusCode, first.body).toBe(201);
      // A correction without a reason is refused; with one it is a new revision, the newest wins.
      const noReason = await h.app.inject({
        method: 'POST',
        url: `/api/reference-series/${seriesId}/values`,
        headers: po,
        payload: { period: '2026', value: 5 },
      });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json<{ messages: { zh: string; en: string } }>().messages.zh).toContain('更正');
      const correction = await h.app.inject({
        method: 'POST',
        url: `/api/reference-series/${seriesId}/values`,
        headers: po,
        payload: { period: '2026', value: 5, note: '按正式公报更正。' },
      });
      expect(correction.json<{ revisionNo: number }>().revisionNo).toBe(2);
      const link = await h.app.inject({
        method: 'PUT',
        url: `/api/indicators/${id('1')}/reference-series`,
        headers: po,
        payload: { seriesId },
      });
      expect(link.statusCode, link.body).toBe(200);

      const card = cardOf(await getDashboard(), '1');
      expect(card.status).not.toBe('数据不足');
      const full = await getAssessment('1');
      expect(full.reference?.values).toEqual([
        expect.objectContaining({ period: '2026', value: 5, revisionNo: 2 }),
      ]);
      expect(full.assessment.inputs.reference?.points).toEqual([
        { period: 2026, value: 5, estimated: false },
      ]);

      const list = await h.app.inject({
        method: 'GET',
        url: `/api/plans/${h.plan.planId}/reference-series`,
        headers: as(h.sessions.public),
      });
      expect(list.statusCode).toBe(200);
      const [series] =
        list.json<{ values: unknown[]; superseded: unknown[]; linkedIndicatorKeys: string[] }[]>();
      expect(series?.values).toHaveLength(1);
      expect(series?.superseded).toHaveLength(1);
      expect(series?.linkedIndicatorKeys).toHaveLength(1);
    });

    it('changes a status when the thresholds change, audited; refuses invalid thresholds in zh and en', async () => {
      const url = `/api/plans/${h.plan.planId}/assessment-settings`;
      const po = as(h.sessions.planning_office);
      const initial = await h.app.inject({ method: 'GET', url, headers: po });
      expect(initial.json()).toMatchObject({ source: 'default', revisionNo: 0 });
      const before = cardOf(await getDashboard(), '2').status;
      const full = await getAssessment('2');
      const ratio = full.assessment.progressRatio;
      expect(ratio).not.toBeNull();
      // Cut points placed around the observed ratio force the other side of the scale.
      const r = ratio ?? 1;
      const progress =
        before === '严重滞后' || before === '滞后'
          ? { ahead: r / 4, onTrack: r / 3, broadly: r / 2, lagging: r / 2 }
          : { ahead: r * 4, onTrack: r * 3, broadly: r * 2, lagging: r * 1.5 };
      const put = await h.app.inject({
        method: 'PUT',
        url,
        headers: po,
        payload: { expectedRevision: 0, thresholds: { id: '测试阈值', progress } },
      });
      expect(put.statusCode, put.body).toBe(200);
      expect(put.json()).toMatchObject({ source: 'plan', revisionNo: 1, thresholds: { id: '测试阈值' } });
      const after = await getDashboard();
      expect(cardOf(after, '2').status).not.toBe(before);
      expect(after.thresholds).toEqual({ id: '测试阈值', source: 'plan' });

      const audit = await h.app.inject({
        method: 'GET',
        url: `/api/audit?entity=plan&entityId=${h.plan.planId}`,
        headers: po,
      });
      expect(audit.json<{ action: string }[]>().map((a) => a.action)).toContain('assessment_settings.set');

      const invalid = await h.app.inject({
        method: 'PUT',
        url,
        headers: po,
        payload: { expectedRevision: 1, thresholds: { id: 'bad', progress: { ahead: 0.5, onTrack: 0.9 } } },
      });
      expect(invalid.statusCode).toBe(400);
      const body = invalid.json<{ code: string; messages: { zh: string; en: string } }>();
      expect(body.code).toBe('invalid-thresholds');
      expect(body.messages.zh).toContain('进度比阈值');
      expect(body.messages.en).toContain('progress cut points');
      const stale = await h.app.inject({
        method: 'PUT',
        url,
        headers: po,
        payload: { expectedRevision: 0, thresholds: { id: 'late' } },
      });
      expect(stale.statusCode).toBe(409);
    });

    it('shows tasks by progress and who has not reported', async () => {
      const d = await getDashboard();
      const total = Object.values(d.tasks.counts).reduce((a, b) => a + b, 0);
      expect(total).toBe(h.plan.taskIds.length);
      expect(d.tasks.counts.not_reported).toBe(total);
      expect(d.missingReports?.period).toBe('2027');
      expect(d.missingReports?.departments.length).toBeGreaterThan(0);
      expect(d.rollups.group.map((g) => g.key)).toEqual(['高质量发展指标', '约束类指标']);
      expect(d.rollups.phase.map((g) => g.asOf)).toEqual([2026, 2028]);
      expect(d.rollups.rule.zh).toContain('汇总规则');
    });

    it('keeps cached read models across sign-ins: only changes of data move the change stamp', async () => {
      const db = h.app.plantrack.db;
      const before = await changeStamp(db);
      await signIn(h.app, h.emails.leader);
      const failed = await h.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: h.emails.leader, password: 'not the password' },
      });
      expect(failed.statusCode).toBe(401);
      expect(await changeStamp(db)).toBe(before);
      await write('20', '2026', 1, { action: 'save_draft' });
      expect(await changeStamp(db)).not.toBe(before);
    });

    it('the public dashboard shows published indicators only and nothing about reporting', async () => {
      const publish = await h.app.inject({
        method: 'PATCH',
        url: `/api/indicators/${id('2')}/publish`,
        headers: as(h.sessions.planning_office),
        payload: { published: true },
      });
      expect(publish.statusCode).toBe(200);
      const d = await getDashboard(`/api/public/plans/${h.plan.planId}/dashboard`, undefined);
      expect(d.public).toBe(true);
      expect(d.cards.map((c) => c.seq)).toEqual(['2']);
      expect(d.missingReports).toBeNull();
      expect(d.tasks.items).toEqual([]);
      const ok = await h.app.inject({ method: 'GET', url: `/api/public/indicators/${id('2')}/assessment` });
      expect(ok.statusCode).toBe(200);
      const hidden = await h.app.inject({
        method: 'GET',
        url: `/api/public/indicators/${id('21')}/assessment`,
      });
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json<{ messages: { zh: string; en: string } }>().messages.en).toContain('Not found');
    });
  });
});
