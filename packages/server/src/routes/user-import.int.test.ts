import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import { multipartFile } from '../testing/evidence-requests.js';
import { OTHER_DEPT, OWN_DEPT, as, makeHarness, signIn } from '../testing/harness.js';

async function sheet(rows: (string | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('用户');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type Result = {
  rows: { row: number; parsedRoles: string[] }[];
  errors: { row: number; field: string; messages: { zh: string; en: string } }[];
  created: {
    user: { email: string; departmentName: string | null; roles: string[] };
    generatedPassword: string;
  }[];
};

forEachDialect((dialect, open) => {
  it('bulk user import: template, preview with per-cell errors, all-or-nothing, passwords shown once', async () => {
    const h = await makeHarness(await open(), dialect);
    const { app, sessions: s } = h;
    const upload = async (bytes: Buffer, confirm: boolean, session = s.administrator) => {
      const { payload, headers } = multipartFile('users.xlsx', bytes);
      return app.inject({
        method: 'POST',
        url: `/api/admin/users/import${confirm ? '?confirm=true' : ''}`,
        headers: { ...as(session), ...headers },
        payload,
      });
    };
    const count = async () =>
      (await app.inject({ url: '/api/admin/users?pageSize=200', headers: as(s.administrator) })).json<{
        total: number;
      }>().total;
    try {
      const template = await app.inject({
        url: '/api/admin/users/import-template.xlsx',
        headers: as(s.administrator),
      });
      expect(template.statusCode).toBe(200);
      expect(template.headers['content-type']).toContain('spreadsheetml');
      // The template as downloaded previews clean (its example line names a real department).
      const fromTemplate = await upload(template.rawPayload, false);
      expect(fromTemplate.statusCode, fromTemplate.body).toBe(200);
      expect(fromTemplate.json<Result>().errors).toEqual([]);

      const bad = await sheet([
        ['姓名', '电子邮箱', '部门', '角色'],
        ['李娜', 'lina@example.cn', OWN_DEPT, '部门填报员、审核员'],
        ['王强', 'wang@example', OWN_DEPT, 'reviewer'],
        ['赵敏', 'administrator@test.local', '区不存在局', '审核员'],
        ['钱进', 'qian@example.cn', null, '部门填报员'],
        ['孙丽', 'LINA@example.cn', OTHER_DEPT, '局长'],
      ]);
      const before = await count();
      const preview = await upload(bad, false);
      expect(preview.statusCode, preview.body).toBe(200);
      const p = preview.json<Result>();
      expect(p.rows[0]?.parsedRoles).toEqual(['department_reporter', 'reviewer']);
      expect(p.errors.map((e) => [e.row, e.field])).toEqual([
        [3, 'email'],
        [4, 'email'],
        [4, 'department'],
        [5, 'department'],
        [6, 'email'],
        [6, 'roles'],
      ]);
      expect(p.errors[1]?.messages.zh).toContain('已被现有用户使用');
      expect(p.errors[2]?.messages.en).toContain('Unknown department');
      expect(p.created).toEqual([]);

      const refused = await upload(bad, true);
      expect(refused.statusCode).toBe(422);
      expect(refused.json<{ errors: unknown[] }>().errors).toHaveLength(6);
      expect(await count()).toBe(before);

      const good = await sheet([
        ['Name', 'E-mail', 'Department', 'Roles'],
        ['李娜', 'lina@example.cn', OWN_DEPT, '部门填报员、审核员'],
        ['王强', 'wang@example.cn', null, 'reviewer, leader'],
      ]);
      const done = await upload(good, true);
      expect(done.statusCode, done.body).toBe(200);
      const created = done.json<Result>().created;
      expect(created.map((c) => [c.user.email, c.user.departmentName, c.user.roles.sort()])).toEqual([
        ['lina@example.cn', OWN_DEPT, ['department_reporter', 'reviewer']],
        ['wang@example.cn', null, ['leader', 'reviewer']],
      ]);
      expect(await count()).toBe(before + 2);
      // The password shown works once given to the person.
      await signIn(app, 'lina@example.cn', created[0]?.generatedPassword ?? '');
      // The same sheet again: every e-mail is now taken, nothing created.
      expect((await upload(good, true)).statusCode).toBe(422);

      const audit = await app.inject({
        url: '/api/audit?action=user.imported',
        headers: as(s.administrator),
      });
      expect(audit.json<unknown[]>()).toHaveLength(1);

      const notASheet = await upload(Buffer.from('姓名,电子邮箱\n'), false);
      expect(notASheet.statusCode).toBe(422);
      expect(notASheet.json<{ messages: { zh: string } }>().messages.zh.length).toBeGreaterThan(0);
      expect((await upload(good, false, s.planning_office)).statusCode).toBe(403);
    } finally {
      await app.close();
    }
  });
});
