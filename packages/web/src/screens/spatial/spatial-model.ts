import type { City, Place, PlaceItem, Places as PlanPlaces } from '@plantrack/api';

/** A region of the schematic: a city with its member places, or the band of other places. */
export type Region = { name: string; city: City | null; members: Place[]; items: PlaceItem[] };

/** Items of several places, each once (a task naming two towns of a city counts once for the city). */
export function uniqueItems(places: readonly Place[]): PlaceItem[] {
  const seen = new Map<string, PlaceItem>();
  for (const p of places) for (const i of p.items) seen.set(`${i.kind}|${i.id}`, i);
  return [...seen.values()];
}

/**
 * The regions to draw: each city with the places the plan says it includes (in the plan's order),
 * then the places outside any city that have items (the rest would only be noise on a map).
 */
export function regionsOf(data: PlanPlaces, otherName: string): Region[] {
  const byName = new Map(data.places.map((p) => [p.name, p]));
  const regions: Region[] = data.cities.map((city) => {
    const members = city.members.flatMap((m) => {
      const place = byName.get(m);
      return place === undefined ? [] : [place];
    });
    const self = byName.get(city.name);
    return {
      name: city.name,
      city,
      members,
      items: uniqueItems(self === undefined ? members : [self, ...members]),
    };
  });
  const others = data.places.filter((p) => p.city === null && p.items.length > 0);
  if (others.length > 0)
    regions.push({ name: otherName, city: null, members: others, items: uniqueItems(others) });
  return regions;
}

/** The projects a place (or a city with its members) holds, by the project's 所在镇街. */
export function projectsAt<P extends { place: string | null }>(
  projects: readonly P[],
  names: readonly string[],
): P[] {
  const wanted = new Set(names);
  return projects.filter((p) => p.place !== null && wanted.has(p.place));
}

/** The place names a region stands for: the city itself and its members. */
export function regionNames(region: Region): string[] {
  return [...(region.city === null ? [] : [region.name]), ...region.members.map((m) => m.name)];
}
