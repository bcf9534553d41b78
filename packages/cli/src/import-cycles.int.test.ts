import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

/** scripts/import-cycles.mjs: import loops among packages/*\/src, between files and between folders. */
const SCRIPT = fileURLToPath(new URL('../../../scripts/import-cycles.mjs', import.meta.url));

function loops(...args: string[]): string[][] {
  const run = spawnSync(process.execPath, [SCRIPT, '--json', ...args], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return (JSON.parse(run.stdout) as { loops: string[][] }).loops;
}

const fixture = mkdtempSync(join(tmpdir(), 'plantrack-cycles-'));
afterAll(() => {
  rmSync(fixture, { recursive: true, force: true });
});

it('finds a loop, type-only imports included, and a folder that reaches back into its user', () => {
  const src = join(fixture, 'packages', 'demo', 'src');
  mkdirSync(join(src, 'routes'), { recursive: true });
  mkdirSync(join(src, 'presenters'), { recursive: true });
  writeFileSync(join(src, 'a.ts'), "import { b } from './b.js';\nexport const a = b;\n");
  writeFileSync(join(src, 'b.ts'), "import type { A } from './c.js';\nexport const b = 1 as A;\n");
  writeFileSync(join(src, 'c.ts'), "import {\n  a,\n} from './a.js';\nexport type A = typeof a;\n");
  writeFileSync(
    join(src, 'routes', 'x.routes.ts'),
    "import { p } from '../presenters/p.presenter.js';\nexport const r = p;\n",
  );
  writeFileSync(join(src, 'routes', 'common.schema.ts'), 'export const s = 1;\n');
  writeFileSync(
    join(src, 'presenters', 'p.presenter.ts'),
    "import { s } from '../routes/common.schema.js';\nexport const p = s;\n",
  );
  expect(loops('--root', fixture)).toEqual([
    ['packages/demo/src/a.ts', 'packages/demo/src/b.ts', 'packages/demo/src/c.ts'],
  ]);
  expect(loops('--root', fixture, '--folders')).toContainEqual([
    'packages/demo/src/presenters',
    'packages/demo/src/routes',
  ]);
});

it('no source file of the workspace is part of an import loop', () => {
  expect(loops()).toEqual([]);
});

it('no source folder reaches back into a folder that uses it', () => {
  expect(loops('--folders')).toEqual([]);
});
