import type { DatabaseHandle } from '../../connection.factory.js';
import { NotFoundError } from '../../errors.js';
import { writeTransaction } from '../../support/dialect.js';
import { appendAudit } from '../audit/audit.repository.js';

/** Publishing an indicator (the public pages show only published ones): a write, kept apart from the reads. */
type Db = DatabaseHandle['db'];

/** Publishes or withdraws an indicator, audited in the same transaction. */
export async function setIndicatorPublished(
  db: Db,
  args: { indicatorId: string; published: boolean; actor: string },
): Promise<void> {
  await writeTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom('indicators')
      .select(['plan_id', 'published'])
      .where('id', '=', args.indicatorId)
      .executeTakeFirst();
    if (row === undefined) {
      throw new NotFoundError({
        zh: `指标不存在：${args.indicatorId}`,
        en: `No such indicator: ${args.indicatorId}`,
      });
    }
    await trx
      .updateTable('indicators')
      .set({ published: args.published ? 1 : 0 })
      .where('id', '=', args.indicatorId)
      .execute();
    await appendAudit(trx, {
      actor: args.actor,
      action: args.published ? 'indicator.published' : 'indicator.withdrawn',
      entity: 'indicator',
      entityId: args.indicatorId,
      planId: row.plan_id,
      detail: { before: row.published === 1, after: args.published },
    });
  });
}
