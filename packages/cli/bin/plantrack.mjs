#!/usr/bin/env node
// The `plantrack` command as npm links it (node_modules/.bin/plantrack, `npx plantrack`). The
// command itself is TypeScript compiled to packages/cli/dist, which a fresh `npm ci` does not have,
// so this file, which is committed, builds the CLI and the packages it uses (`tsc -b packages/cli`)
// when their output is missing or older than their sources, then runs it. `npm ci` stays fast:
// the first command pays for the build, once.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cliDir = dirname(dirname(fileURLToPath(import.meta.url)));
const packagesDir = dirname(cliDir);
const rootDir = dirname(packagesDir);
const main = join(cliDir, 'dist', 'main.js');
// The CLI's project and the projects it references, directly or through the server's tsconfig.
const PROJECTS = ['api', 'core', 'formats', 'db', 'server', 'cli'];

/** Newest modification time (ms) of a folder's files, tests left out (tsc does not build them). */
function newestIn(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.endsWith('.test.ts')) continue;
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}

/** A project needs building when its build record is missing or older than a source or its tsconfig. */
function stale(project) {
  const dir = join(packagesDir, project);
  const record = join(dir, 'tsconfig.tsbuildinfo');
  if (!existsSync(record)) return true;
  const built = statSync(record).mtimeMs;
  return newestIn(join(dir, 'src')) > built || statSync(join(dir, 'tsconfig.json')).mtimeMs > built;
}

if (!existsSync(main) || PROJECTS.some(stale)) {
  const tsc = join(rootDir, 'node_modules', 'typescript', 'bin', 'tsc');
  if (!existsSync(tsc)) {
    process.stderr.write(
      '命令行尚未构建，且未安装 TypeScript：请先运行 npm ci 与 npm run build。\n' +
        'The command line is not built and TypeScript is not installed: run `npm ci` and `npm run build`.\n',
    );
    process.exit(1);
  }
  // stderr only: stdout may be a plan model piped elsewhere (`ingest --json`).
  process.stderr.write('正在构建命令行… / Building the command line…\n');
  const build = spawnSync(process.execPath, [tsc, '-b', join('packages', 'cli')], {
    cwd: rootDir,
    stdio: ['ignore', process.stderr, 'inherit'],
  });
  if (build.status !== 0) {
    process.stderr.write('构建失败 / The build failed (tsc -b packages/cli).\n');
    process.exit(build.status ?? 1);
  }
}

await import(pathToFileURL(main).href);
