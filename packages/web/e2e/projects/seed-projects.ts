import { expect } from 'vitest';
import { type Harness, as } from '../../../server/src/testing/harness.js';
import { projectFields } from '../../../server/src/testing/project-matrix.cases.js';

/**
 * Makes projects through the API as the planning office (the register's own route), each with the
 * given fields over a small project of the test reporter's department at 湖塘镇; their ids.
 */
export async function seedProjects(
  h: Harness,
  projects: readonly { name: string; stage?: string; fields?: object }[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const project of projects) {
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/plans/${h.plan.planId}/projects`,
      headers: as(h.sessions.planning_office),
      payload: { fields: projectFields(project.name, project.fields), stage: project.stage ?? '在建' },
    });
    expect(res.statusCode, res.body).toBe(201);
    ids.push(res.json<{ id: string }>().id);
  }
  return ids;
}
