import { type Expression, type SqlBool, sql } from 'kysely';

/**
 * `column` names one of the given 责任单位 (a reporter may belong to several departments); an
 * empty list matches no project, so a reporter of no department sees none.
 */
export function ledBy(column: string, departmentIds: readonly string[]): Expression<SqlBool> {
  if (departmentIds.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`${sql.ref(column)} in (${sql.join(departmentIds)})`;
}
