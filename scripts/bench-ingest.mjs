// npm run bench:ingest — median ingest time per document beside a floor measured in the same run:
// one plain regex pass over the same text. Also: .docx input (read + ingest; the same beside ingesting
// its text; reading alone beside a regex pass over document.xml) and a cold start of the CLI (beside
// a bare `node -e ""`). Appends the figures to docs/benchmarks.md.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestText } from '../packages/core/dist/index.js';
import { unzipSync } from 'fflate';
import { readDocument, readDocx, writeWordExportDocx } from '../packages/formats/dist/index.js';
import { appendRows, median, medianMs, medianMsAsync } from './bench-lib.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const documents = [
  join(root, 'examples/wujin-15th-outline.txt'),
  // Every document of the corpus beside the checkout, so that a document added there is measured too.
  ...corpusDocuments(join(root, '../shared/corpus')),
];

/** The `.txt` documents of a corpus folder, by name; none when the folder is absent. */
function corpusDocuments(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => join(dir, name));
}

/** One pass of a plain regex over the tags of an XML text (tags counted). */
function tagPass(xml) {
  const pattern = /<[^>]*>/g;
  let count = 0;
  while (pattern.exec(xml)) count++;
  return count;
}

/** The floor: one pass of a plain regex over the text (sentence ends counted). */
function regexPass(text) {
  const pattern = /[。；！？]/g;
  let count = 0;
  while (pattern.exec(text)) count++;
  return count;
}

const rows = [];
for (const path of documents) {
  const text = readFileSync(path, 'utf8');
  const name = path.split('/').pop();
  const ingest = medianMs(() => ingestText(text), { runs: 60, warmup: 60 });
  const floor = medianMs(() => regexPass(text), { runs: 40, warmup: 15 });
  rows.push({
    bench: 'ingest',
    case: `${name} (${Math.round(Buffer.byteLength(text) / 1024)} KB, ${Math.round(text.length / 1000)}k chars, warm)`,
    median: ingest,
    floor,
  });
}

const sample = readFileSync(documents[0], 'utf8');
const docx = await writeWordExportDocx(sample);
const docxMedian = await medianMsAsync(
  async () => ingestText((await readDocument(docx, 'sample.docx')).text),
  { runs: 60, warmup: 30 },
);
rows.push({
  bench: 'ingest',
  case: `wujin as .docx (${Math.round(docx.length / 1000)} KB, read + ingest, warm)`,
  median: docxMedian,
  floor: medianMs(() => regexPass(sample), { runs: 40, warmup: 15 }),
});

// The same work against the text path: .docx read + ingest beside ingesting the text itself,
// timed in alternation so that both see the same machine load. Goal: ratio ≤ 3.
const docxTimes = [];
const textTimes = [];
for (let i = 0; i < 90; i++) {
  let start = performance.now();
  ingestText((await readDocument(docx, 'sample.docx')).text);
  const docxTime = performance.now() - start;
  start = performance.now();
  ingestText(sample);
  const textTime = performance.now() - start;
  if (i >= 30) {
    docxTimes.push(docxTime);
    textTimes.push(textTime);
  }
}
rows.push({
  bench: 'ingest',
  case: 'wujin as .docx ÷ its text (read + ingest vs ingest, warm)',
  median: median(docxTimes),
  floor: median(textTimes),
  notes: `floor = ingestText of the same text; goal ratio ≤ 3; load avg ${loadavg()[0].toFixed(1)}`,
});

// Reading alone, beside one regex pass over the tags of its document.xml.
const documentXml = new TextDecoder().decode(
  unzipSync(docx, { filter: (file) => file.name === 'word/document.xml' })['word/document.xml'],
);
const readMedian = medianMs(() => readDocx(docx), { runs: 60, warmup: 30 });
const xmlMb = Buffer.byteLength(documentXml) / (1024 * 1024);
rows.push({
  bench: 'ingest',
  case: `wujin .docx read only (document.xml ${Math.round(xmlMb * 1024)} KB)`,
  median: readMedian,
  floor: medianMs(() => tagPass(documentXml), { runs: 40, warmup: 15 }),
  notes: `floor = one regex pass over the XML tags; ${Math.round(readMedian / xmlMb)} ms per MB of document.xml`,
});

const dir = mkdtempSync(join(tmpdir(), 'plantrack-bench-'));
const json = join(dir, 'out');
writeFileSync(json, '');
const cli = join(root, 'packages/cli/dist/main.js');
const time = (args) => {
  const start = performance.now();
  execFileSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  return performance.now() - start;
};
const cold = median(Array.from({ length: 5 }, () => time([cli, 'ingest', documents[0], '--out', dir])));
const bare = median(Array.from({ length: 5 }, () => time(['-e', ''])));
rows.push({
  bench: 'ingest',
  case: 'cold start: plantrack ingest wujin --out',
  median: cold,
  floor: bare,
  notes: 'floor = node -e ""',
});

for (const r of rows) {
  console.log(
    `${r.case.padEnd(58)} median ${r.median.toFixed(2).padStart(8)} ms   floor ${r.floor.toFixed(3).padStart(8)} ms   ratio ${(r.median / r.floor).toFixed(1)}`,
  );
}
appendRows(rows);
console.log('appended to docs/benchmarks.md');
