// The floors of bench:api: for each endpoint, the SQL that reads or writes its data, run directly
// through the driver (better-sqlite3 / pg) — no HTTP, no auth, no validation, no JSON. The same
// statements the repositories issue (written out by hand), in the same order.

/** `?` placeholders → `$1, $2, …` for pg. */
function numbered(sql) {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** One `query(sql, params) → rows` for both drivers; better-sqlite3 statements are prepared once. */
export function querier(driver) {
  if (driver.dialect === 'sqlite') {
    const prepared = new Map();
    const statement = (sql) => {
      let s = prepared.get(sql);
      if (s === undefined) {
        s = driver.sqlite.prepare(sql);
        prepared.set(sql, s);
      }
      return s;
    };
    return {
      query: async (sql, params = []) => {
        const s = statement(sql);
        return s.reader ? s.all(params) : (s.run(params), []);
      },
      /** A write transaction (BEGIN IMMEDIATE, as writeTransaction does). */
      transaction: async (fn) => {
        const run = (sql, params = []) => {
          const s = statement(sql);
          return s.reader ? s.all(params) : (s.run(params), []);
        };
        driver.sqlite.exec('begin immediate');
        try {
          // Synchronous driver: the awaits below resolve without giving the event loop away.
          const result = await fn({ query: async (sql, params) => run(sql, params) });
          driver.sqlite.exec('commit');
          return result;
        } catch (error) {
          driver.sqlite.exec('rollback');
          throw error;
        }
      },
    };
  }
  return {
    query: async (sql, params = []) => (await driver.pool.query(numbered(sql), params)).rows,
    transaction: async (fn) => {
      const client = await driver.pool.connect();
      try {
        await client.query('begin');
        const result = await fn({
          query: async (sql, params = []) => (await client.query(numbered(sql), params)).rows,
        });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback');
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

const PLAN_HEADER = `select p.id, p.title, p.region, p.period_start, p.period_end, p.baseline_year,
  v.id as version_id, v.version_no from plans p inner join plan_versions v on v.plan_id = p.id
  where p.id = ? order by v.version_no desc limit 1`;
const INDICATORS = `select iv.indicator_id, i.indicator_key, i.published, iv.seq, iv.group_name, iv.name,
  iv.unit, iv.attribute, iv.direction, iv.baseline_json, iv.target_json, iv.scope, iv.source_start
  from indicator_versions iv inner join indicators i on i.id = iv.indicator_id where iv.plan_version_id = ?`;
const approvedIn = (n) => `select o.indicator_id, o.period, o.scope, o.value, o.estimated, o.source
  from observations o where o.indicator_id in (${Array(n).fill('?').join(', ')}) and o.status = 'approved'
  and o.revision_no = (select max(o2.revision_no) from observations o2
    where o2.observation_key = o.observation_key and o2.status = 'approved')`;
const TASKS = `select tv.id, tv.task_id, t.task_key, tv.measure, tv.clause, tv.node_key, tv.source_start
  from task_versions tv inner join tasks t on t.id = tv.task_id where tv.plan_version_id = ? and t.plan_id = ?
  order by tv.source_start`;

/** Dashboard: plan header, indicators, values in force of all of them, tasks. */
export async function dashboardFloor(q, planId) {
  const [plan] = await q.query(PLAN_HEADER, [planId]);
  const indicators = await q.query(`${INDICATORS} order by iv.source_start`, [plan.version_id]);
  const ids = indicators.map((i) => i.indicator_id);
  const values = await q.query(approvedIn(ids.length), ids);
  const tasks = await q.query(TASKS, [plan.version_id, planId]);
  return values.length + tasks.length;
}

/** One indicator's assessment: identity, plan header, the indicator, its values in force. */
export async function assessmentFloor(q, indicatorId) {
  const [identity] = await q.query('select plan_id, indicator_key, published from indicators where id = ?', [
    indicatorId,
  ]);
  const [plan] = await q.query(PLAN_HEADER, [identity.plan_id]);
  await q.query(`${INDICATORS} and iv.indicator_id = ? order by iv.source_start`, [
    plan.version_id,
    indicatorId,
  ]);
  return (await q.query(approvedIn(1), [indicatorId])).length;
}

/** An observation's history: its revisions, oldest first. */
export async function historyFloor(q, key) {
  return (
    await q.query('select * from observations where observation_key = ? order by revision_no asc', [key])
  ).length;
}

const SEARCH_COLUMNS =
  'd.kind, d.ref_id, d.plan_id, d.plan_version_id, d.node_key, d.title, d.body, d.source_start, d.source_end';

/** What the planning office (the benchmark's user) may see: every kind (db search-audience.ts). */
const OFFICE_AUDIENCE = "(d.kind in ('node', 'indicator', 'task') or d.kind = 'report')";

/**
 * Search: FTS5 trigram (SQLite, terms of 3+ characters) or the substring scan, as the repository
 * does: at most 200 candidates are ranked; PostgreSQL matches a caseless term with LIKE.
 */
export async function searchFloor(q, dialect, term) {
  if (dialect === 'sqlite' && [...term].length >= 3) {
    return (
      await q.query(
        `select ${SEARCH_COLUMNS}, c.score from (
           select d.doc_id, -bm25(search_fts, 2.0, 1.0) as score from search_fts
           join search_documents d on d.doc_id = search_fts.rowid
           where search_fts match ? and ${OFFICE_AUDIENCE} limit 200
         ) c join search_documents d on d.doc_id = c.doc_id order by c.score desc, d.doc_id limit 20`,
        [`"${term}"`],
      )
    ).length;
  }
  const lower = term.toLowerCase();
  const caseless = lower === term && term.toUpperCase() === term;
  const fold = (column) => (dialect === 'postgres' && caseless ? column : `lower(${column})`);
  const position = dialect === 'postgres' ? 'strpos' : 'instr';
  const like = caseless ? 'like' : 'ilike';
  const where =
    dialect === 'postgres'
      ? `(d.title ${like} ? or d.body ${like} ?)`
      : "instr(lower(d.title || ' ' || d.body), ?) > 0";
  const whereParams = dialect === 'postgres' ? [`%${term}%`, `%${term}%`] : [lower];
  return (
    await q.query(
      `select ${SEARCH_COLUMNS}, (case when ${position}(${fold('d.title')}, ?) > 0 then 2 else 0 end)
         + ((length(d.body) - length(replace(${fold('d.body')}, ?, ''))) / ?) as score
       from (select d.* from search_documents d where ${where} and ${OFFICE_AUDIENCE} limit 200) d
       order by score desc, d.doc_id limit 20`,
      [lower, lower, [...term].length, ...whereParams],
    )
  ).length;
}

/**
 * Submit: the write transaction of the review flow — the revision row, inserted unless its key
 * or idempotency key is taken (the lookups are folded into it: db review-flow.ts), and its audit
 * record (which reads the indicator's plan in the same statement). Each call commits on its own.
 */
export async function submitFloor(q, s) {
  const key = `${s.indicatorId}|${s.period}|${s.scope}`;
  return q.transaction(async (t) => {
    const at = new Date().toISOString();
    const inserted = await t.query(
      `insert into observations (id, observation_key, revision_no, indicator_id, period, scope, value, value_text,
        unit, estimated, source, comment, evidence_json, status, action, reason, created_at, created_by,
        idempotency_key, supersedes_id, self_reviewed) values (?, ?, 1, ?, ?, ?, ?, null, null, 0, ?, null, '[]',
        'submitted', 'submit', null, ?, 'bench-floor', ?, null, 0) on conflict do nothing returning id`,
      [s.id, key, s.indicatorId, s.period, s.scope, s.value, s.source, at, s.idempotencyKey],
    );
    if (inserted.length !== 1) throw new Error(`submit floor: ${key} already stored`);
    await t.query(
      `insert into audit_log (id, at, actor, action, entity, entity_id, plan_id, detail_json)
       values (?, ?, 'bench-floor', 'observation.submit', 'observation', ?,
         (select plan_id from indicators where id = ?), ?)`,
      [
        s.auditId,
        at,
        key,
        s.indicatorId,
        JSON.stringify({ revisionId: s.id, revisionNo: 1, status: 'submitted' }),
      ],
    );
  });
}
