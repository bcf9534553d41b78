import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** The built command: run `npx tsc -b packages/cli packages/db packages/server` first. */
const CLI_MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));

/** Runs `plantrack serve` and resolves with its exit code and output once it ends. */
function serve(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv.PLANTRACK_DATA_DIR;
  if (env.DATABASE_URL === undefined) delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, [CLI_MAIN, 'serve', '--port', '0', '--data-dir', dataDir], {
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) => {
    // A server that did start would run forever: stop it, and the test fails on its exit code.
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * Tests run as root here and in CI, and root ignores permission bits, so `chmod 0500` would not make
 * a folder read-only. sysfs is: Linux refuses to create files or folders in it for every user,
 * root included, and it needs no privilege to use (unlike a read-only mount or `chattr +i`).
 */
const READ_ONLY_DIR = '/sys/kernel';

describe('plantrack serve with an unusable data folder', () => {
  it.each([
    ['an existing read-only folder (SQLite)', READ_ONLY_DIR, {}],
    ['a folder that cannot be created (SQLite)', `${READ_ONLY_DIR}/plantrack-data`, {}],
    [
      'a folder that cannot be created (PostgreSQL: evidence files still live there)',
      `${READ_ONLY_DIR}/plantrack-data`,
      { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/never-used' },
    ],
  ])(
    '%s: a zh/en message, no stack trace, exit 1',
    async (_label, dataDir, env) => {
      const { code, stdout, stderr } = await serve(dataDir, env);
      expect(code).toBe(1);
      expect(stdout).not.toContain('listening');
      expect(stderr).toContain('无法启动 / cannot start');
      expect(stderr).toMatch(/无法(在数据目录中创建或写入数据库|创建佐证材料目录)/);
      expect(stderr).toMatch(
        /(cannot be created or written in the data folder|evidence folder cannot be created)/,
      );
      expect(stderr).toContain(dataDir);
      expect(stderr).not.toMatch(/^\s+at /m);
    },
    90_000,
  );
});
