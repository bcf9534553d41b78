import { type InsertObject, type Kysely, sql } from 'kysely';
import { isLockConflict } from './db-errors.js';
import { dialectOf, inWriteTransaction, writeTransaction } from './dialect.js';

/**
 * Group commit: short write units that arrive together (fifty clerks submitting at once) share one
 * transaction instead of paying a BEGIN and a COMMIT each. Measured under bench:api, the commit was
 * the largest single cost of a submission on SQLite (writing the touched pages to the log), and on
 * PostgreSQL each transaction costs round trips and a WAL flush.
 *
 * A group first runs as one plain transaction. If a unit fails (a stale revision, a unique
 * violation), the group is undone and runs again with each unit inside its own savepoint, so the
 * failing unit is rolled back alone and the others still commit. A unit's promise settles only
 * after the shared COMMIT: an acknowledged write is a durable write. If the shared transaction
 * fails as a whole (the commit is refused, the connection drops), nothing of it was stored and
 * every unit runs again in a transaction of its own, so one unit can never make another fail.
 *
 * Groups hold every unit's row locks until their COMMIT, so on PostgreSQL two groups can deadlock
 * where single writers would only have waited; a unit that loses a lock (deadlock, serialization
 * failure) is therefore run again on its own after its group, where it meets the ordinary checks.
 *
 * Rows that nothing in a unit reads back (audit records, quality flags) are kept by
 * {@link insertWithGroup} and written for the whole group in one multi-row INSERT per table
 * before the COMMIT.
 *
 * Units must only touch the database: a unit may run more than once (the retries above), and its
 * effects become visible only when the whole group commits. A COMMIT whose answer is lost (the
 * connection drops just after it) counts as failed, so its units run again: an idempotency key makes
 * such a retry return the stored revision; without one the rerun meets its own write and is a 409.
 * Called inside a transaction, a unit joins it.
 */
export function groupedWriteTransaction<DB, T>(
  db: Kysely<DB>,
  unit: (trx: Kysely<DB>) => Promise<T>,
): Promise<T> {
  if (inWriteTransaction(db)) return unit(db);
  let group = groups.get(db);
  if (group === undefined) {
    group = new WriteGroup(db as Kysely<unknown>, dialectOf(db) === 'postgres' ? POSTGRES_LANES : 1);
    groups.set(db, group);
  }
  return group.add(unit as (trx: Kysely<unknown>) => Promise<unknown>) as Promise<T>;
}

/**
 * Appends a row that nothing in its unit reads back (an audit record, a quality-flag set): in a
 * grouped transaction it is kept and written with the rows of the group's other units in one
 * multi-row INSERT per table just before the COMMIT, which saves a round trip per unit; anywhere
 * else it is inserted at once. Rows of one table must name the same columns. Like any write of the
 * unit, it commits or rolls back with the unit (a failing row fails the group, which then reruns
 * each unit in its own savepoint with its own rows).
 */
export async function insertWithGroup<DB, T extends keyof DB & string>(
  db: Kysely<DB>,
  table: T,
  row: InsertObject<DB, T>,
): Promise<void> {
  const pending = pendingRows.get(db);
  if (pending === undefined) {
    await db.insertInto(table).values(row).execute();
    return;
  }
  const rows = pending.get(table);
  if (rows === undefined) pending.set(table, [row]);
  else rows.push(row);
}

/** Rows per multi-row INSERT: well under both databases' bound-parameter limits. */
const ROWS_PER_INSERT = 100;

/** The rows {@link insertWithGroup} keeps per transaction, by table in the order first used. */
const pendingRows = new WeakMap<object, Map<string, unknown[]>>();

/** Runs `body` with the rows of {@link insertWithGroup} kept for `trx`, then writes them. */
async function withGroupedRows<T>(trx: Kysely<unknown>, body: () => Promise<T>): Promise<T> {
  const pending = new Map<string, unknown[]>();
  pendingRows.set(trx, pending);
  try {
    const value = await body();
    pendingRows.delete(trx);
    const writer = trx as Kysely<Record<string, Record<string, unknown>>>;
    for (const [table, rows] of pending) {
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
        const chunk = rows.slice(i, i + ROWS_PER_INSERT) as Record<string, unknown>[];
        await writer.insertInto(table).values(chunk).execute();
      }
    }
    return value;
  } finally {
    pendingRows.delete(trx);
  }
}

/** Most units one transaction takes: a failing group retries this many units one by one. */
const MAX_GROUP = 64;
/**
 * Most extra turns of the event loop a one-writer group waits for arriving units (see `gather`).
 * Measured under bench:api's submit load on SQLite, the smallest tenth of the groups grew from 1–17
 * units to 28–50, and the time a request waited before the server read it (the gap between the
 * client's and the server's p99) fell from 30–45 ms to about 10–20 ms; a lone request waits one turn more.
 */
const GATHER_TURNS = 3;
/**
 * Groups committing at once on PostgreSQL, whose server takes concurrent transactions (SQLite has
 * one writer, so one group at a time there). A few lanes overlap one group's round trips with
 * another's while leaving most of the connection pool to readers.
 */
const POSTGRES_LANES = 4;

const groups = new WeakMap<object, WriteGroup>();

type Unit = {
  run: (trx: Kysely<unknown>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
};
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown } | { ok: 'retry alone' };

class WriteGroup {
  private readonly waiting: Unit[] = [];
  private running = 0;

  constructor(
    private readonly db: Kysely<unknown>,
    private readonly lanes: number,
  ) {}

  add(run: Unit['run']): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ run, resolve, reject });
      // The first unit waits for the requests already read from the sockets (and, with one
      // writer, for those still arriving: gather); later ones gather while a group commits.
      if (this.running < this.lanes && this.waiting.length === 1) this.gather(0, 0);
    });
  }

  /**
   * Starts a lane after one turn of the event loop; with one writer (SQLite), after more turns as
   * long as each turn brought new units, up to {@link GATHER_TURNS}. A SQLite group runs without
   * giving the event loop away, so a request that arrives just after a group started waits for
   * that whole group and then for its own: under load, clients sending their next request as each
   * answer lands split every round of requests into a group and a straggler group. On PostgreSQL a
   * group awaits the server, the stragglers are read meanwhile and another lane takes them.
   */
  private gather(seen: number, turns: number): void {
    setImmediate(() => {
      const arrived = this.waiting.length;
      const gathering = this.lanes === 1 && arrived > seen && arrived < MAX_GROUP;
      if (gathering && turns < GATHER_TURNS) this.gather(arrived, turns + 1);
      else void this.lane();
    });
  }

  private async lane(): Promise<void> {
    if (this.running >= this.lanes) return;
    this.running++;
    try {
      while (this.waiting.length > 0) await this.commit(this.waiting.splice(0, MAX_GROUP));
    } finally {
      this.running--;
    }
  }

  private async commit(group: Unit[]): Promise<void> {
    const [only] = group;
    if (group.length === 1 && only !== undefined) return this.alone(only);
    // Nearly every group succeeds whole, so it first runs without savepoints (two statements fewer
    // per unit); a unit that fails undoes the group, which then runs again unit by unit.
    try {
      const values = await writeTransaction(this.db, (trx) =>
        withGroupedRows(trx, async () => {
          const done: unknown[] = [];
          for (const unit of group) done.push(await unit.run(trx));
          return done;
        }),
      );
      group.forEach((unit, i) => {
        unit.resolve(values[i]);
      });
    } catch {
      await this.commitEachInSavepoint(group);
    }
  }

  private async commitEachInSavepoint(group: Unit[]): Promise<void> {
    let outcomes: Outcome[];
    try {
      outcomes = await writeTransaction(this.db, async (trx) => {
        const done: Outcome[] = [];
        for (const unit of group) done.push(await inSavepoint(trx, unit.run));
        return done;
      });
    } catch {
      for (const unit of group) await this.alone(unit);
      return;
    }
    const again: Unit[] = [];
    group.forEach((unit, i) => {
      const outcome = outcomes[i];
      if (outcome === undefined || outcome.ok === 'retry alone') again.push(unit);
      else if (outcome.ok) unit.resolve(outcome.value);
      else unit.reject(outcome.error);
    });
    for (const unit of again) await this.alone(unit);
  }

  private async alone(unit: Unit): Promise<void> {
    try {
      unit.resolve(await writeTransaction(this.db, (trx) => withGroupedRows(trx, () => unit.run(trx))));
    } catch (error) {
      unit.reject(error);
    }
  }
}

/** Runs one unit; its failure undoes only its own writes and becomes its outcome. */
async function inSavepoint(trx: Kysely<unknown>, run: Unit['run']): Promise<Outcome> {
  await sql`savepoint grouped_unit`.execute(trx);
  try {
    const value = await withGroupedRows(trx, () => run(trx));
    await sql`release savepoint grouped_unit`.execute(trx);
    return { ok: true, value };
  } catch (error) {
    // If undoing fails, the connection is unusable: the shared transaction fails and is retried.
    await sql`rollback to savepoint grouped_unit`.execute(trx);
    await sql`release savepoint grouped_unit`.execute(trx);
    return isLockConflict(error) ? { ok: 'retry alone' } : { ok: false, error };
  }
}
