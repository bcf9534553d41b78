import { expect, test } from 'vitest';
import { ingestText } from '../ingest/ingest.js';
import { readSamplePlan } from '../testing/documents.js';
import { scoreCommitments } from './commitment.score.js';
import { WUJIN_COMMITMENTS } from './fixtures/wujin-commitments.answer-key.js';

test('commitments of the sample plan against the hand-checked answer key', () => {
  const model = ingestText(readSamplePlan());
  const score = scoreCommitments(model.commitments, WUJIN_COMMITMENTS);
  // Printed so that the figures can be quoted: precision, recall, and what was missed or extra.
  console.log(
    `commitments: key ${WUJIN_COMMITMENTS.length}, found ${model.commitments.length}, ` +
      `TP ${score.truePositives}, FP ${score.falsePositives}, FN ${score.falseNegatives}, ` +
      `precision ${score.precision.toFixed(3)}, recall ${score.recall.toFixed(3)}`,
  );
  for (const miss of score.misses)
    console.log(`  missed: ${miss.sentenceIncludes} / ${miss.quantityText ?? '(dated)'}`);
  for (const extra of score.extras)
    console.log(`  extra: ${extra.sentence.slice(0, 40)} / ${extra.quantity?.text ?? '(dated)'}`);
  expect(score.precision).toBeGreaterThanOrEqual(0.95);
  expect(score.recall).toBeGreaterThanOrEqual(0.95);
});
