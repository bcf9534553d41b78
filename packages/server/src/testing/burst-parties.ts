import { createProject, createUser, emptyProjectFields, listPlans } from '@plantrack/db';
import { request as httpRequest } from 'node:http';
import type { DatabaseHandle } from '@plantrack/db';
import { departmentWithMostTasks } from '../../../db/src/testing/durability-records.js';
import { hashPassword } from '../auth/password.js';
import { type HttpAnswer, httpJson, issueApiToken } from './serve-process.js';

/** A signed-in user of a running server: id and API token. */
export type Party = { id: string; token: string };

/** Who acts in the mixed burst: a department reporter and a reviewer, never the same person. */
export type Parties = {
  reporter: Party;
  reviewer: Party;
  /** Indicators the reporter's department was made to own. */
  indicatorIds: string[];
  /** Tasks the outline assigns to the reporter's department. */
  taskIds: string[];
  /** Major projects (在建) whose 责任单位 is the reporter's department. */
  projectIds: string[];
};

/** How many projects the reporter's department leads in the burst. */
const PROJECTS = 5;

const PASSWORD = 'Durability-test-passphrase-2026';

/**
 * Creates a reporter of the department with the most tasks and a reviewer (in the store, as the
 * API test harness does), makes the department own `indicatorIds` (through the API, as the
 * planning office would), registers {@link PROJECTS} projects it leads (in the store), and issues
 * both an API token.
 */
export async function setUpParties(
  handle: DatabaseHandle,
  address: string,
  adminToken: string,
  indicatorIds: readonly string[],
): Promise<Parties> {
  const { departmentId, departmentName, taskIds } = await departmentWithMostTasks(handle.db);
  const passwordHash = await hashPassword(PASSWORD);
  const party = async (name: string, role: 'department_reporter' | 'reviewer'): Promise<Party> => {
    const email = `${name}@durability.test`;
    const user = await createUser(handle.db, {
      email,
      displayName: name,
      passwordHash,
      roles: [role],
      departmentId: role === 'department_reporter' ? departmentId : null,
      grantedBy: 'test',
    });
    return { id: user.id, token: await issueApiToken(address, email, PASSWORD) };
  };
  const reporter = await party('reporter', 'department_reporter');
  const reviewer = await party('reviewer', 'reviewer');
  for (const id of indicatorIds) {
    const answer = await httpJson(address, {
      method: 'PUT',
      path: `/api/indicators/${encodeURIComponent(id)}/owners`,
      headers: { authorization: `Bearer ${adminToken}` },
      body: { owners: [{ department: departmentId, role: 'lead' }], expectedVersion: 0 },
    });
    if (answer.status !== 200)
      throw new Error(`owners of ${id}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  const [plan] = await listPlans(handle.db);
  const projectIds: string[] = [];
  for (let n = 0; n < PROJECTS; n++) {
    projectIds.push(
      await createProject(handle.db, {
        planId: plan?.id ?? '',
        fields: {
          ...emptyProjectFields(`耐久性测试项目${n + 1}（合成）`),
          leadUnit: departmentName,
        },
        stage: '在建',
        by: 'test',
      }),
    );
  }
  return { reporter, reviewer, indicatorIds: [...indicatorIds], taskIds, projectIds };
}

/**
 * Uploads one file as multipart/form-data field `file` on its own connection (like `httpJson`:
 * a killed server fails the request, which then counts as not acknowledged).
 */
export function httpUpload(
  address: string,
  input: { path: string; token: string; fileName: string; contentType: string; bytes: Buffer },
): Promise<HttpAnswer> {
  const boundary = `----plantrack-durability-${Math.random().toString(36).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${input.fileName}"\r\n` +
        `Content-Type: ${input.contentType}\r\n\r\n`,
    ),
    input.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return httpJson(address, {
    method: 'POST',
    path: input.path,
    headers: { authorization: `Bearer ${input.token}` },
    raw: { bytes: payload, contentType: `multipart/form-data; boundary=${boundary}` },
  });
}

/** GETs a binary resource (the Excel template) with a token. */
export function httpBytes(address: string, path: string, token: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      new URL(path, address),
      { method: 'GET', agent: false, headers: { authorization: `Bearer ${token}` } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          if (res.statusCode === 200) resolve(Buffer.concat(chunks));
          else reject(new Error(`GET ${path}: ${res.statusCode} ${Buffer.concat(chunks).toString('utf8')}`));
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}
