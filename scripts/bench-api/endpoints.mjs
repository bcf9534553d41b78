// The endpoints bench:api drives and, for each, the request of the i-th call and its floor.
import { readFileSync } from 'node:fs';
import { newId } from '../../packages/db/dist/index.js';
import { SYNTHETIC_SOURCE } from './dataset.mjs';
import { assessmentFloor, dashboardFloor, historyFloor, searchFloor, submitFloor } from './floors.mjs';

/** Phrases of the sample plan (all occur in it); 人才 has two characters, so SQLite scans for it. */
export const SEARCH_PHRASES = [
  '高质量发展',
  '新质生产力',
  '科技创新',
  '城乡融合',
  '生态环境',
  '人才',
  '营商环境',
  '乡村振兴',
];

/**
 * Distinct three-character phrases of the sample plan's text (every one occurs in every plan of
 * the dataset), so that each request of a run asks something new and the search cache cannot
 * answer: the cost of a search as such.
 */
export const DISTINCT_PHRASES = (() => {
  const text = readFileSync(new URL('../../examples/wujin-15th-outline.txt', import.meta.url), 'utf8');
  const phrases = new Set();
  for (const run of text.match(/[\u4e00-\u9fff]{3,}/g) ?? []) {
    for (let i = 0; i + 3 <= run.length; i += 3) phrases.add(run.slice(i, i + 3));
  }
  return [...phrases];
})();

const MONTHS = Array.from(
  { length: 120 },
  (_, i) => `${2021 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
);
const DAY = 86_400_000;

/**
 * The i-th submission of a run: a new observation (indicator × month × a scope only this run
 * uses), so every request creates a revision; a unique idempotency key.
 */
function submission(data, i, scope, runTag) {
  const indicator = data.indicatorIds[i % data.indicatorIds.length];
  const month = Math.floor(i / data.indicatorIds.length);
  // After every indicator × month of the scope, the next round takes a scope of its own.
  const round = Math.floor(month / MONTHS.length);
  return {
    indicatorId: indicator,
    period: MONTHS[month % MONTHS.length],
    scope: round === 0 ? scope : `${scope}（${round}）`,
    value: 100 + (i % 1000) / 10,
    source: SYNTHETIC_SOURCE,
    idempotencyKey: `bench-${runTag}-${i}`,
  };
}

/**
 * `data`: { planIds, indicatorIds, historyKeys, unseenHistoryKeys, benchUserId }. Each endpoint: name, goal p99
 * (ms), the i-th API request, and the i-th floor call (and `floorNote`, what a floor runs where it is
 * not plain from the endpoint).
 */
export function endpoints(data, dialect, q, auth) {
  const runTag = Date.now().toString(36);
  const get = (path) => ({ method: 'GET', path, headers: auth });
  return [
    {
      name: 'GET /api/plans/{id}/dashboard',
      goal: 50,
      api: (i) => get(`/api/plans/${data.planIds[i % data.planIds.length]}/dashboard`),
      floor: (i) => dashboardFloor(q, data.planIds[i % data.planIds.length]),
    },
    {
      name: 'GET /api/plans/{id}/dashboard?asOf= (cache miss)',
      goal: 50,
      api: (i) => {
        const asOf = new Date(Date.UTC(2026, 0, 1) + (i % 1800) * DAY).toISOString().slice(0, 10);
        return get(`/api/plans/${data.planIds[i % data.planIds.length]}/dashboard?asOf=${asOf}`);
      },
      floor: (i) => dashboardFloor(q, data.planIds[i % data.planIds.length]),
    },
    {
      name: 'GET /api/indicators/{id}/assessment',
      goal: 50,
      api: (i) => get(`/api/indicators/${data.indicatorIds[i % data.indicatorIds.length]}/assessment`),
      floor: (i) => assessmentFloor(q, data.indicatorIds[i % data.indicatorIds.length]),
    },
    {
      name: 'GET /api/observations/{key}/history',
      goal: 50,
      api: (i) =>
        get(`/api/observations/${encodeURIComponent(data.historyKeys[i % data.historyKeys.length])}/history`),
      floor: (i) => historyFloor(q, data.historyKeys[i % data.historyKeys.length]),
    },
    {
      name: 'GET /api/observations/{key}/history (cache miss)',
      goal: 50,
      api: (i) =>
        get(
          `/api/observations/${encodeURIComponent(data.unseenHistoryKeys[i % data.unseenHistoryKeys.length])}/history`,
        ),
      floor: (i) => historyFloor(q, data.unseenHistoryKeys[i % data.unseenHistoryKeys.length]),
    },
    {
      name: 'GET /api/search?q=',
      goal: 50,
      api: (i) => get(`/api/search?q=${encodeURIComponent(SEARCH_PHRASES[i % SEARCH_PHRASES.length])}`),
      floor: (i) => searchFloor(q, dialect, SEARCH_PHRASES[i % SEARCH_PHRASES.length]),
    },
    {
      name: 'GET /api/search?q= (distinct phrases, cache miss)',
      goal: 50,
      api: (i) => get(`/api/search?q=${encodeURIComponent(DISTINCT_PHRASES[i % DISTINCT_PHRASES.length])}`),
      floor: (i) => searchFloor(q, dialect, DISTINCT_PHRASES[i % DISTINCT_PHRASES.length]),
    },
    {
      name: 'POST /api/observations (submit)',
      goal: 30,
      floorNote:
        "floor = the submission's six statements (quality inputs, revision, audit record, flags, notice facts), one commit per call",
      api: (i) => {
        const s = submission(data, i, '基准提交（接口）', runTag);
        return {
          method: 'POST',
          path: '/api/observations',
          headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': s.idempotencyKey },
          body: JSON.stringify({
            indicatorId: s.indicatorId,
            period: s.period,
            scope: s.scope,
            action: 'submit',
            expectedRevision: 0,
            values: { value: s.value, source: s.source },
          }),
        };
      },
      floor: (i) =>
        submitFloor(q, dialect, {
          ...submission(data, i, '基准提交（直连）', runTag),
          id: newId(),
          auditId: newId(),
          actor: data.benchUserId,
        }),
    },
  ];
}
