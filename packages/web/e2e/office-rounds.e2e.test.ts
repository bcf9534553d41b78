import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { departmentIdsByName, listTasks } from '@plantrack/db';
import { OWN_DEPT } from '../../server/src/testing/harness.js';
import { seriousViolations } from './axe-audit.js';
import { type BrowserHarness, browserTestsUnavailable, startBrowserHarness } from './browser-harness.js';
import { SCREENSHOT_DIR, smallPng } from './screenshot-png.js';
import {
  closeRound,
  expectLateCorrection,
  expectMyRound,
  expectRoundProgress,
  gotoRounds,
  openRound,
} from './year/rounds.steps.js';

const unavailable = browserTestsUnavailable();
const PHONE = { width: 390, height: 844 };
const TODAY = new Date().toISOString().slice(0, 10);
const DUE = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
const ROUND = '2026年度监测';

function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe.skipIf(unavailable !== null)('the office runs reporting rounds in the browser', () => {
  let h: BrowserHarness;
  let office: Page;
  let ownItems = 0;
  let lateTask: { taskId: string; measure: string } = { taskId: '', measure: '' };
  /** How many items the department leads: its indicator and the tasks the outline gives it. */
  const owned = () => ownItems;
  beforeAll(async () => {
    h = await startBrowserHarness();
    office = await h.pageAs('planning_office');
    const tasks = await listTasks(h.app.plantrack.db, h.plan.planId);
    const dept = (await departmentIdsByName(h.app.plantrack.db, [OWN_DEPT])).get(OWN_DEPT);
    const ownTasks = tasks.filter((t) => t.owners.some((o) => o.departmentId === dept));
    ownItems = 1 + ownTasks.length;
    lateTask = ownTasks[0] ?? { taskId: '', measure: '' };
  });
  afterAll(async () => {
    await h.close();
  });

  it('opens an annual round by department and a quarterly round picked from the list', async () => {
    await openRound(office, {
      name: ROUND,
      period: '2026',
      frequency: 'annual',
      dueDate: DUE,
      reminderDays: 10,
      semantics: 'annual_value',
      departments: [OWN_DEPT],
    });
    await openRound(office, {
      name: '2027年一季度',
      period: '2027Q1',
      frequency: 'quarterly',
      dueDate: '2027-04-15',
      reminderDays: 5,
      semantics: 'year_to_date',
      indicators: ['地区生产总值'],
    });
    await expectRoundProgress(office, ROUND, OWN_DEPT, {
      approved: 0,
      submitted: 0,
      returned: 0,
      missing: owned(),
    });
  });

  it('the reporter sees the round and its due date; a submission moves the progress', async () => {
    const reporter = await h.pageAs('department_reporter');
    await expectMyRound(reporter, ROUND, DUE);
    const session = h.sessions.department_reporter;
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/observations',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
      payload: { indicatorId: h.ownIndicatorId, period: '2026', expectedRevision: 0, values: { value: 5.8 } },
    });
    expect(res.statusCode, res.body).toBe(201);
    await expectRoundProgress(office, ROUND, OWN_DEPT, { submitted: 1, missing: owned() - 1 });
  });

  it('has no serious accessibility violation and no sideways scrolling, desktop and phone', async () => {
    await gotoRounds(office);
    await office.getByRole('button', { name: `查看进度：${ROUND}` }).click();
    await office.getByRole('table', { name: `“${ROUND}”各部门填报进度` }).waitFor();
    await office.waitForLoadState('networkidle');
    expect(await seriousViolations(office)).toEqual([]);
    writeFileSync(join(SCREENSHOT_DIR, 'office-rounds.png'), await smallPng(office));
    await office.setViewportSize(PHONE);
    await office.waitForTimeout(300);
    expect(await overflow(office)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(office)).toEqual([]);
    writeFileSync(join(SCREENSHOT_DIR, 'office-rounds-phone.png'), await office.screenshot({ type: 'png' }));
    // The form too, on the phone.
    await office.getByRole('button', { name: '开启新轮次' }).click();
    await office.getByRole('form', { name: '开启新轮次' }).getByText('按部门', { exact: true }).click();
    expect(await overflow(office)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(office)).toEqual([]);
    await office.setViewportSize({ width: 1366, height: 900 });
  });

  it('closes the round after confirming and lists it as closed, opened today', async () => {
    await closeRound(office, ROUND);
    const rows = await office.getByRole('table', { name: '填报轮次' }).getByRole('row').allInnerTexts();
    expect(rows.find((r) => r.includes(ROUND))).toContain(TODAY);
  });

  it('a figure sent after the round closed reaches the reviewer marked 逾期补报', async () => {
    const session = h.sessions.department_reporter;
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/progress-reports',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
      payload: {
        taskId: lateTask.taskId,
        period: '2026',
        expectedRevision: 0,
        values: { progress: 'in_progress', narrative: '补报进展。' },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const reviewer = await h.pageAs('reviewer');
    await expectLateCorrection(reviewer, lateTask.measure.slice(0, 8), ROUND);
  });
});
