import type { Kysely } from 'kysely';
import type { Database } from '../schema/database.schema.js';

/** Test-only: moves a token's expiry into the past, as if its lifetime had run out. */
export async function expireApiTokenNow(db: Kysely<Database>, tokenId: string): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
    .where('id', '=', tokenId)
    .execute();
}
