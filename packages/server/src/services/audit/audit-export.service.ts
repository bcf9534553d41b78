import { AUDIT_EXPORT_MAX_ROWS, type AuditExportQuery } from '@plantrack/api';
import { writeXlsxSheets } from '@plantrack/formats';
import type { Principal } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { ApiError } from '../../errors.js';
import { type AuditRecordNamer, auditRecordNamer } from './audit-record-names.js';
import { type AuditEntryDto, audit } from './audit.service.js';

/**
 * The audit log as a file for the office's own records: the rows the screen shows under the same
 * filters, every page of them, people, departments and records by name. The server writes the file so a
 * download holds exactly what the filters select, not what one screen page happened to load.
 */

const PAGE = 1000;

// 记录 and 计划 by name as the audit screen shows them; the stored id stays in the last column so a
// row can still be traced in the database.
const HEADER = [
  '时间 (UTC)',
  '操作人',
  '部门',
  '操作',
  '记录类型',
  '记录',
  '计划',
  '详情',
  '记录编号',
] as const;

/** Every audit row the filters select, newest first; refuses a selection over the export limit. */
async function selectedRows(
  ctx: AppContext,
  p: Principal,
  query: AuditExportQuery,
): Promise<AuditEntryDto[]> {
  const rows: AuditEntryDto[] = [];
  let beforeId: string | undefined;
  for (;;) {
    const page = await audit(ctx, p, {
      ...query,
      limit: PAGE,
      ...(beforeId === undefined ? {} : { beforeId }),
    });
    rows.push(...page);
    if (rows.length > AUDIT_EXPORT_MAX_ROWS) throw tooMany();
    if (page.length < PAGE) return rows;
    beforeId = page[page.length - 1]?.id;
  }
}

function tooMany(): ApiError {
  return new ApiError(422, 'audit-export-too-large', {
    zh: `所选审计记录超过 ${AUDIT_EXPORT_MAX_ROWS} 条，请缩小筛选范围（人员、部门或日期）后再导出。`,
    en: `The selection has more than ${AUDIT_EXPORT_MAX_ROWS} audit rows; narrow the filters (person, department or dates) and export again.`,
  });
}

// The actors that are no user, named as the audit screen names them (the stored id stays an id for anyone else).
const NON_USER_ACTORS: Readonly<Record<string, string>> = { system: '系统', anonymous: '未登录访客' };

function cells(e: AuditEntryDto, name: AuditRecordNamer): string[] {
  return [
    e.at,
    e.actorName ?? NON_USER_ACTORS[e.actor] ?? e.actor,
    e.actorDepartment ?? '',
    e.action,
    e.entity,
    name(e.entityId) ?? e.entityId,
    e.planId === null || e.planId === undefined ? '' : (name(e.planId) ?? e.planId),
    e.detail === null || e.detail === undefined ? '' : JSON.stringify(e.detail),
    e.entityId,
  ];
}

/** The rows as table cells, records and plans by name. */
async function namedRows(ctx: AppContext, p: Principal, query: AuditExportQuery): Promise<string[][]> {
  const rows = await selectedRows(ctx, p, query);
  const name = await auditRecordNamer(ctx, p, rows);
  return rows.map((r) => cells(r, name));
}

/** The filtered audit rows as an .xlsx workbook (one sheet 审计日志, header row in bold). */
export async function auditWorkbook(
  ctx: AppContext,
  p: Principal,
  query: AuditExportQuery,
): Promise<Uint8Array> {
  const rows = await namedRows(ctx, p, query);
  return writeXlsxSheets([
    {
      name: '审计日志',
      rows: [HEADER, ...rows],
      headerRows: 1,
      widths: [24, 14, 18, 26, 18, 40, 38, 60, 40],
    },
  ]);
}

/** The filtered audit rows as CSV for Excel: UTF-8 with BOM, CRLF, fields quoted where needed. */
export async function auditCsv(ctx: AppContext, p: Principal, query: AuditExportQuery): Promise<Buffer> {
  const rows = await namedRows(ctx, p, query);
  const lines = [HEADER, ...rows].map((r) => r.map(csvField).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

function csvField(value: string): string {
  // A leading = + - @ would be run as a formula by Excel; a quote mark keeps it text.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
