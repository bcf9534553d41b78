import { spawnSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const CLI_DIR = fileURLToPath(new URL('..', import.meta.url));
const ROOT = join(CLI_DIR, '..', '..');

it('links `plantrack` to a committed file, not to dist/ (which a fresh npm ci does not have)', () => {
  const manifest = JSON.parse(readFileSync(join(CLI_DIR, 'package.json'), 'utf8')) as {
    bin: Record<string, string>;
  };
  const bin = manifest.bin.plantrack ?? '';
  expect(bin).toBe('./bin/plantrack.mjs');
  const tracked = spawnSync('git', ['ls-files', '--error-unmatch', bin], { cwd: CLI_DIR });
  expect(tracked.status, `${bin} is committed`).toBe(0);
  expect(realpathSync(join(ROOT, 'node_modules', '.bin', 'plantrack'))).toBe(
    realpathSync(join(CLI_DIR, bin)),
  );
});

it('runs as `npx plantrack` from the repository root', () => {
  // --no: never fetch a package of that name from a registry; only the workspace's own command counts.
  const run = spawnSync('npx', ['--no', '--', 'plantrack', '--help'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toContain('Usage: plantrack');
  for (const command of ['ingest', 'serve', 'load-statistics', 'backup', 'restore']) {
    expect(run.stdout).toContain(command);
  }
});
