import type { Page } from 'playwright-core';

/**
 * The planning office's people jobs driven through the UI exactly as a user would (Chinese
 * interface): departments and users in the office console, and signing in through the sign-in
 * screen. No API calls and no database access: each step clicks, types and checks what the user
 * should see, and throws when it does not appear.
 */

/** A role as the API names it. */
export type RoleName =
  'administrator' | 'planning_office' | 'department_reporter' | 'reviewer' | 'leader' | 'public';

const ROLE_LABELS: Record<RoleName, string> = {
  administrator: '系统管理员',
  planning_office: '规划办',
  department_reporter: '部门填报员',
  reviewer: '审核员',
  leader: '领导',
  public: '公众',
};

/** Opens a tab of the office console and waits for its panel. */
export async function openOfficeTab(page: Page, tab: 'departments' | 'users'): Promise<void> {
  await page.goto(`/office?tab=${tab}`);
  await page.getByRole('table').first().waitFor();
}

/** Picks an option of an antd select by typing its label (the select is searchable). */
async function pick(page: Page, selector: string, label: string): Promise<void> {
  await page.locator(selector).click();
  await page.locator(selector).fill(label);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label })
    .first()
    .click();
}

/** The table row of a department or user, by its name as shown in bold. */
function rowOf(page: Page, name: string) {
  return page.locator('tr.ant-table-row', {
    has: page.locator('strong', { hasText: new RegExp(`^${name}$`) }),
  });
}

/**
 * Adds a department on the departments tab, optionally with its contact person, and waits until
 * the registry lists it.
 */
export async function createDepartment(
  page: Page,
  name: string,
  contact: { name?: string; phone?: string; email?: string } = {},
): Promise<void> {
  await openOfficeTab(page, 'departments');
  await page.getByRole('button', { name: '新增部门' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('部门名称').fill(name);
  if (contact.name !== undefined) await dialog.getByLabel('联系人姓名').fill(contact.name);
  if (contact.phone !== undefined) await dialog.getByLabel('联系电话').fill(contact.phone);
  if (contact.email !== undefined) await dialog.getByLabel('电子邮箱').fill(contact.email);
  await dialog.getByRole('button', { name: '保存' }).click();
  await dialog.waitFor({ state: 'detached' });
  await rowOf(page, name).waitFor();
}

/** Renames a department; the old name then shows as its alias. */
export async function renameDepartment(page: Page, from: string, to: string): Promise<void> {
  await openOfficeTab(page, 'departments');
  await page.getByRole('button', { name: `编辑 ${from}`, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('部门名称').fill(to);
  await dialog.getByRole('button', { name: '保存' }).click();
  await dialog.waitFor({ state: 'detached' });
  await rowOf(page, to).getByText(`别名：`).waitFor();
}

/**
 * Merges the duplicate `from` into `into` (区发改局 into 区发展和改革局): confirms the dialog and
 * waits until `from` is gone and shows as an alias of `into`.
 */
export async function mergeDepartment(page: Page, from: string, into: string): Promise<void> {
  await openOfficeTab(page, 'departments');
  await page.getByRole('button', { name: `合并 ${from}`, exact: true }).click();
  const dialog = page.getByRole('dialog');
  const confirm = dialog.getByRole('button', { name: '确认合并' });
  // On a busy machine the option list can still be filtering when the option is clicked, and the
  // pick is lost (the button stays disabled): pick again, a few times at most.
  for (let tries = 0; tries < 3; tries += 1) {
    await pick(page, '#merge-into', into);
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline && !(await confirm.isEnabled())) await page.waitForTimeout(200);
    if (await confirm.isEnabled()) break;
  }
  await confirm.click();
  await page.getByText(`已合并：${from} → ${into}`).waitFor();
  await rowOf(page, from).waitFor({ state: 'detached' });
  await rowOf(page, into).getByText(from).waitFor();
}

/** Deactivates a department; it then shows only with "显示已停用部门" on. */
export async function deactivateDepartment(page: Page, name: string): Promise<void> {
  await openOfficeTab(page, 'departments');
  await page.getByRole('button', { name: `停用 ${name}`, exact: true }).click();
  await rowOf(page, name).waitFor({ state: 'detached' });
}

/**
 * Creates a user on the users tab (administrators) with one or several roles and, for reporters,
 * a department picked from the registry. Returns the generated password the screen shows once.
 */
export async function createUser(
  page: Page,
  user: { name: string; email: string; roles: readonly RoleName[]; department?: string },
): Promise<string> {
  await openOfficeTab(page, 'users');
  await page.getByRole('button', { name: '新增用户' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('姓名').fill(user.name);
  await dialog.getByLabel('电子邮箱').fill(user.email);
  for (const role of user.roles) await dialog.getByRole('checkbox', { name: ROLE_LABELS[role] }).check();
  if (user.department !== undefined) await pick(page, '#user-department', user.department);
  await dialog.getByRole('button', { name: '保存' }).click();
  return takeShownPassword(page, user.name);
}

/** Resets a user's password on the users tab; returns the new password the screen shows once. */
export async function resetPassword(page: Page, name: string): Promise<string> {
  await openOfficeTab(page, 'users');
  await page.getByRole('button', { name: `重置密码 ${name}`, exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: '重置密码' }).click();
  return takeShownPassword(page, name);
}

async function takeShownPassword(page: Page, name: string): Promise<string> {
  const shown = page.getByRole('dialog', { name: `${name} 的初始密码` });
  const password = (await shown.getByTestId('generated-password').textContent()) ?? '';
  if (password.length < 12) throw new Error(`No generated password shown for ${name}`);
  await shown.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
  await shown.waitFor({ state: 'detached' });
  await rowOf(page, name).waitFor();
  return password;
}

/**
 * Signs in through the sign-in screen (signing out any session of this browser first). When the
 * password was set by an administrator and must be changed, the forced change is made to
 * `newPassword`. Returns the password in force afterwards.
 */
export async function signInAs(
  page: Page,
  email: string,
  password: string,
  newPassword = `${password}-2026`,
): Promise<string> {
  await page.context().clearCookies();
  await page.goto('/sign-in');
  await page.getByLabel('电子邮箱').fill(email);
  await page.getByLabel('密码').fill(password);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  // The home screen first, then (when the password must change) the app sends the user to the form.
  const forced = page.getByLabel('当前密码');
  // On a phone the navigation sits in a drawer: its menu button shows instead of the bar.
  const shell = page.locator('nav, button[aria-controls="pt-nav-drawer"]').first();
  await Promise.race([forced.waitFor(), shell.waitFor()]);
  if ((await forced.count()) === 0) return password;
  await page.getByLabel('当前密码').fill(password);
  await page.getByLabel('新密码', { exact: true }).fill(newPassword);
  await page.getByLabel('再次输入新密码').fill(newPassword);
  await page.getByRole('button', { name: '修改密码' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/account/password'));
  return newPassword;
}

/**
 * Imports users from an Excel sheet on the users tab: uploads it, checks the preview is clean,
 * imports, and returns the e-mail and initial password of each user as the screen shows them once.
 * Throws with the preview's messages when the sheet has errors (nothing is imported then).
 */
export async function importUsers(
  page: Page,
  xlsxPath: string,
): Promise<{ email: string; password: string }[]> {
  const dialog = await uploadUserSheet(page, xlsxPath);
  const summary = (await dialog.getByRole('status').textContent()) ?? '';
  if (!summary.includes('0 处错误')) {
    throw new Error(`The user sheet has errors: ${(await dialog.locator('tbody').textContent()) ?? ''}`);
  }
  await dialog.getByRole('button', { name: /^导入 \d+ 位用户$/ }).click();
  await dialog.getByText(/^已导入 \d+ 位用户/).waitFor();
  const rows = dialog.locator('tbody tr.ant-table-row');
  const out: { email: string; password: string }[] = [];
  for (let i = 0; i < (await rows.count()); i += 1) {
    const cells = rows.nth(i).locator('td');
    out.push({
      email: ((await cells.nth(1).textContent()) ?? '').trim(),
      password: ((await rows.nth(i).getByTestId('imported-password').textContent()) ?? '').trim(),
    });
  }
  await dialog.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
  await dialog.waitFor({ state: 'detached' });
  return out;
}

/** Opens the import dialog and uploads a sheet; returns the dialog showing its preview. */
export async function uploadUserSheet(page: Page, xlsxPath: string) {
  await openOfficeTab(page, 'users');
  await page.getByRole('button', { name: '从 Excel 批量导入' }).click();
  const dialog = page.getByRole('dialog', { name: '从 Excel 批量导入用户' });
  await dialog.getByLabel('选择 Excel 文件（.xlsx）').setInputFiles(xlsxPath);
  await dialog.getByRole('status').waitFor();
  return dialog;
}
