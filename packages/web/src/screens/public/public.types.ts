/** `GET /api/public/plans` rows. */
export type PublicPlan = {
  id: string;
  slug: string;
  title: string;
  regionCode: string | null;
  publishedIndicators: number;
};
