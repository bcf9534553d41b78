// The floors of bench:api: for each endpoint, the SQL that reads or writes its data, run directly
// through the driver (better-sqlite3 / pg) — no HTTP, no auth, no validation, no JSON. The same
// statements the repositories issue (written out by hand), in the same order.

import { createHash } from 'node:crypto';

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
  // Parameterised statements run as named statements, as the server's pool runs them (db
  // pg-named-statements.ts): each connection plans them once, not at every call. Texts with a LIKE
  // pattern stay unnamed there, and here.
  const statement = (sql, params) => {
    const text = numbered(sql);
    if (params.length === 0 || /\s(i?like)\s/i.test(text)) return [text, params];
    const name = `floor_${createHash('sha256').update(text).digest('base64url').slice(0, 24)}`;
    return [{ name, text, values: params }];
  };
  return {
    query: async (sql, params = []) => (await driver.pool.query(...statement(sql, params))).rows,
    transaction: async (fn) => {
      const client = await driver.pool.connect();
      try {
        await client.query('begin');
        const result = await fn({
          query: async (sql, params = []) => (await client.query(...statement(sql, params))).rows,
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

/** The indicator as its plan's newest version defines it, with its evidence rule and files (db quality-inputs). */
const QUALITY_INDICATOR = `select iv.name, iv.unit, iv.scope, iv.direction, iv.target_json, iv.baseline_json,
    (select s.evidence_required from review_settings s where s.plan_id = pv.plan_id) as evidence_required,
    (select count(*) from evidence_files f where f.subject_kind = 'observation' and f.subject_key = ?
      and f.withdrawn_at is null and f.redacted_at is null) as evidence_attached
  from indicator_versions iv inner join plan_versions pv on pv.id = iv.plan_version_id
  where iv.indicator_id = ? order by pv.version_no desc limit 1`;
/** The approved values in force of the earlier periods of the observed period's shape (db quality-inputs). */
const QUALITY_COMPARED = `select o.period, o.scope, o.value, row_number() over (partition by o.observation_key
    order by o.revision_no desc) as newest from observations o
  where o.indicator_id = ? and o.period >= '' and o.period < ? and length(o.period) = ?
    and substr(o.period, 5, 1) = ? and o.status = 'approved'`;
/** Who submitted, their department, the subject's name and plan, the reviewers (db review-notice). */
const SUBMISSION_FACTS = `select u.display_name as name, d.id as department_id, d.canonical_name as department_name,
    (select v.name from indicator_versions v inner join plan_versions pv on pv.id = v.plan_version_id
      where v.indicator_id = ? order by pv.version_no desc limit 1) as subject_name,
    (select pv.plan_id from indicator_versions v inner join plan_versions pv on pv.id = v.plan_version_id
      where v.indicator_id = ? order by pv.version_no desc limit 1) as plan_id,
    h.id as holder_id, h.role as holder_role
  from (select 1 as one) one left join users u on u.id = ? left join departments d on d.id = u.department_id
  left join (select hu.id, hr.role from users hu inner join user_roles hr on hr.user_id = hu.id
    where hr.role in ('reviewer', 'planning_office') and hu.active = 1 and hu.id != ?) h on 1 = 1
  order by h.id`;

/**
 * Submit: every statement a submission issues, in the server's order, each call committing on its
 * own (the server shares a commit among the submissions that arrive together: db group-commit.ts).
 * - The data-quality check's inputs (db quality-inputs): on PostgreSQL one joined statement before
 *   the transaction; on SQLite the indicator and the compared values as two statements inside it.
 * - The write transaction: the revision row, inserted unless its key or idempotency key is taken
 *   (the lookups are folded into it: db review-flow.ts); its audit record (which reads the
 *   indicator's plan in the same statement); its quality flags.
 * - After the commit, what the reviewers' notice names and whom it tells (db review-notice); the
 *   benchmark's user is the only office user, so no notice row follows, as in the server.
 * The check itself (core) and the notice's wording are the server's work, not SQL: the floor
 * stores an empty flag list.
 */
export async function submitFloor(q, dialect, s) {
  const key = `${s.indicatorId}|${s.period}|${s.scope}`;
  const compared = [s.indicatorId, s.period, s.period.length, s.period.slice(4, 5)];
  const comparedInForce = `select v.period, v.scope, v.value from (${QUALITY_COMPARED}) v where v.newest = 1
    order by v.period, v.scope`;
  const readQualityInputs = async (t) => {
    if (dialect === 'postgres') {
      return t.query(
        `select i.*, o.period as compared_period, o.scope as compared_scope, o.value as compared_value
         from (${QUALITY_INDICATOR}) i left join (${QUALITY_COMPARED}) o on o.newest = 1
         order by o.period, o.scope`,
        [key, s.indicatorId, ...compared],
      );
    }
    await t.query(QUALITY_INDICATOR, [key, s.indicatorId]);
    return t.query(comparedInForce, compared);
  };
  if (dialect === 'postgres') await readQualityInputs(q);
  await q.transaction(async (t) => {
    const at = new Date().toISOString();
    const inserted = await t.query(
      `insert into observations (id, observation_key, revision_no, indicator_id, period, scope, value, value_text,
        unit, estimated, source, comment, evidence_json, status, action, reason, created_at, created_by,
        idempotency_key, supersedes_id, self_reviewed) values (?, ?, 1, ?, ?, ?, ?, null, null, 0, ?, null, '[]',
        'submitted', 'submit', null, ?, ?, ?, null, 0) on conflict do nothing returning id`,
      [s.id, key, s.indicatorId, s.period, s.scope, s.value, s.source, at, s.actor, s.idempotencyKey],
    );
    if (inserted.length !== 1) throw new Error(`submit floor: ${key} already stored`);
    if (dialect === 'sqlite') await readQualityInputs(t);
    await t.query(
      `insert into audit_log (id, at, actor, action, entity, entity_id, plan_id, detail_json)
       values (?, ?, ?, 'observation.submit', 'observation', ?,
         (select plan_id from indicators where id = ?), ?)`,
      [
        s.auditId,
        at,
        s.actor,
        key,
        s.indicatorId,
        JSON.stringify({ revisionId: s.id, revisionNo: 1, status: 'submitted' }),
      ],
    );
    await t.query(
      `insert into observation_quality_flags (revision_id, observation_key, revision_no, flags_json, checked_at)
       values (?, ?, 1, '[]', ?)`,
      [s.id, key, at],
    );
  });
  await q.query(SUBMISSION_FACTS, [s.indicatorId, s.indicatorId, s.actor, s.actor]);
}
