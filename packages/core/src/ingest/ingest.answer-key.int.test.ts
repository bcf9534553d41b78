import { describe, expect, test } from 'vitest';
import { readCorpus } from '../testing/documents.js';
import { scoreRows, structureOf, type CorpusAnswerKey } from './fixtures/corpus-answer-key.js';
import { hangzhouAnswerKey } from './fixtures/hangzhou.answer-key.js';
import { hefeiAnswerKey, nationalAnswerKey, shenzhenAnswerKey } from './fixtures/no-table.answer-keys.js';
import { shanghaiAnswerKey } from './fixtures/shanghai.answer-key.js';
import { suzhouAnswerKey } from './fixtures/suzhou.answer-key.js';
import { ingestText } from './ingest.js';

const keys: readonly CorpusAnswerKey[] = [
  suzhouAnswerKey,
  hangzhouAnswerKey,
  shanghaiAnswerKey,
  shenzhenAnswerKey,
  nationalAnswerKey,
  hefeiAnswerKey,
];

describe.each(keys.map((key) => [key.document, key] as const))('%s against its answer key', (_, key) => {
  const model = ingestText(readCorpus(key.document));

  test('every indicator row is exact (seq, group, name, unit, attribute, baseline, target)', () => {
    const score = scoreRows(key.rows, model.indicators);
    // The exact-row score, printed so that a run shows it per document.
    console.log(`${key.document}: ${score.exact}/${score.expected} rows exact, ${score.ingested} ingested`);
    expect(score.mismatches).toEqual([]);
    expect(score.exact).toBe(key.rows.length);
  });

  test('part, chapter, section (and subheading) counts of the contents and the body', () => {
    const got = structureOf(model);
    expect(got.toc).toEqual(key.structure.toc);
    expect(got.body).toEqual(key.structure.body);
    if (key.structure.subheadingsByDepth) {
      expect(got.subheadingsByDepth).toEqual(key.structure.subheadingsByDepth);
    }
  });

  test('table notes, and the warning the key expects (none about tables otherwise)', () => {
    if (key.notes) expect(model.indicatorTable?.notes).toEqual(key.notes);
    if (key.rows.length === 0) expect(model.indicatorTables).toEqual([]);
    if (key.warning) {
      expect(model.warnings.map((w) => w.zh).join('\n')).toContain(key.warning);
    } else {
      expect(model.warnings).toEqual([]);
    }
  });
});
