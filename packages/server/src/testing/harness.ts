import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseHandle, DialectName, IndicatorRow, Role } from '@plantrack/db';
import { listIndicators, createUser, departmentIdsByName } from '@plantrack/db';
import { type SeededPlan, seedSamplePlan } from '../../../db/src/testing/seed.js';
import { type PlanTrackApp, buildApp } from '../app.js';
import { hashPassword } from '../auth/password.js';
import type { ServerConfig } from '../config.js';

/** The departments the test users belong to: the first owns task 0 and indicator 0. */
export const OWN_DEPT = '区财政局';
export const OTHER_DEPT = '区发展和改革局';
export const PASSWORD = 'correct horse battery staple';

/** Test personas: every role, and a reporter of another department. */
export const PERSONAS = [
  'administrator',
  'planning_office',
  'department_reporter',
  'other_reporter',
  'reviewer',
  'leader',
  'public',
] as const;
export type Persona = (typeof PERSONAS)[number];

/** A signed-in browser session, or (with `bearer`) an API token used in its place. */
export type Session = { cookie: string; csrf: string; bearer?: string };
export type Harness = {
  app: PlanTrackApp;
  plan: SeededPlan;
  /** The indicator the own department is assigned (by config), and one nobody is. */
  ownIndicatorId: string;
  otherIndicatorId: string;
  /** The plan's key of `otherIndicatorId` (as round configurations and templates name it). */
  otherIndicatorKey: string;
  ownTaskId: string;
  otherTaskId: string;
  emails: Record<Persona, string>;
  sessions: Record<Persona, Session>;
};

export async function signIn(app: PlanTrackApp, email: string, password = PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookies = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { cookie: cookies, csrf: res.json<{ csrfToken: string }>().csrfToken };
}

/** Headers of a cookie-authenticated request (with the CSRF token), or of a token's request. */
export function as(session: Session | undefined): Record<string, string> {
  if (session?.bearer !== undefined) return { authorization: `Bearer ${session.bearer}` };
  return session === undefined ? {} : { cookie: session.cookie, 'x-csrf-token': session.csrf };
}

/** Seeds the sample plan, one user per persona, and builds the app with the indicator assignment. */
export async function makeHarness(
  handle: DatabaseHandle,
  dialect: DialectName,
  config: Partial<ServerConfig> | ((indicators: IndicatorRow[]) => Partial<ServerConfig>) = {},
): Promise<Harness> {
  const plan = await seedSamplePlan(handle);
  const indicators = await listIndicators(handle.db, plan.planId);
  const own = must(indicators[0]);
  const other = must(indicators[1]);
  const depts = await departmentIdsByName(handle.db, [OWN_DEPT, OTHER_DEPT]);
  const passwordHash = await hashPassword(PASSWORD);
  const emails = {} as Record<Persona, string>;
  for (const persona of PERSONAS) {
    const role: Role = persona === 'other_reporter' ? 'department_reporter' : persona;
    const email = `${persona}@test.local`;
    emails[persona] = email;
    await createUser(handle.db, {
      email,
      displayName: persona,
      passwordHash,
      roles: [role],
      departmentId:
        persona === 'department_reporter'
          ? depts.get(OWN_DEPT)
          : persona === 'other_reporter'
            ? depts.get(OTHER_DEPT)
            : null,
      grantedBy: 'test',
    });
  }
  const app = await buildApp({
    db: handle.db,
    dialect,
    config: {
      signInRateLimit: { max: 1000, timeWindowMs: 60_000 },
      indicatorOwners: { [own.indicatorKey]: [OWN_DEPT] },
      // Uploaded evidence goes to a temporary folder, never into the working copy's ./data.
      evidenceDir: mkdtempSync(join(tmpdir(), 'plantrack-evidence-')),
      ...(typeof config === 'function' ? config(indicators) : config),
    },
  });
  const sessions = {} as Record<Persona, Session>;
  for (const persona of PERSONAS) sessions[persona] = await signIn(app, emails[persona]);
  return {
    app,
    plan,
    ownIndicatorId: own.indicatorId,
    otherIndicatorId: other.indicatorId,
    otherIndicatorKey: other.indicatorKey,
    ownTaskId: must(plan.taskIds[0]),
    otherTaskId: must(plan.taskIds[1]),
    emails,
    sessions,
  };
}

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('The sample plan lacks an expected indicator or task.');
  return value;
}
