import type { PreparationStep, ProjectLevel, ProjectNature } from '@plantrack/core';
import type { Kysely } from 'kysely';
import { ConflictError } from '../../errors.js';
import type { Database } from '../../schema/database.schema.js';

// How a project's register fields become rows: shared by the one-project and the batch writes.

/** The register fields of one project as the office edits them; money in 万元. */
export type ProjectFields = {
  code: string | null;
  name: string;
  level: ProjectLevel | null;
  category: string | null;
  nature: ProjectNature | null;
  place: string | null;
  coordinates: { lng: number; lat: number } | null;
  serves: string[];
  content: string;
  newCapacity: string | null;
  totalWan: number | null;
  funding: { source: string; amountWan: number }[];
  startYear: number | null;
  endYear: number | null;
  plannedStart: string | null;
  actualStart: string | null;
  plannedCompletion: string | null;
  actualCompletion: string | null;
  leadUnit: string | null;
  responsiblePerson: string | null;
  linkedLeader: string | null;
  owner: string | null;
  ownerContact: string | null;
  published: boolean;
  /** 年度计划投资 and 年度形象进度目标 per year. */
  annualPlans: { year: number; planWan: number | null; milestoneText: string | null }[];
  /** 前期节点. */
  milestones: {
    step: PreparationStep;
    deadline: string | null;
    department: string | null;
    doneOn: string | null;
  }[];
};

export const codeTaken = (code: string): ConflictError =>
  new ConflictError('duplicate', {
    zh: `本规划已有项目代码为 ${code} 的项目。`,
    en: `The plan already has a project with code ${code}.`,
  });

/** The department a 责任单位 names (canonical name or alias in the plan's region), so its reporters report it. */
export async function leadDepartmentId(
  db: Kysely<Database>,
  planId: string,
  leadUnit: string | null,
): Promise<string | null> {
  if (leadUnit === null || leadUnit.trim() === '') return null;
  const plan = await db.selectFrom('plans').select('region_code').where('id', '=', planId).executeTakeFirst();
  const name = leadUnit.trim();
  let byName = db.selectFrom('departments').select('id').where('canonical_name', '=', name);
  if (plan?.region_code) byName = byName.where('region_code', '=', plan.region_code);
  const found = await byName.executeTakeFirst();
  if (found) return found.id;
  let byAlias = db.selectFrom('department_aliases').select('department_id').where('alias', '=', name);
  if (plan?.region_code) byAlias = byAlias.where('region_code', '=', plan.region_code);
  return (await byAlias.executeTakeFirst())?.department_id ?? null;
}

export function columnsWith(f: ProjectFields, leadDepartment: string | null) {
  return {
    code: f.code,
    name: f.name,
    level: f.level,
    category: f.category,
    nature: f.nature,
    place: f.place,
    lng: f.coordinates?.lng ?? null,
    lat: f.coordinates?.lat ?? null,
    serves_json: JSON.stringify(f.serves),
    content: f.content,
    new_capacity: f.newCapacity,
    total_wan: f.totalWan,
    funding_json: JSON.stringify(f.funding),
    start_year: f.startYear,
    end_year: f.endYear,
    planned_start: f.plannedStart,
    actual_start: f.actualStart,
    planned_completion: f.plannedCompletion,
    actual_completion: f.actualCompletion,
    lead_unit: f.leadUnit,
    lead_department_id: leadDepartment,
    responsible_person: f.responsiblePerson,
    linked_leader: f.linkedLeader,
    owner: f.owner,
    owner_contact: f.ownerContact,
    published: f.published ? (1 as const) : (0 as const),
  };
}

export const annualPlanRows = (projectId: string, f: ProjectFields) =>
  f.annualPlans.map((a) => ({
    project_id: projectId,
    year: a.year,
    plan_wan: a.planWan,
    milestone_text: a.milestoneText,
  }));
export const milestoneRows = (projectId: string, f: ProjectFields) =>
  f.milestones.map((m) => ({
    project_id: projectId,
    step: m.step,
    deadline: m.deadline,
    department: m.department,
    done_on: m.doneOn,
  }));
