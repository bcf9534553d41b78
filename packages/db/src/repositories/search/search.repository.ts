import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../schema/database.schema.js';
import type { SearchKind } from '../../schema/record-tables.schema.js';
import { dialectOf } from '../../support/dialect.js';
import { type SearchAudience, visibleTo } from './search-audience.js';
import { type SnippetMarks, buildSnippet } from './search-snippet.js';

/** One search hit, linked to its source: the outline node and the span in the version's text. */
export type SearchHit = {
  kind: SearchKind;
  /** Outline node id, indicator id, task id, or progress report key. */
  id: string;
  planId: string;
  planVersionId: string | null;
  nodeKey: string | null;
  title: string;
  /** An excerpt with every hit marked (`【…】` or `<mark>…</mark>`). */
  snippet: string;
  /** Higher is better; comparable within one result list only (dialects rank differently). */
  score: number;
  source: { start: number; end: number } | null;
};

/** Options of {@link search}. */
export type SearchOptions = {
  /** Who is searching: required, so no search can forget what its reader may see. */
  audience: SearchAudience;
  planId?: string;
  kinds?: readonly SearchKind[];
  /** Default 20, at most 100. */
  limit?: number;
  marks?: SnippetMarks;
};

type Row = {
  kind: SearchKind;
  ref_id: string;
  plan_id: string;
  plan_version_id: string | null;
  node_key: string | null;
  title: string;
  body: string;
  source_start: number | null;
  source_end: number | null;
  score: number | string;
};

/** Longest query accepted, in characters; longer input is cut. */
const MAX_QUERY = 100;

/**
 * Matches ranked per query, at most. Without a plan filter a common phrase matches in every plan
 * of a province (thousands of documents); ranking them all cost hundreds of milliseconds, so the
 * first matches in document order are ranked and the rest never scored. One plan's matches stay
 * far below this, so a plan-filtered search ranks every match.
 */
const MAX_CANDIDATES = 200;

/**
 * Chinese full-text search over the plan text, indicators, tasks and progress reports of each
 * plan's newest version. Whitespace separates terms, all of which must occur.
 *
 * SQLite: an FTS5 trigram index when every term has at least three characters (ranked by bm25,
 * titles weighted double); shorter terms (`人才`) cannot be matched by trigrams, so those queries
 * scan with `instr` instead. PostgreSQL: `ILIKE` served by pg_trgm GIN indexes (short terms scan),
 * ranked by hits in the title and the number of occurrences. Snippets are built in TypeScript so
 * both dialects show the same excerpt. Rows the audience may not see are filtered out in the same
 * query, before the candidate cap and the limit (see `visibleTo`).
 */
export async function search(
  db: Kysely<Database>,
  query: string,
  options: SearchOptions,
): Promise<SearchHit[]> {
  const terms = [
    ...new Set(
      query
        .slice(0, MAX_QUERY)
        .trim()
        .split(/\s+/)
        .filter((t) => t !== ''),
    ),
  ];
  if (terms.length === 0) return [];
  const limit = Math.min(Math.max(options.limit ?? 20, 1), 100);
  const filters: RawBuilder<unknown>[] = [visibleTo(options.audience)];
  if (options.planId !== undefined) filters.push(sql`d.plan_id = ${options.planId}`);
  if (options.kinds !== undefined && options.kinds.length > 0) {
    filters.push(sql`d.kind in (${sql.join(options.kinds)})`);
  }
  const columns = sql`d.kind, d.ref_id, d.plan_id, d.plan_version_id, d.node_key, d.title, d.body, d.source_start, d.source_end`;
  const dialect = dialectOf(db);
  let rows: Row[];
  if (dialect === 'sqlite' && terms.every((t) => [...t].length >= 3)) {
    const match = terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ');
    const where = [sql`search_fts match ${match}`, ...filters];
    const result = await sql<Row>`
      select ${columns}, c.score
      from (
        select d.doc_id, -bm25(search_fts, 2.0, 1.0) as score
        from search_fts join search_documents d on d.doc_id = search_fts.rowid
        where ${sql.join(where, sql` and `)}
        limit ${MAX_CANDIDATES}
      ) c join search_documents d on d.doc_id = c.doc_id
      order by c.score desc, d.doc_id
      limit ${limit}
    `.execute(db);
    rows = result.rows;
  } else {
    rows = await scan(db, dialect, terms, filters, columns, limit);
  }
  const hits: SearchHit[] = [];
  for (const r of rows) {
    const snippet =
      buildSnippet(r.body, terms, { marks: options.marks }) ??
      buildSnippet(r.title, terms, { marks: options.marks });
    hits.push({
      kind: r.kind,
      id: r.ref_id,
      planId: r.plan_id,
      planVersionId: r.plan_version_id,
      nodeKey: r.node_key,
      title: r.title,
      snippet: snippet ?? r.title,
      score: Number(r.score),
      source:
        r.source_start === null || r.source_end === null
          ? null
          : { start: r.source_start, end: r.source_end },
    });
  }
  return hits;
}

/** Substring search: PostgreSQL `ILIKE` (trigram-indexed), SQLite `instr` for one- and two-character terms. */
async function scan(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
  terms: readonly string[],
  filters: readonly RawBuilder<unknown>[],
  columns: RawBuilder<unknown>,
  limit: number,
): Promise<Row[]> {
  const where = [...filters];
  for (const term of terms) {
    const lower = term.toLowerCase();
    if (dialect === 'postgres') {
      const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      // ILIKE folds case character by character, several times slower than LIKE on Chinese text;
      // a term without case (Chinese, digits) matches the same either way. Both use the trigram index.
      where.push(
        caseless(term)
          ? sql`(d.title like ${pattern} or d.body like ${pattern})`
          : sql`(d.title ilike ${pattern} or d.body ilike ${pattern})`,
      );
    } else {
      where.push(sql`instr(lower(d.title || ' ' || d.body), ${lower}) > 0`);
    }
  }
  const position = dialect === 'postgres' ? 'strpos' : 'instr';
  // Two points for a hit in the title, one per occurrence in the body (lower() is skipped where it
  // cannot change the count: a caseless term on PostgreSQL).
  const scoreExpression = sql.join(
    terms.flatMap((term) => {
      const lower = term.toLowerCase();
      const fold = (column: RawBuilder<unknown>) =>
        dialect === 'postgres' && caseless(term) ? column : sql`lower(${column})`;
      return [
        sql`(case when ${sql.raw(position)}(${fold(sql`d.title`)}, ${lower}) > 0 then 2 else 0 end)`,
        sql`((length(d.body) - length(replace(${fold(sql`d.body`)}, ${lower}, ''))) / ${[...term].length})`,
      ];
    }),
    sql` + `,
  );
  // Scores are computed for the capped candidates only (the outer query).
  const result = await sql<Row>`
    select ${columns}, ${scoreExpression} as score
    from (
      select d.* from search_documents d
      where ${sql.join(where, sql` and `)}
      limit ${MAX_CANDIDATES}
    ) d
    order by score desc, d.doc_id
    limit ${limit}
  `.execute(db);
  return result.rows;
}

/** Whether case folding leaves the term as it is (Chinese characters, digits, punctuation). */
function caseless(term: string): boolean {
  return term.toLowerCase() === term && term.toUpperCase() === term;
}
