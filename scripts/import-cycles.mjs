// Finds import loops among the workspace's TypeScript sources (packages/*/src, tests included):
// every static `import … from`, `export … from` and side-effect `import '…'`, type-only ones too,
// followed through relative paths and @plantrack/* package entries. Lazy `import()` is left out:
// it runs after both modules have loaded, so it cannot cause the half-initialised module a loop can.
//   node scripts/import-cycles.mjs          lists each loop; exit 1 when there is one
//   node scripts/import-cycles.mjs --json   the same as JSON: { files, loops: [[file, …], …] }
//   node scripts/import-cycles.mjs --folders  loops between source folders (see nodeOf)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// --root DIR checks another tree of the same shape (the test uses one with a loop in it).
const rootArg = process.argv.indexOf('--root');
const root =
  rootArg === -1
    ? resolve(dirname(fileURLToPath(import.meta.url)), '..')
    : resolve(process.argv[rootArg + 1] ?? '.');
const packagesDir = join(root, 'packages');

function sourcesIn(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourcesIn(path));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const files = readdirSync(packagesDir)
  .map((name) => join(packagesDir, name, 'src'))
  .filter((dir) => existsSync(dir))
  .flatMap(sourcesIn)
  .sort();
const known = new Set(files);

/** `./x.js`, `./x` or `./dir` → the source file it names, or null (a package outside ours, a JSON file). */
function resolveSpecifier(from, specifier) {
  let base;
  if (specifier.startsWith('.')) base = resolve(dirname(from), specifier);
  else if (specifier.startsWith('@plantrack/')) base = join(packagesDir, specifier.slice(11), 'src', 'index');
  else return null;
  const stem = base.replace(/\.(m?js|jsx)$/, '');
  for (const candidate of [`${stem}.ts`, `${stem}.tsx`, join(stem, 'index.ts'), join(stem, 'index.tsx')]) {
    if (known.has(candidate)) return candidate;
  }
  return null;
}

const STATIC_IMPORT = /^\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

/**
 * With --folders, a node is a package's top-level source folder (`packages/server/src/routes`) or a
 * file directly in src/ (`packages/server/src/context.ts`): a loop between folders is a layer that
 * reaches back into the one that uses it (presenters → routes → presenters), even when no two
 * files import each other.
 */
const byFolder = process.argv.includes('--folders');
function nodeOf(file) {
  if (!byFolder) return file;
  const [pkg, , first] = relative(packagesDir, file).split('/');
  return join(packagesDir, pkg, 'src', first);
}

const edges = new Map();
for (const file of files) {
  // Tests and their helpers stand outside the layers: they import the app to drive it.
  if (byFolder && (/\.test\.tsx?$/.test(file) || nodeOf(file).endsWith('/testing'))) continue;
  const text = readFileSync(file, 'utf8');
  const from = nodeOf(file);
  const targets = new Set(edges.get(from) ?? []);
  for (const match of text.matchAll(STATIC_IMPORT)) {
    const target = resolveSpecifier(file, match[1]);
    if (target === null || (byFolder && nodeOf(target).endsWith('/testing'))) continue;
    if (nodeOf(target) !== from) targets.add(nodeOf(target));
    else if (!byFolder && target === file) targets.add(target);
  }
  edges.set(from, [...targets]);
}

// Tarjan's strongly connected components: each component of more than one file (or a file that
// imports itself) holds at least one loop.
let counter = 0;
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const components = [];
function connect(v) {
  index.set(v, counter);
  low.set(v, counter);
  counter += 1;
  stack.push(v);
  onStack.add(v);
  for (const w of edges.get(v) ?? []) {
    if (!index.has(w)) {
      connect(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
  }
  if (low.get(v) === index.get(v)) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (edges.get(v) ?? []).includes(v)) components.push(component);
  }
}
for (const node of edges.keys()) if (!index.has(node)) connect(node);

/** One loop through a component, as the path back to its first file (breadth-first, shortest). */
function loopOf(component) {
  const members = new Set(component);
  const start = [...component].sort()[0];
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift();
    for (const w of edges.get(v) ?? []) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [];
        for (let x = v; x !== null; x = previous.get(x)) path.unshift(x);
        return path;
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}

const loops = components.map((c) => loopOf(c).map((f) => relative(root, f)));
if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ files: files.length, loops }));
} else {
  for (const loop of loops) console.log(`${[...loop, loop[0]].join(' → ')}`);
  console.log(`${loops.length} import loop(s) among ${files.length} source files.`);
}
process.exitCode = loops.length === 0 ? 0 : 1;
