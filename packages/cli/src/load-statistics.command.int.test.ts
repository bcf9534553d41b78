import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { startServer } from '@plantrack/server';
import type { CommandIo } from './ingest.command.js';
import { runLoadStatistics } from './load-statistics.command.js';

/** Real published Wujin figures, beside the checkout (never committed). */
const STATISTICS = fileURLToPath(new URL('../../../../shared/data/wujin-statistics.md', import.meta.url));

function captureIo(): CommandIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.err += t),
  };
  return io;
}

describe('plantrack load-statistics (embedded database)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'plantrack-cli-stats-'));
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('loads the published figures once, lists what it left out, and a second run adds nothing', async () => {
    // A first start imports the sample plan into the empty store, as `plantrack serve` does.
    const server = await startServer({
      port: 0,
      dataDir,
      print: () => undefined,
      config: { reminderIntervalMs: 0 },
    });
    await server.close();

    const first = captureIo();
    expect(await runLoadStatistics(STATISTICS, { dataDir }, first, {})).toBe(0);
    expect(first.out).toContain('已导入 / added: 12');
    expect(first.out).toContain('一般公共预算收入 2023 含常州经开区 = 216.31 亿元');
    expect(first.out).toContain('一般公共预算收入 2025 未注明 = 225 亿元（预计 / estimate）');
    expect(first.out).toMatch(/常住人口 2023 “172\.41 万人\(\+0\.2%\)” — 规划指标表中没有“常住人口”这一指标/);

    const second = captureIo();
    expect(await runLoadStatistics(STATISTICS, { dataDir }, second, {})).toBe(0);
    expect(second.out).toContain('已导入 / added: 0    已存在 / unchanged: 12');
  });

  test('exits 1 with a bilingual message for a missing file or an unknown plan', async () => {
    const missing = captureIo();
    expect(await runLoadStatistics(join(dataDir, 'none.md'), { dataDir }, missing, {})).toBe(1);
    expect(missing.err).toContain('文件不存在 / no such file');
    const plan = captureIo();
    expect(await runLoadStatistics(STATISTICS, { dataDir, plan: 'nope' }, plan, {})).toBe(1);
    expect(plan.err).toContain('没有这个规划：nope / No such plan: nope');
  });
});
