// Shared helpers for the benchmark scripts: medians, and appending rows to docs/benchmarks.md.
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const BENCHMARKS_MD = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
const HEADER = `# Benchmarks

Rows are appended by the benchmark scripts (\`npm run bench:*\`). Each compares the median time of the
measured work with a floor measured in the same run on the same data, because this machine is
shared and noisy: read the ratio, not the absolute time.

| date | bench | case | median ms | floor ms | ratio | node | notes |
|---|---|---|---|---|---|---|---|
`;

/** Median of `runs` timings of `fn` after `warmup` untimed calls. */
export function medianMs(fn, { runs = 30, warmup = 10 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

export async function medianMsAsync(fn, { runs = 10, warmup = 2 } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Appends one row per result: { bench, case, median, floor, notes }. */
export function appendRows(rows) {
  if (!existsSync(BENCHMARKS_MD)) writeFileSync(BENCHMARKS_MD, HEADER);
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const lines = rows.map(
    (r) =>
      `| ${date} | ${r.bench} | ${r.case} | ${r.median.toFixed(2)} | ${r.floor.toFixed(3)} | ${(r.median / r.floor).toFixed(1)} | ${process.version} | ${r.notes ?? ''} |`,
  );
  appendFileSync(BENCHMARKS_MD, `${lines.join('\n')}\n`);
}
