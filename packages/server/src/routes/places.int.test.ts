import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import type { PlacesDto } from '../services/plan/places.service.js';
import { type Harness, as, makeHarness } from '../testing/harness.js';

forEachDialect((dialect, open) => {
  describe('places of a plan', () => {
    let h: Harness;
    let places: PlacesDto;
    beforeAll(async () => {
      h = await makeHarness(await open(), dialect);
      const res = await h.app.inject({
        method: 'GET',
        url: `/api/plans/${h.plan.planId}/places`,
        headers: as(h.sessions.leader),
      });
      expect(res.statusCode, res.body).toBe(200);
      places = res.json<PlacesDto>();
    });
    afterAll(async () => {
      await h.app.close();
    });

    const place = (name: string) => {
      const found = places.places.find((p) => p.name === name);
      if (found === undefined) throw new Error(`no place ${name}`);
      return found;
    };

    it('reads the four cities of the spatial layout with the members the plan lists', () => {
      expect(places.cities.map((c) => c.name)).toEqual([
        '武进品质活力主城',
        '武高新智造理想城',
        '西太湖生态科学城',
        '太湖湾休闲度假城',
      ]);
      expect(places.cities[0]?.members).toEqual(['湖塘镇', '牛塘镇', '绿建区', '春秋淹城旅游区']);
      expect(places.cities[3]?.members).toEqual(['雪堰镇', '太湖湾旅游度假区']);
      expect(place('嘉泽镇').city).toBe('西太湖生态科学城');
      expect(place('西太湖生态科学城').city).toBe('西太湖生态科学城');
      expect(place('常州经开区').city).toBeNull();
      // The plan's own district is not a place within it.
      expect(places.places.some((p) => p.name === '武进区')).toBe(false);
    });

    it('locates tasks, commitments and indicators whose text names a place', () => {
      // 由区委社工部牵头 … 进一步理顺湖塘镇高质量发展体制机制: a task located in 湖塘镇.
      expect(place('湖塘镇').items.some((i) => i.kind === 'task')).toBe(true);
      // 林木覆盖率 26.5左右（含常州经开区）: the indicator's scope names the zone.
      expect(
        place('常州经开区').items.some((i) => i.kind === 'indicator' && i.text.includes('林木覆盖率')),
      ).toBe(true);
      // The longest name wins: 武进国家高新区 is not also counted as the bare 高新区.
      for (const item of place('高新区').items) {
        const rest = item.text.replaceAll('武进国家高新区', '').replaceAll('武进高新区', '');
        expect(rest).toContain('高新区');
      }
      for (const p of places.places)
        for (const item of p.items) expect(item.text.length).toBeLessThanOrEqual(81);
    });

    it('is refused to anonymous callers and to the public role', async () => {
      const url = `/api/plans/${h.plan.planId}/places`;
      expect((await h.app.inject({ method: 'GET', url })).statusCode).toBe(401);
      expect((await h.app.inject({ method: 'GET', url, headers: as(h.sessions.public) })).statusCode).toBe(
        403,
      );
      const missing = await h.app.inject({
        method: 'GET',
        url: '/api/plans/no-such-plan/places',
        headers: as(h.sessions.leader),
      });
      expect(missing.statusCode).toBe(404);
    });
  });
});
