import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { PlanModelSchema } from '../model/plan-model.schema.js';
import { readCorpus, readSamplePlan } from '../testing/documents.js';
import { IngestError, MAX_TEXT_CHARS } from './ingest-error.js';
import { ingestText } from './ingest.js';

/** Ingestion of any text must end quickly with a valid model or an IngestError — never anything else. */
function ingestsOrRefuses(text: string, boundMs: number): void {
  const start = performance.now();
  try {
    const model = ingestText(text);
    expect(PlanModelSchema.safeParse(model).success).toBe(true);
  } catch (error) {
    expect(error).toBeInstanceOf(IngestError);
  }
  expect(performance.now() - start).toBeLessThan(boundMs);
}

/** A mutation of a real document: cut, duplicate, move or overwrite slices, or insert noise. */
const mutation = (length: number) =>
  fc.oneof(
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat(length), size: fc.nat(5000) }),
    fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(length), size: fc.nat(5000) }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(length),
      text: fc.string({ unit: 'binary', maxLength: 200 }),
    }),
    fc.record({ kind: fc.constant('swap-lines' as const), at: fc.nat(length), size: fc.nat(3000) }),
  );

function apply(text: string, m: { kind: string; at: number; size?: number; text?: string }): string {
  const at = Math.min(m.at, text.length);
  const end = Math.min(text.length, at + (m.size ?? 0));
  switch (m.kind) {
    case 'cut':
      return text.slice(0, at) + text.slice(end);
    case 'duplicate':
      return text.slice(0, end) + text.slice(at, end) + text.slice(end);
    case 'insert':
      return text.slice(0, at) + (m.text ?? '') + text.slice(at);
    default: {
      const lines = text.slice(at, end).split('\n').reverse().join('\n');
      return text.slice(0, at) + lines + text.slice(end);
    }
  }
}

describe('ingestion never crashes or hangs', () => {
  const documents = { sample: readSamplePlan(), suzhou: readCorpus('suzhou-15th-outline.txt') };

  for (const [name, original] of Object.entries(documents)) {
    test(`mutated copies of the ${name} document end with a model or a clear error`, () => {
      fc.assert(
        fc.property(fc.array(mutation(original.length), { minLength: 1, maxLength: 6 }), (mutations) => {
          ingestsOrRefuses(mutations.reduce(apply, original), 3000);
        }),
        { numRuns: 40 },
      );
    });
  }

  test('arbitrary text ends with a model or a clear error', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 3000 }), (text) => {
        ingestsOrRefuses(text, 1000);
      }),
      { numRuns: 200 },
    );
  });

  test('text with no recognisable structure gives a model with a clear warning', () => {
    const model = ingestText('这是一段没有篇章结构的文字。\n第二行也只是普通的叙述。\n');
    expect(model.outline).toEqual([]);
    expect(model.preamble).toHaveLength(2);
    expect(model.warnings[0]?.zh).toContain('未识别出篇、章、节结构');
    expect(model.warnings[0]?.en).toContain('No parts, chapters or sections');
  });

  test('a single line of megabytes is read within the bound', () => {
    const line = '到2030年，全区新建5G基站超300座。'.repeat(100_000);
    ingestsOrRefuses(`第一章 总则\n${line}\n`, 20_000);
  });

  test('empty and oversize texts are refused with bilingual messages', () => {
    expect(() => ingestText('   \n\n')).toThrow(IngestError);
    try {
      ingestText('规'.repeat(MAX_TEXT_CHARS + 1));
    } catch (error) {
      expect(error).toBeInstanceOf(IngestError);
      expect((error as IngestError).messages.zh).toContain('文本过长');
      expect((error as IngestError).messages.en).toContain('too long');
    }
  });

  test('a ragged table (missing and extra cells) still yields its rows', () => {
    const text = [
      '第一章 主要指标',
      '表1 主要指标',
      '',
      '\t序号',
      '\t指标名称',
      '\t2030年目标',
      '',
      '\t1',
      '\t地区生产总值增长（%）',
      '',
      '\t2',
      '\t一般公共预算收入（亿元）',
      '\t218',
      '\t多余的单元格',
      '\t又一个',
      '',
    ].join('\n');
    const model = ingestText(text);
    expect(model.indicators.map((i) => i.seq)).toEqual(['1', '2']);
    expect(model.indicators[0]?.target.parsed).toBe(false);
    expect(model.findings.some((f) => f.code === 'unparsed-target' && f.indicatorSeq === '1')).toBe(true);
  });
});
