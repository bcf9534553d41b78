import { type Department, listDepartments, planRegionCode } from '@plantrack/db';
import type { Principal } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { addUser } from '../accounts/user-admin.service.js';

/** A demo account as printed for the person trying PlanTrack out. */
export type DemoCredential = { role: string; email: string; password: string; department: string | null };

/** The demo's actors: the office, the reviewer and each department's reporter, as principals. */
export type DemoPeople = {
  credentials: DemoCredential[];
  office: Principal;
  reviewer: Principal;
  /** Department id → that department's reporter. */
  reporters: Map<string, Principal>;
  departments: Department[];
};

const BOOTSTRAP: Principal = {
  userId: 'demo-setup',
  roles: ['administrator'],
  departmentIds: [],
  via: 'session',
};

const principal = (
  userId: string,
  role: Principal['roles'][number],
  departmentId: string | null,
): Principal => ({
  userId,
  roles: [role],
  departmentIds: departmentId === null ? [] : [departmentId],
  via: 'session',
});

/**
 * One user for every role (administrator, planning office, reviewer, leader, public) and a reporter
 * for each department the plan names, created through the user service with generated passwords.
 */
export async function createDemoPeople(ctx: AppContext, planId: string): Promise<DemoPeople> {
  const departments = await listDepartments(ctx.db, await planRegionCode(ctx.db, planId));
  const credentials: DemoCredential[] = [];
  const add = async (
    email: string,
    displayName: string,
    role: Principal['roles'][number],
    department: Department | null = null,
  ): Promise<Principal> => {
    const { user, generatedPassword } = await addUser(ctx, BOOTSTRAP, {
      email,
      displayName,
      roles: [role],
      departmentId: department?.id ?? null,
    });
    credentials.push({
      role,
      email,
      password: generatedPassword ?? '',
      department: department?.canonicalName ?? null,
    });
    return principal(user.id, role, department?.id ?? null);
  };
  await add('admin@demo.plantrack.local', '演示·系统管理员', 'administrator');
  const office = await add('office@demo.plantrack.local', '演示·规划办', 'planning_office');
  const reviewer = await add('reviewer@demo.plantrack.local', '演示·审核人', 'reviewer');
  await add('leader@demo.plantrack.local', '演示·分管领导', 'leader');
  await add('public@demo.plantrack.local', '演示·公众', 'public');
  const reporters = new Map<string, Principal>();
  for (const [i, department] of departments.entries()) {
    const email = `reporter${String(i + 1).padStart(2, '0')}@demo.plantrack.local`;
    reporters.set(
      department.id,
      await add(email, `演示·${department.canonicalName}填报员`, 'department_reporter', department),
    );
  }
  return { credentials, office, reviewer, reporters, departments };
}
