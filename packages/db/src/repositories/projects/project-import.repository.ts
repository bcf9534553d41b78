import type { ProjectNature, ProjectStage } from '@plantrack/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../schema/database.schema.js';
import { writeTransaction } from '../../support/dialect.js';
import { createProjects, updateProjects } from './project-batch-write.repository.js';
import { getProjectRecords } from './project-read.repository.js';
import { type ProjectFields, emptyProjectFields, projectNotFound } from './project-write.repository.js';

/** One row of an office's project sheet as the register takes it (money in 万元). */
export type ProjectImportRow = {
  row: number;
  code: string | null;
  name: string;
  category: string | null;
  nature: string | null;
  content: string | null;
  totalWan: number | null;
  annualPlanWan: number | null;
  startYear: number | null;
  endYear: number | null;
  leadUnit: string | null;
  place: string | null;
  owner: string | null;
};

/** How a sheet row meets the register: a new project, the project with its code, or one of the same name and 责任单位. */
export type ProjectImportMatch = {
  row: number;
  name: string;
  projectId: string | null;
  matchedBy: 'code' | 'name' | null;
  /** What the commit does with the row. `confirm` rows wait for the office's answer. */
  outcome: 'create' | 'update' | 'confirm';
};

/** The office's answer for a row matched by name only: update that project, or add a new one. */
export type ProjectImportConfirmation = { row: number; decision: 'update' | 'create' };

export type ProjectImportResult = {
  matches: ProjectImportMatch[];
  /** True when the rows were written; false for a preview or while a name match waits for confirmation. */
  committed: boolean;
  created: number;
  updated: number;
};

const NATURES: readonly ProjectNature[] = ['储备', '前期', '新开工', '续建', '竣工'];
const STAGE_OF_NATURE: Readonly<Record<ProjectNature, ProjectStage>> = {
  储备: '储备',
  前期: '前期',
  新开工: '在建',
  续建: '在建',
  竣工: '竣工',
};
const natureOf = (text: string | null): ProjectNature | null =>
  NATURES.find((n) => n === text?.trim()) ?? null;

/** Matches every row: by 项目代码 first, then by name + 责任单位 (which the office confirms). */
async function matchRows(
  db: Kysely<Database>,
  planId: string,
  rows: readonly ProjectImportRow[],
  confirmations: readonly ProjectImportConfirmation[],
): Promise<ProjectImportMatch[]> {
  const existing = await db
    .selectFrom('projects')
    .select(['id', 'code', 'name', 'lead_unit'])
    .where('plan_id', '=', planId)
    .execute();
  const byCode = new Map(existing.filter((p) => p.code !== null).map((p) => [p.code as string, p.id]));
  const byName = new Map(existing.map((p) => [`${p.name}\u0000${p.lead_unit ?? ''}`, p.id]));
  const answer = new Map(confirmations.map((c) => [c.row, c.decision]));
  return rows.map((r) => {
    const codeId = r.code === null ? undefined : byCode.get(r.code);
    if (codeId !== undefined)
      return { row: r.row, name: r.name, projectId: codeId, matchedBy: 'code', outcome: 'update' };
    const nameId = byName.get(`${r.name}\u0000${r.leadUnit ?? ''}`);
    if (nameId === undefined)
      return { row: r.row, name: r.name, projectId: null, matchedBy: null, outcome: 'create' };
    const decision = answer.get(r.row);
    return { row: r.row, name: r.name, projectId: nameId, matchedBy: 'name', outcome: decision ?? 'confirm' };
  });
}

function applyRow(base: ProjectFields, r: ProjectImportRow, year: number): ProjectFields {
  const annualPlans = base.annualPlans.filter((a) => a.year !== year);
  const kept = base.annualPlans.find((a) => a.year === year);
  if (r.annualPlanWan !== null || kept !== undefined) {
    annualPlans.push({
      year,
      planWan: r.annualPlanWan ?? kept?.planWan ?? null,
      milestoneText: kept?.milestoneText ?? null,
    });
  }
  return {
    ...base,
    code: r.code ?? base.code,
    name: r.name,
    category: r.category ?? base.category,
    nature: natureOf(r.nature) ?? base.nature,
    content: r.content ?? base.content,
    totalWan: r.totalWan ?? base.totalWan,
    startYear: r.startYear ?? base.startYear,
    endYear: r.endYear ?? base.endYear,
    leadUnit: r.leadUnit ?? base.leadUnit,
    place: r.place ?? base.place,
    owner: r.owner ?? base.owner,
    annualPlans: annualPlans.sort((a, b) => a.year - b.year),
  };
}

/**
 * Imports a sheet's rows into the plan's register for `year` (the year of 年度计划投资), all or
 * nothing in one transaction. Re-importing updates rather than duplicates: a row with a known
 * 项目代码 updates that project; a row matching only by name and 责任单位 is listed for the office
 * to confirm, and nothing is written until every such row has an answer. `dryRun` only matches.
 */
export async function importProjects(
  db: Kysely<Database>,
  input: {
    planId: string;
    year: number;
    rows: readonly ProjectImportRow[];
    confirmations?: readonly ProjectImportConfirmation[];
    dryRun: boolean;
    by: string;
  },
): Promise<ProjectImportResult> {
  const confirmations = input.confirmations ?? [];
  if (input.dryRun) {
    const matches = await matchRows(db, input.planId, input.rows, confirmations);
    return { matches, committed: false, created: 0, updated: 0 };
  }
  return writeTransaction(db, async (trx) => {
    const matches = await matchRows(trx, input.planId, input.rows, confirmations);
    if (matches.some((m) => m.outcome === 'confirm'))
      return { matches, committed: false, created: 0, updated: 0 };
    const updates = input.rows.flatMap((r, i) => {
      const m = matches[i] as ProjectImportMatch;
      return m.outcome === 'update' && m.projectId !== null ? [{ row: r, projectId: m.projectId }] : [];
    });
    const current = new Map(
      (
        await getProjectRecords(
          trx,
          updates.map((u) => u.projectId),
        )
      ).map((p) => [p.id, p]),
    );
    const creates: { match: ProjectImportMatch; fields: ProjectFields; stage: ProjectStage }[] = [];
    for (const [i, r] of input.rows.entries()) {
      const m = matches[i] as ProjectImportMatch;
      if (m.outcome === 'update' && m.projectId !== null) continue;
      const fields = applyRow(emptyProjectFields(r.name), r, input.year);
      const stage = fields.nature === null ? '储备' : STAGE_OF_NATURE[fields.nature];
      creates.push({ match: m, fields, stage });
    }
    // A 1,000-row sheet is a few multi-row statements (and one UPDATE a known project), not 10,000.
    await updateProjects(trx, {
      planId: input.planId,
      items: updates.map((u) => {
        const base = current.get(u.projectId);
        if (base === undefined) throw projectNotFound();
        return { projectId: u.projectId, fields: applyRow(base, u.row, input.year) };
      }),
      by: input.by,
    });
    const ids = await createProjects(trx, { planId: input.planId, items: creates, by: input.by });
    creates.forEach((c, n) => {
      c.match.projectId = ids[n] ?? null;
    });
    return { matches, committed: true, created: creates.length, updated: updates.length };
  });
}
