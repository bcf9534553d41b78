import { z } from 'zod';

/** An item (indicator, task, commitment) that names a place. */
export const PlaceItemSchema = z.object({
  kind: z.enum(['indicator', 'task', 'commitment']),
  id: z.string(),
  text: z.string().describe('What the item says, shortened to 80 characters'),
  nodeId: z.string().nullable().describe('Outline node of the item (plan reader), null for indicators'),
});

/** `GET /api/plans/{planId}/places`: the plan's places and "cities". */
export const PlacesSchema = z
  .object({
    planId: z.string(),
    versionNo: z.number().int(),
    cities: z.array(
      z.object({
        name: z.string(),
        members: z.array(z.string()).describe('Places the plan says the city includes (包括…)'),
        nodeId: z.string().nullable(),
        line: z.number().int(),
      }),
    ),
    places: z.array(
      z.object({
        name: z.string(),
        kind: z.enum(['town', 'subdistrict', 'park', 'zone']),
        city: z.string().nullable().describe('The city it belongs to (its own name for a city)'),
        mentions: z.number().int(),
        line: z.number().int().describe('Line of the first mention'),
        items: z.array(PlaceItemSchema),
      }),
    ),
  })
  .meta({
    id: 'PlanPlaces',
    description: 'Places of a plan, its spatial layout, and the items located there',
  });

/** The shape of `PlaceItemSchema`. */
export type PlaceItem = z.infer<typeof PlaceItemSchema>;
/** The shape of `PlacesSchema`. */
export type Places = z.infer<typeof PlacesSchema>;
/** A place of the gazetteer and the items that name it. */
export type Place = Places['places'][number];
/** A "city" of the plan: a group of places. */
export type City = Places['cities'][number];
