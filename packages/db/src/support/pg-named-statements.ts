import { createHash } from 'node:crypto';
import type pg from 'pg';

/**
 * PostgreSQL parses and plans an unnamed statement every time it runs. The query builder sends the
 * same text for the same query shape, so a query the server runs over and over (the quality
 * check's inputs, the reviewer notice's facts on every submission) was planned afresh each time:
 * under bench:api that planning was most of those reads' cost. Naming the statement makes each
 * connection parse it once and, after a few runs, reuse a generic plan (the server's own choice,
 * `plan_cache_mode = auto`). This is the PostgreSQL side of what statement-cache.ts does for SQLite.
 *
 * Only parameterised reads and writes are named: a text without parameters may hold several
 * statements (migrations) or DDL, which the extended protocol cannot prepare or should not keep.
 * Nor is a text with a LIKE pattern: whether an index (a trigram index for search) serves it depends
 * on the pattern, so a plan made once for every pattern served search misses at half the rate.
 * A text is named once it has been seen twice, and at most {@link MAX_NAMED} texts are, so that
 * one-off texts (an `in` list of a new length, a multi-row insert of a new size) cannot fill each
 * connection's store of prepared statements; past the bound, texts run unnamed as before.
 */
export function nameRepeatedStatements(client: pg.PoolClient, registry: StatementNames): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const named = (text: unknown, values: unknown, ...rest: unknown[]): unknown => {
    const name = typeof text === 'string' && Array.isArray(values) ? registry.nameOf(text, values) : null;
    return name === null ? query(text, values, ...rest) : query({ name, text, values }, ...rest);
  };
  client.query = named as typeof client.query;
}

/** Most texts named per process (each connection prepares those it runs). */
const MAX_NAMED = 256;
/** Texts counted while waiting for a second sighting; the count restarts when it is full. */
const MAX_SEEN = 2_048;
const NAMEABLE = /^\s*(select|insert|update|delete|with)\b/i;
const PATTERN_MATCH = /\s(i?like)\s/i;

/** Which statement texts run as named statements; shared by the connections of one pool. */
export class StatementNames {
  private readonly names = new Map<string, string>();
  private readonly seen = new Set<string>();

  nameOf(text: string, values: readonly unknown[]): string | null {
    const known = this.names.get(text);
    if (known !== undefined) return known;
    if (values.length === 0 || this.names.size >= MAX_NAMED) return null;
    if (!NAMEABLE.test(text) || PATTERN_MATCH.test(text)) return null;
    if (!this.seen.has(text)) {
      if (this.seen.size >= MAX_SEEN) this.seen.clear();
      this.seen.add(text);
      return null;
    }
    this.seen.delete(text);
    const name = `pt_${createHash('sha256').update(text).digest('base64url').slice(0, 24)}`;
    this.names.set(text, name);
    return name;
  }
}
