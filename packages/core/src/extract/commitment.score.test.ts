import { describe, expect, it } from 'vitest';
import type { Commitment } from '../model/plan-model.schema.js';
import { parseTarget } from '../target/target.grammar.js';
import { matchesAnswer, scoreCommitments } from './commitment.score.js';
import type { AnswerKeyEntry } from './commitment.score.js';

function commitment(
  id: string,
  sentence: string,
  quantity: string | null,
  deadline: number | null,
): Commitment {
  return {
    id,
    subject: '',
    quantity: quantity === null ? null : parseTarget(quantity),
    deadline,
    sentence,
    nodeId: 'p1',
    source: { start: 0, end: sentence.length, lineStart: 1, lineEnd: 1 },
    indicatorSeq: null,
  };
}

const S1 = '到2030年，研发经费支出占比4%以上，高新技术企业数达2000家。';
const S2 = '稳慎推进试点，2026年全面启动全域延包，2027年底前完成全部任务。';

describe('matchesAnswer', () => {
  it('needs the sentence substring and, when given, the quantity text, spaces ignored', () => {
    const found = commitment('cm-1', S1, '达 2000 家', 2030);
    expect(
      matchesAnswer(found, {
        sentenceIncludes: '高新技术企业数达2000家',
        quantityText: '2000家',
        deadline: 2030,
      }),
    ).toBe(true);
    expect(
      matchesAnswer(found, { sentenceIncludes: '研发经费支出占比', quantityText: null, deadline: null }),
    ).toBe(true);
    expect(
      matchesAnswer(found, { sentenceIncludes: '研发经费支出占比', quantityText: '4%以上', deadline: 2030 }),
    ).toBe(false);
    expect(matchesAnswer(found, { sentenceIncludes: '新建5G基站', quantityText: null, deadline: null })).toBe(
      false,
    );
    expect(
      matchesAnswer(commitment('cm-2', S2, null, 2026), {
        sentenceIncludes: S2,
        quantityText: '1个',
        deadline: 2026,
      }),
    ).toBe(false);
  });
});

describe('scoreCommitments', () => {
  const key: AnswerKeyEntry[] = [
    { sentenceIncludes: '研发经费支出占比4%以上', quantityText: '4%以上', deadline: 2030 },
    { sentenceIncludes: '研发经费支出占比4%以上', quantityText: '2000家', deadline: 2030 },
    { sentenceIncludes: '2027年底前完成全部任务', quantityText: null, deadline: 2027 },
    { sentenceIncludes: '2026年全面启动全域延包', quantityText: null, deadline: 2026 },
    { sentenceIncludes: '新建5G基站超300座', quantityText: '超300座', deadline: null },
  ];

  it('matches one to one, preferring the expected deadline, and lists misses and extras', () => {
    const found = [
      commitment('cm-1', S1, '4%以上', 2030),
      commitment('cm-2', S1, '达2000家', 2030),
      commitment('cm-3', S2, null, 2026),
      commitment('cm-4', S2, null, 2027),
      commitment('cm-5', '拥有规上工业企业1894家。', '1894家', null),
    ];
    const score = scoreCommitments(found, key);
    expect(score).toMatchObject({ truePositives: 4, falsePositives: 1, falseNegatives: 1 });
    expect(score.precision).toBeCloseTo(4 / 5);
    expect(score.recall).toBeCloseTo(4 / 5);
    expect(score.misses).toEqual([key[4]]);
    expect(score.extras.map((c) => c.id)).toEqual(['cm-5']);
  });

  it('does not let one found commitment satisfy two entries', () => {
    const score = scoreCommitments([commitment('cm-1', S2, null, 2026)], key.slice(2, 4));
    expect(score).toMatchObject({ truePositives: 1, falseNegatives: 1, falsePositives: 0 });
  });

  it('defines precision and recall on empty inputs', () => {
    expect(scoreCommitments([], [])).toMatchObject({ precision: 1, recall: 1, truePositives: 0 });
    expect(scoreCommitments([], key)).toMatchObject({ precision: 1, recall: 0, falseNegatives: 5 });
  });
});
