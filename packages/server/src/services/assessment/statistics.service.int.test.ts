import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { listIndicators, observationRepository, queryAudit } from '@plantrack/db';
import { describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../../db/src/testing/dialects.js';
import { seedSamplePlan } from '../../../../db/src/testing/seed.js';
import { STATISTICS_ACTOR, loadStatistics } from './statistics.service.js';

/** Real published Wujin figures, beside the checkout (never committed). */
const STATISTICS_PATH = fileURLToPath(
  new URL('../../../../../../shared/data/wujin-statistics.md', import.meta.url),
);
const text = readFileSync(STATISTICS_PATH, 'utf8');

forEachDialect((dialect, open) => {
  describe('loading published statistics', () => {
    it('stores mapped figures as approved observations with source, 口径 and estimate flag, once', async () => {
      const handle = await open();
      const { planId } = await seedSamplePlan(handle);
      const indicators = await listIndicators(handle.db, planId);
      const byName = (name: string) => indicators.find((i) => i.name === name)!;
      const revenue = byName('一般公共预算收入');
      const gdpGrowth = byName('地区生产总值（GDP）增长');

      const first = await loadStatistics(handle.db, { text, fileName: 'wujin-statistics.md' });
      const added = first.added.map((f) => `${f.indicatorName} ${f.period} ${f.scope} ${f.value}`);
      expect(added).toEqual(
        expect.arrayContaining([
          '一般公共预算收入 2023 含常州经开区 216.31',
          '一般公共预算收入 2023 不含常州经开区 162.61',
          '一般公共预算收入 2021 含常州经开区 216.55',
          '一般公共预算收入 2025 未注明 225',
          '地区生产总值（GDP）增长 2021 含常州经开区 9.6',
          '地区生产总值（GDP）增长 2023 不含常州经开区 7.3',
        ]),
      );
      expect(first.added).toHaveLength(12);

      const stored = await observationRepository.inForce(handle.db, {
        indicatorId: revenue.indicatorId,
        period: '2023',
        scope: '含常州经开区',
      });
      expect(stored).toMatchObject({
        status: 'approved',
        createdBy: STATISTICS_ACTOR,
        values: {
          value: 216.31,
          unit: '亿元',
          valueText: '216.31 亿元',
          estimated: false,
          source: '2023 统计公报（qinglite 转载）',
        },
      });
      expect(stored?.values.comment).toContain('口径原文：全区');
      const estimate = await observationRepository.inForce(handle.db, {
        indicatorId: revenue.indicatorId,
        period: '2025',
        scope: '未注明',
      });
      expect(estimate?.values).toMatchObject({ value: 225, estimated: true, source: '2026 年政府工作报告' });
      // The row says 同上 (same as above): the source of the row above is kept.
      const sameAbove = await observationRepository.inForce(handle.db, {
        indicatorId: gdpGrowth.indicatorId,
        period: '2023',
        scope: '不含常州经开区',
      });
      expect(sameAbove?.values.source).toContain('《2023年武进区国民经济和社会发展统计公报》');

      // Nothing is invented: figures without a plan indicator, or not exactly one figure, are listed.
      const reasons = first.notLoaded.map((n) => `${n.measure} ${n.year ?? ''}: ${n.reason.zh}`);
      expect(reasons).toContain('常住人口 2023: 规划指标表中没有“常住人口”这一指标（不按相近指标换算）');
      expect(reasons).toContain(
        '地区生产总值 2023: 规划指标表中没有“地区生产总值”这一指标（不按相近指标换算）',
      );
      expect(
        reasons.some((r) =>
          r.startsWith('一般公共预算收入 : “204 亿元（另一处预计 205 亿元）”不是单一确切数值'),
        ),
      ).toBe(true);
      expect(reasons.some((r) => r.startsWith('常州市 GDP : “8807.58 亿元，+9.1%”不是单一确切数值'))).toBe(
        true,
      );
      expect(reasons).toContain('常州市 GDP 增速（预计） : “6.8% 左右，迈上万亿台阶”不是单一确切数值');

      const audit = await queryAudit(handle.db, { action: 'statistics.load' });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actor: STATISTICS_ACTOR, planId });

      const second = await loadStatistics(handle.db, { text, fileName: 'wujin-statistics.md', plan: planId });
      expect(second.added).toEqual([]);
      expect(second.unchanged).toHaveLength(12);
      expect(await queryAudit(handle.db, { action: 'statistics.load' })).toHaveLength(1);
      const history = await observationRepository.history(handle.db, {
        indicatorId: revenue.indicatorId,
        period: '2023',
        scope: '含常州经开区',
      });
      expect(history.map((r) => r.action)).toEqual(['submit', 'approve']);
    });

    it('never overwrites a value someone else recorded, and names an unknown plan', async () => {
      const handle = await open();
      const { planId } = await seedSamplePlan(handle);
      const revenue = (await listIndicators(handle.db, planId)).find((i) => i.name === '一般公共预算收入')!;
      await observationRepository.submit(handle.db, {
        ref: { indicatorId: revenue.indicatorId, period: '2023', scope: '含常州经开区' },
        expectedRevision: 0,
        actor: 'someone',
        values: { value: 1 },
      });
      const result = await loadStatistics(handle.db, { text, fileName: 'wujin-statistics.md' });
      const kept = result.notLoaded.find(
        (n) => n.measure === '一般公共预算收入' && n.year === 2023 && n.text === '216.31 亿元',
      );
      expect(kept?.reason.zh).toContain('已有监测值');
      await expect(loadStatistics(handle.db, { text, fileName: 'x.md', plan: 'nope' })).rejects.toMatchObject(
        {
          messages: { zh: '没有这个规划：nope' },
        },
      );
    });
  });
});
