import { describe, expect, test } from 'vitest';
import type { OutlineNode, PlanModel } from '../model/plan-model.schema.js';
import { readCorpus } from '../testing/documents.js';
import { ingestText } from './ingest.js';
import { walk } from './scope.js';

const nodes = (model: PlanModel, kind: OutlineNode['kind']): OutlineNode[] =>
  [...walk(model.outline)].filter((n) => n.kind === kind);

describe('Shenzhen (web text, contents opening with 前言)', () => {
  const model = ingestText(readCorpus('shenzhen-15th-outline.txt'));

  test('the contents is recognised: 15 chapters and 70 sections, none of them repeated as body', () => {
    expect(model.plan).toMatchObject({ region: '深圳市', periodStart: 2026 });
    expect(model.tableOfContents.filter((e) => e.kind === 'chapter')).toHaveLength(15);
    expect(model.tableOfContents.filter((e) => e.kind === 'section')).toHaveLength(70);
  });

  test('body chapters and sections equal the contents, in order, up to where the file is cut off', () => {
    const listed = model.tableOfContents
      .filter((e) => e.kind === 'chapter' || e.kind === 'section')
      .map((e) => `${e.label} ${e.title}`);
    const body = [...walk(model.outline)]
      .filter((n) => n.kind === 'chapter' || n.kind === 'section')
      .map((n) => `${n.label} ${n.title}`);
    // The stored copy ends inside chapter 14, section 2.
    expect(nodes(model, 'chapter')).toHaveLength(14);
    expect(nodes(model, 'section')).toHaveLength(64);
    expect(body).toEqual(listed.slice(0, body.length));
    expect(body.at(-1)).toBe('第二节 提升城市公共安全水平');
  });

  test('一、 subheadings sit under their sections', () => {
    const sections = nodes(model, 'section');
    expect(nodes(model, 'subheading')).toHaveLength(191);
    expect(sections.flatMap((s) => s.children).filter((c) => c.kind === 'subheading')).toHaveLength(191);
  });
});

describe('Shanghai (web text, 一、/1. headings without 篇/章/节)', () => {
  const model = ingestText(readCorpus('shanghai-15th-outline.txt'));

  test('1. headings nest under their 一、 heading, boxes under the open 1. heading', () => {
    expect(model.outline.map((n) => n.label)).toEqual([
      '一、',
      '二、',
      '三、',
      '四、',
      '五、',
      '六、',
      '七、',
      '八、',
      '九、',
      '十、',
      '十一、',
      '十二、',
      '十三、',
      '十四、',
      '十五、',
    ]);
    const second = model.outline[1];
    expect(second?.children.map((c) => `${c.label}${c.title}`)).toEqual([
      '1.指导思想和基本原则',
      '2.发展目标和主要指标',
    ]);
    const third = model.outline[2];
    expect(third?.children.map((c) => c.label)).toEqual(['1.', '2.', '3.', '4.']);
    expect(third?.children[0]?.children.map((c) => c.label)).toEqual(['专栏1', '专栏2']);
    for (const part of model.outline)
      expect(part.children.every((c) => /^\d+\.$/.test(c.label) && c.kind === 'subheading')).toBe(true);
  });

  test('decimal-numbered paragraphs after a box go back to their 1. heading', () => {
    const industry = model.outline[2]?.children[0];
    expect(industry?.paragraphs.some((p) => p.text.startsWith('1.2'))).toBe(true);
    expect(industry?.children[0]?.paragraphs.some((p) => p.text.startsWith('1.2'))).toBe(false);
  });
});

describe('Hefei (a government work report, not a plan outline)', () => {
  const model = ingestText(readCorpus('hefei-2026-work-report.txt'));

  test('ingests with a warning naming what it looks like, and keeps its 一、/（一） headings', () => {
    const warnings = model.findings.filter((f) => f.code === 'not-a-plan-outline');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message.zh).toContain('政府工作报告');
    expect(model.outline.map((n) => n.label)).toEqual(['一、', '二、', '三、', '四、']);
    expect(model.outline[2]?.children.map((n) => n.label)).toEqual([
      '（一）',
      '（二）',
      '（三）',
      '（四）',
      '（五）',
      '（六）',
      '（七）',
      '（八）',
      '（九）',
      '（十）',
    ]);
    expect(model.commitments.length).toBeGreaterThan(0);
  });
});

describe('plan outlines get no not-a-plan warning', () => {
  test.each([
    'suzhou-15th-outline.txt',
    'hangzhou-15th-outline.txt',
    'national-15th-outline-excerpt.txt',
    'shanghai-15th-outline.txt',
    'shenzhen-15th-outline.txt',
  ] as const)('%s', (name) => {
    expect(ingestText(readCorpus(name)).findings.filter((f) => f.code === 'not-a-plan-outline')).toEqual([]);
  });
});
