import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Database } from '../schema/database.schema.js';
import { type DialectName, dialectOf } from './dialect.js';

/**
 * A query of one fixed shape, built and compiled once per dialect and then run with each call's
 * values. Building a query (the operation tree, frozen node by node) and compiling it to SQL cost
 * tens of microseconds of JavaScript per statement, more than SQLite takes to run one; on the
 * submit path, where every request runs the same few statements, that was a fifth of the server's
 * time under bench:api.
 *
 * `build` receives stand-ins for the call's arguments and must pass them to the query builder as
 * values only (never inspect them or hand them to `sql.lit`): each stand-in is found again among
 * the compiled parameters and replaced by the argument of that name at every call. Anything that
 * changes the query's shape (an optional filter, an `in` list of varying length, a column present
 * or absent) does not belong in a reusable query; an argument that is `undefined` is refused,
 * since the query builder would have dropped the column it stood for. A build that hands `args`
 * on whole (an insert's row) names them in `names`: its stand-in then has exactly those keys.
 * Kysely instances with plugins, which may rewrite every query, build each call's query anew.
 */
export function reusableQuery<Args extends Record<string, unknown>, Row>(
  build: (db: Kysely<Database>, args: Args) => Compilable<Row>,
  names?: readonly (keyof Args & string)[],
): (db: Kysely<Database>, args: Args) => Promise<Row[]> {
  const compiled = new Map<DialectName, CompiledQuery<Row>>();
  return async (db, args) => {
    // A plugin may rewrite each query (a test's statement counter): such an instance builds anew.
    if (db.getExecutor().plugins.length > 0) return (await db.executeQuery(build(db, args))).rows;
    const dialect = dialectOf(db);
    let template = compiled.get(dialect);
    if (template === undefined) {
      template = build(db, standIns(names) as Args).compile();
      compiled.set(dialect, template);
    }
    const parameters = template.parameters.map((p) => (p instanceof StandIn ? argument(args, p.name) : p));
    const query: CompiledQuery<Row> = { ...template, parameters };
    return (await db.executeQuery(query)).rows;
  };
}

/** Where a call's argument goes among the parameters of the compiled query. */
class StandIn {
  constructor(readonly name: string) {}
}

function standIns(names: readonly string[] | undefined): Record<string, StandIn> {
  if (names !== undefined) return Object.fromEntries(names.map((n) => [n, new StandIn(n)]));
  return new Proxy({}, { get: (_, name) => new StandIn(String(name)) });
}

function argument(args: Record<string, unknown>, name: string): unknown {
  const value = args[name];
  if (value === undefined) throw new Error(`reusableQuery: no value for "${name}"`);
  return value;
}
