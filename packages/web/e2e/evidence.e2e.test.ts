import { listIndicators } from '@plantrack/db';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, as } from '../../server/src/testing/harness.js';
import { seriousViolations } from './axe-audit.js';
import { type BrowserHarness, browserTestsUnavailable, startBrowserHarness } from './browser-harness.js';

const unavailable = browserTestsUnavailable();

/** Polls long enough for a cold server and a lazily loaded screen. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });

type FileDto = { id: string; fileName: string; state: string; redactionReason: string | null };
type RevisionDto = { revisionNo: number; status: string; values: { evidence: string[] } };

describe.skipIf(unavailable !== null)('withdrawing and redacting evidence in Chromium', () => {
  let h: BrowserHarness;
  let name: string;
  const ID_CARD = '含身份证号的名单.txt';
  const LEDGER = '统计台账.txt';

  const api = async (persona: Persona, method: 'GET' | 'POST', url: string, payload?: object) =>
    h.app.inject({ method, url, headers: as(h.sessions[persona]), ...(payload ? { payload } : {}) });
  const recordPath = (period: string) =>
    `/api/observations/${encodeURIComponent(`${h.ownIndicatorId}|${period}|`)}`;
  const filesOf = async (period: string) =>
    (await api('department_reporter', 'GET', `${recordPath(period)}/evidence`)).json<FileDto[]>();
  /** The entry drawer (the dialog with the value field, labelled `value` in the page's language). */
  const drawerOf = (page: Page, value: string) =>
    page.getByRole('dialog').filter({ has: page.getByLabel(value, { exact: true }) });
  /** The reporter's entry drawer of the own indicator for `period`, opened by its address. */
  const openDrawer = async (page: Page, period: string, value = '监测值') => {
    await page.goto(`/my?kind=indicator&id=${h.ownIndicatorId}&period=${period}`);
    const drawer = drawerOf(page, value);
    await drawer.getByLabel(value, { exact: true }).waitFor();
    return drawer;
  };
  const attach = async (page: Page, period: string, fileName: string, text: string, value = '监测值') => {
    const drawer = drawerOf(page, value);
    await drawer.locator('input[type=file]').setInputFiles({
      name: fileName,
      mimeType: 'text/plain',
      buffer: Buffer.from(text, 'utf8'),
    });
    await drawer.getByRole('link', { name: fileName }).waitFor();
    expect((await filesOf(period)).map((f) => f.fileName)).toContain(fileName);
  };

  beforeAll(async () => {
    h = await startBrowserHarness();
    const own = (await listIndicators(h.handle.db, h.plan.planId)).find(
      (i) => i.indicatorId === h.ownIndicatorId,
    );
    if (own === undefined) throw new Error('the harness indicator is missing');
    name = own.name;
  });
  afterAll(async () => {
    await h.close();
  });

  it('the department withdraws a returned file, the office redacts another with a reason; no link is left to it', async () => {
    // The reporter attaches two files and submits.
    const reporter = await h.pageAs('department_reporter');
    let drawer = await openDrawer(reporter, '2027');
    await drawer.getByLabel('监测值').fill('6.1');
    await attach(reporter, '2027', ID_CARD, '张三 110101199003071234');
    await attach(reporter, '2027', LEDGER, '2027 年地区生产总值台账 13800138000');
    await drawer.getByRole('button', { name: '提交审核' }).click();
    await poll(() => drawer.getByRole('status').filter({ hasText: '已提交审核（第 1 版）' }).count()).toBe(1);
    // Under review: nothing can be withdrawn.
    await drawer.getByText('已提交，等待审核', { exact: false }).waitFor();
    expect(await drawer.getByRole('button', { name: `撤回 ${ID_CARD}` }).count()).toBe(0);

    // The reviewer returns it: the list contains an ID-card number.
    const reviewer = await h.pageAs('reviewer');
    await reviewer.goto('/review');
    const card = reviewer
      .getByRole('list', { name: '待审核事项' })
      .getByRole('listitem')
      .filter({ hasText: `${name} · 2027` });
    await card.getByRole('link', { name: ID_CARD }).waitFor();
    // Only the planning office redacts.
    expect(await card.getByRole('button', { name: /删除文件（脱敏）/ }).count()).toBe(0);
    await card.getByRole('button', { name: /^退回/ }).click();
    const returnDialog = reviewer.getByRole('dialog');
    await returnDialog.getByLabel('退回原因').fill('附件含有身份证号码，请撤回');
    await returnDialog.getByRole('button', { name: '确认退回' }).click();
    await poll(() => reviewer.getByRole('status').filter({ hasText: '已退回' }).count()).toBe(1);

    // The reporter withdraws the file from the returned submission, with a reason.
    drawer = await openDrawer(reporter, '2027');
    await poll(() => drawer.getByRole('alert').first().textContent()).toContain('附件含有身份证号码');
    await drawer.getByRole('button', { name: `撤回 ${ID_CARD}` }).click();
    const confirm = reporter.getByRole('dialog', { name: /撤回佐证材料/ });
    await confirm.getByLabel('撤回原因（可选）').fill('含身份证号码');
    expect(await seriousViolations(reporter)).toEqual([]);
    await confirm.getByRole('button', { name: '确认撤回' }).click();
    await confirm.waitFor({ state: 'detached' });
    await poll(() =>
      drawer
        .getByRole('status')
        .filter({ hasText: `已撤回“${ID_CARD}”` })
        .count(),
    ).toBe(1);
    const withdrawnLine = drawer
      .getByRole('list', { name: '已撤回或已删除的材料' })
      .getByRole('listitem')
      .filter({ hasText: ID_CARD });
    await poll(() => withdrawnLine.textContent()).toContain('已撤回');
    // Off the submission: the attached list holds the other file only.
    expect(await drawer.getByRole('list', { name: '已附佐证材料' }).textContent()).not.toContain(ID_CARD);
    expect(await withdrawnLine.textContent()).toContain('您于');
    // No second withdrawal is offered; the department may still read its own file.
    expect(await withdrawnLine.getByRole('button').count()).toBe(0);
    expect(await withdrawnLine.getByRole('link', { name: ID_CARD }).count()).toBe(1);
    expect(await seriousViolations(reporter)).toEqual([]);
    const files = await filesOf('2027');
    const idCardFile = files.find((f) => f.fileName === ID_CARD);
    const ledgerFile = files.find((f) => f.fileName === LEDGER);
    expect(idCardFile?.state).toBe('withdrawn');

    // The resubmission names only the file still attached.
    await drawer.getByRole('button', { name: '提交审核' }).click();
    await poll(() => drawer.getByRole('status').filter({ hasText: '已提交审核（第 3 版）' }).count()).toBe(1);
    const history = (await api('reviewer', 'GET', `${recordPath('2027')}/history`)).json<RevisionDto[]>();
    expect(history.map((r) => [r.status, r.values.evidence])).toEqual([
      ['submitted', [idCardFile?.id, ledgerFile?.id]],
      ['returned', [idCardFile?.id, ledgerFile?.id]],
      ['submitted', [ledgerFile?.id]],
    ]);

    // The planning office redacts the ledger (it shows a phone number), a reason being required.
    const office = await h.pageAs('planning_office');
    await office.goto('/review');
    const officeCard = office
      .getByRole('list', { name: '待审核事项' })
      .getByRole('listitem')
      .filter({ hasText: `${name} · 2027` });
    await officeCard.getByRole('button', { name: `删除文件（脱敏）${LEDGER}` }).click();
    const redact = office.getByRole('dialog', { name: /删除佐证材料/ });
    await redact.getByRole('button', { name: '确认删除' }).click();
    await redact.getByText('请填写删除原因').waitFor();
    expect(await seriousViolations(office)).toEqual([]);
    await redact.getByLabel('删除原因').fill('含有个人手机号码');
    await redact.getByRole('button', { name: '确认删除' }).click();
    await redact.waitFor({ state: 'detached' });
    await poll(() => officeCard.getByRole('status').textContent()).toContain(`已删除“${LEDGER}”`);
    await poll(() => officeCard.textContent()).toContain('已删除（脱敏）');
    const officeText = (await officeCard.textContent()) ?? '';
    expect(officeText).toContain('含有个人手机号码');
    expect(officeText).toContain('您于');
    expect(await officeCard.getByRole('link', { name: LEDGER }).count()).toBe(0);
    expect(await officeCard.getByText(LEDGER, { exact: true }).count()).toBe(1);
    expect(await seriousViolations(office)).toEqual([]);
    expect((await api('reviewer', 'GET', `/api/evidence/${ledgerFile?.id ?? ''}`)).statusCode).toBe(410);

    // The revision history says the same, to the office and (reloaded) to the reviewer.
    await officeCard.getByRole('button', { name: /修订记录/ }).click();
    const table = office.getByRole('table', { name: '修订记录' });
    await poll(() => table.textContent()).toContain('已删除（脱敏）');
    expect(await table.getByRole('link', { name: LEDGER }).count()).toBe(0);
    expect(await table.textContent()).toContain('已撤回');
    await reviewer.reload();
    await poll(() => card.textContent()).toContain('含有个人手机号码');
    expect(await card.getByRole('link', { name: LEDGER }).count()).toBe(0);

    // The department sees the redaction, by the planning office, with its reason and no link.
    const reporterAgain = await h.pageAs('department_reporter');
    drawer = await openDrawer(reporterAgain, '2027');
    const redactedLine = drawer
      .getByRole('list', { name: '已撤回或已删除的材料' })
      .getByRole('listitem')
      .filter({ hasText: LEDGER });
    await poll(() => redactedLine.textContent()).toContain('规划办于');
    expect(await redactedLine.textContent()).toContain('含有个人手机号码');
    expect(await redactedLine.getByRole('link').count()).toBe(0);
  });

  it("shows the server's refusal when the submission went under review meanwhile", async () => {
    // A draft with a file, then the reporter opens it.
    const reporter = await h.pageAs('department_reporter', { lang: 'en' });
    let drawer = await openDrawer(reporter, '2028', 'Value');
    await drawer.getByLabel('Value', { exact: true }).fill('6.3');
    await attach(reporter, '2028', '说明.txt', '说明', 'Value');
    await drawer.getByRole('button', { name: 'Save draft' }).click();
    await poll(() => drawer.getByRole('status').filter({ hasText: 'Draft saved (revision 1)' }).count()).toBe(
      1,
    );
    drawer = await openDrawer(reporter, '2028', 'Value');
    const withdraw = drawer.getByRole('button', { name: 'Withdraw 说明.txt' });
    await withdraw.waitFor();
    // Meanwhile the planning office submits the draft for the department.
    const file = (await filesOf('2028'))[0];
    const submitted = await api('planning_office', 'POST', '/api/observations', {
      indicatorId: h.ownIndicatorId,
      period: '2028',
      action: 'submit',
      expectedRevision: 1,
      values: { value: 6.3, evidence: [file?.id] },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    await withdraw.click();
    const confirm = reporter.getByRole('dialog', { name: /Withdraw evidence file/ });
    await confirm.getByRole('button', { name: 'Withdraw' }).click();
    await poll(() => confirm.getByRole('alert').textContent()).toContain(
      'under review and cannot be withdrawn',
    );
    expect((await filesOf('2028'))[0]?.state).toBe('active');
  });

  it('never names again a file withdrawn from a saved draft, even when the drawer was closed unsaved', async () => {
    const reporter = await h.pageAs('department_reporter');
    let drawer = await openDrawer(reporter, '2029');
    await drawer.getByLabel('监测值').fill('6.5');
    await attach(reporter, '2029', '旧表.txt', '旧表');
    await drawer.getByRole('button', { name: '保存草稿' }).click();
    await poll(() => drawer.getByRole('status').filter({ hasText: '草稿已保存（第 1 版）' }).count()).toBe(1);
    drawer = await openDrawer(reporter, '2029');
    await drawer.getByRole('button', { name: '撤回 旧表.txt' }).click();
    const confirm = reporter.getByRole('dialog', { name: /撤回佐证材料/ });
    await confirm.getByRole('button', { name: '确认撤回' }).click();
    await confirm.waitFor({ state: 'detached' });
    // Closed without saving: the saved draft still names the file; the form does not.
    drawer = await openDrawer(reporter, '2029');
    await drawer.getByRole('list', { name: '已撤回或已删除的材料' }).getByText('旧表.txt').waitFor();
    expect(await drawer.getByRole('list', { name: '已附佐证材料' }).count()).toBe(0);
    await drawer.getByRole('button', { name: '提交审核' }).click();
    await poll(() => drawer.getByRole('status').filter({ hasText: '已提交审核（第 2 版）' }).count()).toBe(1);
    const history = (await api('reviewer', 'GET', `${recordPath('2029')}/history`)).json<RevisionDto[]>();
    const file = (await filesOf('2029'))[0];
    expect(history.map((r) => r.values.evidence)).toEqual([[file?.id], []]);
  });
});
