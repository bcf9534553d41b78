import {
  AliasNode,
  InsertQueryNode,
  SelectQueryNode,
  TableNode,
  type Kysely,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';

/** What one executed statement was, as far as a count per kind and table needs. */
export type CountedStatement = { kind: string; table: string | null };

/**
 * Counts the statements a piece of code sends through a Kysely instance and that succeed (not
 * BEGIN and COMMIT on PostgreSQL, which the driver sends itself; on SQLite they are raw statements,
 * counted as `RawNode`). Test-only: round trips are what a write path pays for, so tests pin their
 * number instead of timing them.
 */
export function countStatements<DB>(db: Kysely<DB>): { db: Kysely<DB>; statements: CountedStatement[] } {
  const statements: CountedStatement[] = [];
  // Subqueries pass through transformQuery too, each with its own query id; only a query whose
  // result comes back was sent, so a statement is counted when its result arrives.
  const built = new WeakMap<object, RootOperationNode>();
  const plugin: KyselyPlugin = {
    transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
      built.set(args.queryId, args.node);
      return args.node;
    },
    transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      const node = built.get(args.queryId);
      if (node !== undefined) statements.push({ kind: node.kind, table: tableOf(node) });
      return Promise.resolve(args.result);
    },
  };
  return { db: db.withPlugin(plugin), statements };
}

/** The statements other than transaction control (BEGIN, COMMIT, savepoints), which dialects send differently. */
export function dataStatements(statements: readonly CountedStatement[]): CountedStatement[] {
  return statements.filter((s) => s.kind !== 'RawNode');
}

function tableOf(node: RootOperationNode): string | null {
  if (InsertQueryNode.is(node)) return node.into?.table.identifier.name ?? null;
  if (!SelectQueryNode.is(node)) return null;
  const from = node.from?.froms[0];
  if (from !== undefined && TableNode.is(from)) return from.table.identifier.name;
  if (from !== undefined && AliasNode.is(from) && TableNode.is(from.node))
    return from.node.table.identifier.name;
  return null;
}
