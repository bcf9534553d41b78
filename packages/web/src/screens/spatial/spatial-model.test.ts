import { describe, expect, it } from 'vitest';
import type { Places } from '@plantrack/api';
import { projectsAt, regionNames, regionsOf } from './spatial-model';

const place = (name: string, city: string | null): Places['places'][number] => ({
  name,
  kind: 'town',
  city,
  mentions: 1,
  line: 1,
  items: [{ kind: 'task', id: name, text: name, nodeId: null }],
});

const PLACES: Places = {
  planId: 'p',
  versionNo: 1,
  cities: [{ name: '主城', members: ['湖塘镇', '牛塘镇'], nodeId: null, line: 1 }],
  places: [place('主城', '主城'), place('湖塘镇', '主城'), place('牛塘镇', '主城'), place('礼嘉镇', null)],
};

describe('projects of a region', () => {
  const projects = [
    { id: 'a', place: '湖塘镇' },
    { id: 'b', place: '主城' },
    { id: 'c', place: '礼嘉镇' },
    { id: 'd', place: null },
    { id: 'e', place: '不在规划中的地点' },
  ];

  it('counts a city’s own projects and its members’, and the other places’ separately', () => {
    const [city, others] = regionsOf(PLACES, '其他地点');
    if (city === undefined || others === undefined) throw new Error('two regions expected');
    expect(regionNames(city)).toEqual(['主城', '湖塘镇', '牛塘镇']);
    expect(projectsAt(projects, regionNames(city)).map((p) => p.id)).toEqual(['a', 'b']);
    expect(projectsAt(projects, regionNames(others)).map((p) => p.id)).toEqual(['c']);
  });

  it('gives a place only the projects whose 所在镇街 is that place', () => {
    expect(projectsAt(projects, ['湖塘镇']).map((p) => p.id)).toEqual(['a']);
    expect(projectsAt(projects, ['牛塘镇'])).toEqual([]);
  });
});
