import type { GazetteerEntry, OutlineNode, Paragraph, PlanModel } from '@plantrack/core';
import { latestVersionId, listIndicators, planVersionContent, taskVersionRows } from '@plantrack/db';
import type { Principal } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { canReadFramework } from '../../policies/plan.policy.js';
import { enforce } from '../../policies/policy.js';

export type PlaceItemDto = {
  kind: 'indicator' | 'task' | 'commitment';
  /** Indicator or task id (stable across versions); the commitment's id in the plan model. */
  id: string;
  /** What the item says, shortened to 80 characters. */
  text: string;
  /** The outline node the item sits in (for the plan reader), null for indicators. */
  nodeId: string | null;
};

export type PlaceDto = {
  name: string;
  kind: Exclude<GazetteerEntry['kind'], 'industry'>;
  /** The city (of the plan's spatial layout) the place belongs to; the city's own name for a city. */
  city: string | null;
  mentions: number;
  line: number;
  items: PlaceItemDto[];
};

export type CityDto = { name: string; members: string[]; nodeId: string | null; line: number };

export type PlacesDto = { planId: string; versionNo: number; cities: CityDto[]; places: PlaceDto[] };

type Located = { kind: PlaceItemDto['kind']; id: string; text: string; nodeId: string | null };

const SHORT = 80;

/**
 * Where the plan's items happen: the places the ingester's gazetteer found (towns, subdistricts,
 * parks, zones), the "cities" of the spatial layout with their members (paragraphs such as
 * `武进品质活力主城。包括湖塘镇、牛塘镇、绿建区…`), and the indicators, tasks and commitments whose
 * text names each place. Computed from the stored model of the newest version; nothing is guessed
 * beyond what the text says.
 */
export async function planPlaces(ctx: AppContext, p: Principal, planId: string): Promise<PlacesDto> {
  enforce(p, canReadFramework(p));
  const versionId = await latestVersionId(ctx.db, planId);
  const version = await planVersionContent(ctx.db, versionId);
  const model = JSON.parse(version.modelJson) as PlanModel;
  // The plan's own region (`武进区` of 常州市武进区) is everywhere, not a place within it.
  const region = model.plan.region ?? '';
  const places = model.gazetteer.filter(
    (g): g is GazetteerEntry & { kind: PlaceDto['kind'] } =>
      g.kind !== 'industry' && !(region !== '' && region.endsWith(g.name)),
  );
  const cities = citiesOf(model, new Set(places.map((g) => g.name)));
  const cityOf = new Map<string, string>();
  for (const city of cities) {
    cityOf.set(city.name, city.name);
    for (const member of city.members) cityOf.set(member, city.name);
  }

  const items = [
    ...(await indicatorItems(ctx, planId)),
    ...(await taskItems(ctx, versionId, model, version.sourceText)),
    ...model.commitments.map((c) => ({
      kind: 'commitment' as const,
      id: c.id,
      text: c.sentence,
      nodeId: c.nodeId,
    })),
  ];
  const located = locate(
    items,
    places.map((g) => g.name),
  );
  return {
    planId,
    versionNo: version.versionNo,
    cities,
    places: places.map((g) => ({
      name: g.name,
      kind: g.kind,
      city: cityOf.get(g.name) ?? null,
      mentions: g.mentions,
      line: g.firstSource.lineStart,
      items: (located.get(g.name) ?? []).map((i) => ({ ...i, text: shorten(i.text) })),
    })),
  };
}

/** Paragraphs `<place>。包括A、B、C。` name a city of the layout and what it includes. */
function citiesOf(model: PlanModel, known: ReadonlySet<string>): CityDto[] {
  const out: CityDto[] = [];
  const visit = (node: OutlineNode): void => {
    for (const paragraph of node.paragraphs) {
      const city = cityParagraph(paragraph, known);
      if (city !== null) out.push({ ...city, nodeId: node.id, line: paragraph.source.lineStart });
    }
    node.children.forEach(visit);
  };
  model.outline.forEach(visit);
  return out;
}

function cityParagraph(
  paragraph: Paragraph,
  known: ReadonlySet<string>,
): { name: string; members: string[] } | null {
  const match = /^([^。，、]{2,20})。包括([^。]+)。/.exec(paragraph.text);
  if (match === null) return null;
  const [, name = '', list = ''] = match;
  if (!known.has(name)) return null;
  const members = list
    .split(/[、，,]|以及|和|及/)
    .map((m) => m.trim())
    .filter((m) => m.length > 0);
  return { name, members };
}

async function indicatorItems(ctx: AppContext, planId: string): Promise<Located[]> {
  return (await listIndicators(ctx.db, planId)).map((i) => ({
    kind: 'indicator',
    id: i.indicatorId,
    text: [i.name, i.target.text, i.scope ?? ''].join(' '),
    nodeId: null,
  }));
}

/**
 * A task's text is its part of the paragraph: from its `由…牵头` clause to the next clause of the
 * same paragraph (one paragraph often assigns several measures), with the paragraph's lead phrase.
 */
async function taskItems(
  ctx: AppContext,
  versionId: string,
  model: PlanModel,
  sourceText: string,
): Promise<Located[]> {
  const rows = await taskVersionRows(ctx.db, versionId);
  const assignments = new Map(model.assignments.map((a) => [a.id, a]));
  const paragraphs = new Map<string, Paragraph[]>();
  const visit = (node: OutlineNode): void => {
    paragraphs.set(node.id, node.paragraphs);
    node.children.forEach(visit);
  };
  model.outline.forEach(visit);
  return rows.map((row) => {
    const a = assignments.get(row.ref);
    let text = row.measure;
    if (a !== undefined) {
      const paragraph = paragraphs
        .get(a.nodeId)
        ?.find((pa) => pa.source.start <= a.source.start && a.source.start < pa.source.end);
      if (paragraph !== undefined) {
        const next = model.assignments
          .filter(
            (o) =>
              o.nodeId === a.nodeId &&
              o.source.start > a.source.start &&
              o.source.start < paragraph.source.end,
          )
          .reduce((min, o) => Math.min(min, o.source.start), paragraph.source.end);
        text = `${row.measure}。${sourceText.slice(a.source.start, next)}`;
      }
    }
    return { kind: 'task', id: row.task_id, text, nodeId: row.node_key };
  });
}

/**
 * The places each item names, longest name first: `武进国家高新区` is not also counted as `高新区`
 * at the same position.
 */
function locate(items: readonly Located[], names: readonly string[]): Map<string, Located[]> {
  const byLength = [...names].sort((a, b) => b.length - a.length);
  const out = new Map<string, Located[]>();
  for (const item of items) {
    const covered: [number, number][] = [];
    const found = new Set<string>();
    for (const name of byLength) {
      for (let at = item.text.indexOf(name); at >= 0; at = item.text.indexOf(name, at + 1)) {
        const end = at + name.length;
        if (covered.some(([s, e]) => at >= s && end <= e)) continue;
        covered.push([at, end]);
        found.add(name);
      }
    }
    for (const name of found) {
      const list = out.get(name);
      if (list === undefined) out.set(name, [item]);
      else list.push(item);
    }
  }
  return out;
}

function shorten(text: string): string {
  return text.length > SHORT ? `${text.slice(0, SHORT)}…` : text;
}
