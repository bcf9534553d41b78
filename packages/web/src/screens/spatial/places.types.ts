/** `GET /api/plans/{planId}/places` (`PlanPlaces` in docs/openapi.json). */
export type PlaceItem = {
  kind: 'indicator' | 'task' | 'commitment';
  id: string;
  text: string;
  nodeId: string | null;
};

export type Place = {
  name: string;
  kind: 'town' | 'subdistrict' | 'park' | 'zone';
  city: string | null;
  mentions: number;
  line: number;
  items: PlaceItem[];
};

export type City = { name: string; members: string[]; nodeId: string | null; line: number };

export type PlanPlaces = { planId: string; versionNo: number; cities: City[]; places: Place[] };
