import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import { type Harness, as, makeHarness } from '../testing/harness.js';
import { csvField } from './export.routes.js';

/** A source text with every character RFC 4180 must quote (synthetic test data). */
const TRICKY_SOURCE = '区统计局, "统计年报"\n第2版';

type Exported = {
  plan: { id: string; title: string };
  indicators: {
    id: string;
    name: string;
    observations: { period: string; value: number | null; source: string | null }[];
  }[];
};

/** A minimal RFC 4180 reader for the test: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] ?? '';
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  return rows;
}

forEachDialect((dialect, open) => {
  describe('public CSV and JSON export', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await makeHarness(await open(), dialect);
      const office = as(h.sessions.planning_office);
      const reviewer = as(h.sessions.reviewer);
      const write = async (indicatorId: string, period: string, value: number, action = 'submit') => {
        const res = await h.app.inject({
          method: 'POST',
          url: '/api/observations',
          headers: office,
          payload: {
            indicatorId,
            period,
            action,
            expectedRevision: 0,
            values: { value, unit: '亿元', source: TRICKY_SOURCE },
          },
        });
        if (res.statusCode !== 201) throw new Error(res.body);
        return encodeURIComponent(res.json<{ key: string }>().key);
      };
      const review = async (key: string, action: 'approve' | 'return', expectedRevision: number) => {
        const payload = action === 'approve' ? { expectedRevision } : { expectedRevision, reason: '请核对' };
        const res = await h.app.inject({
          method: 'POST',
          url: `/api/observations/${key}/${action}`,
          headers: reviewer,
          payload,
        });
        if (res.statusCode !== 200) throw new Error(res.body);
      };
      const published = await h.app.inject({
        method: 'PATCH',
        url: `/api/indicators/${h.ownIndicatorId}/publish`,
        headers: office,
        payload: { published: true },
      });
      expect(published.statusCode).toBe(200);
      // In force: approved, then corrected (the correction waits for review and is not public yet).
      const approved = await write(h.ownIndicatorId, '2026', 41.2);
      await review(approved, 'approve', 1);
      const corrected = await h.app.inject({
        method: 'POST',
        url: `/api/observations/${approved}/correct`,
        headers: office,
        payload: { expectedRevision: 2, values: { value: 99.9, unit: '亿元' }, reason: '测试更正' },
      });
      expect(corrected.statusCode).toBe(200);
      await write(h.ownIndicatorId, '2027', 77.7);
      await review(await write(h.ownIndicatorId, '2028', 88.8), 'return', 1);
      await write(h.ownIndicatorId, '2029', 66.6, 'save_draft');
      // Approved, but on an indicator that is not published.
      await review(await write(h.otherIndicatorId, '2026', 55.5), 'approve', 1);
      return async () => {
        await h.app.close();
      };
    });

    it('JSON: published indicators only, each with its values in force only', async () => {
      const res = await h.app.inject({
        method: 'GET',
        url: `/api/public/plans/${h.plan.planId}/export.json`,
      });
      expect(res.statusCode).toBe(200);
      const body = res.json<Exported>();
      expect(body.indicators.map((i) => i.id)).toEqual([h.ownIndicatorId]);
      expect(body.indicators[0]?.observations).toEqual([
        expect.objectContaining({ period: '2026', value: 41.2, source: TRICKY_SOURCE, estimated: false }),
      ]);
      expect(res.body).not.toMatch(/99\.9|77\.7|88\.8|66\.6|55\.5/);
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="[\w.-]+\.json"; filename\*=UTF-8''%/,
      );
    });

    it('CSV: UTF-8 with BOM, Chinese header, RFC 4180 quoting, a UTF-8 file name, nothing unpublished', async () => {
      const res = await h.app.inject({ method: 'GET', url: `/api/public/plans/${h.plan.planId}/export.csv` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const disposition = String(res.headers['content-disposition']);
      const title = decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)?.[1] ?? '');
      expect(title).toMatch(/武进区.*-公开数据\.csv$/);
      const rows = parseCsv(res.rawPayload.subarray(3).toString('utf8'));
      expect(rows[0]?.slice(0, 3)).toEqual(['类别', '序号', '指标名称']);
      expect(rows).toHaveLength(2);
      const row = rows[1] ?? [];
      expect(row).toHaveLength(rows[0]?.length ?? 0);
      expect([row[8], row[10], row[11], row[12], row[13]]).toEqual([
        '2026',
        '41.2',
        '亿元',
        '否',
        TRICKY_SOURCE,
      ]);
      expect(row[14]).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(res.body).toContain('"区统计局, ""统计年报""\n第2版"');
      expect(res.body).not.toMatch(/99\.9|77\.7|88\.8|66\.6|55\.5/);
    });

    it('answers an unknown plan with a bilingual 404', async () => {
      const res = await h.app.inject({ method: 'GET', url: '/api/public/plans/no-such-plan/export.csv' });
      expect(res.statusCode).toBe(404);
      expect(String(res.headers['content-type'])).toMatch(/problem\+json/);
    });
  });
});

describe('csvField', () => {
  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\r\nbreak')).toBe('"line\r\nbreak"');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField(-3.5)).toBe('-3.5');
    expect(csvField(null)).toBe('');
    expect(csvField('普通文本')).toBe('普通文本');
  });
});
