import { describe, expect, test } from 'vitest';
import { ingestText } from '../ingest/ingest.js';

describe('outline', () => {
  test('chapter numbers that restart in each part keep their own ordinals and distinct ids', () => {
    const text = [
      '某市国民经济和社会发展第十五个五年规划纲要',
      '第一篇 总体要求',
      '第一章 发展基础',
      '正文一。',
      '第二章 主要目标',
      '正文二。',
      '第二篇 产业发展',
      '第一章 制造业',
      '正文三。',
      '第一节 先进制造',
      '正文四。',
      '第二章 服务业',
      '正文五。',
    ].join('\n');
    const model = ingestText(text);
    expect(model.outline.map((p) => p.children.map((c) => [c.id, c.ordinal, c.title]))).toEqual([
      [
        ['p1.c1', 1, '发展基础'],
        ['p1.c2', 2, '主要目标'],
      ],
      [
        ['p2.c1', 1, '制造业'],
        ['p2.c2', 2, '服务业'],
      ],
    ]);
    expect(model.outline[1]?.children[0]?.children[0]).toMatchObject({
      id: 'p2.c1.s1',
      paragraphs: [{ text: '正文四。' }],
    });
    expect(model.plan.periodStart).toBe(2026);
  });

  test('a table of contents is recognised, checked against the body and not repeated as content', () => {
    const text = [
      '某区国民经济和社会发展第十五个五年规划纲要',
      '目 录',
      '第一章 发展基础 ........ 1',
      '第二章 主要目标 ........ 3',
      '第三章 保障措施 ........ 5',
      '第一章 发展基础',
      '正文。',
      '第二章 主要目标',
      '正文。',
      '第三章 保障措施',
      '正文。',
    ].join('\n');
    const model = ingestText(text);
    expect(model.tableOfContents.map((e) => [e.label, e.page])).toEqual([
      ['第一章', 1],
      ['第二章', 3],
      ['第三章', 5],
    ]);
    expect(model.outline).toHaveLength(3);
    expect(model.findings.filter((f) => f.code === 'toc-mismatch')).toEqual([]);
  });

  test('numbered paragraphs inside a box become items, and the box ends with its list', () => {
    const text = [
      '第一章 产业',
      '专栏1 重点工程',
      '1.智能制造工程。建设一批工厂。',
      '2.数字经济工程。培育一批企业。',
      '之后的正文属于本章。',
    ].join('\n');
    const [chapter] = ingestText(text).outline;
    const box = chapter?.children[0];
    expect(box?.children.map((i) => [i.kind, i.label, i.title])).toEqual([
      ['item', '1.', '智能制造工程'],
      ['item', '2.', '数字经济工程'],
    ]);
    expect(chapter?.paragraphs.map((p) => p.text)).toEqual(['之后的正文属于本章。']);
  });
});

describe('PDF text', () => {
  test('hard-wrapped lines join into paragraphs; spaces next to Chinese go; a heading after a finished sentence is kept', () => {
    const body = Array.from(
      { length: 30 },
      (_, i) => `这是第${i}行正文文字，内容足够长以便形成稳定的版心宽度，继续写`,
    );
    const last = '到 2030 年，累计创建绿色工厂 1200 家，建设\u30005G-A 网络和 AI 平台。';
    const text = ['第一章 总体要求', ...body, last, '— 3 —', '第二章 主要任务', '短句。'].join('\n');
    const model = ingestText(text);
    expect(model.document.layout).toBe('pdf-text');
    expect(model.outline.map((c) => c.label)).toEqual(['第一章', '第二章']);
    const [paragraph] = model.outline[0]?.paragraphs ?? [];
    expect(
      paragraph?.text.startsWith('这是第0行正文文字，内容足够长以便形成稳定的版心宽度，继续写这是第1行'),
    ).toBe(true);
    expect(paragraph?.text.endsWith('继续写到2030年，累计创建绿色工厂1200家，建设5G-A网络和AI平台。')).toBe(
      true,
    );
    expect(paragraph && text.slice(paragraph.source.start, paragraph.source.end).endsWith(last)).toBe(true);
  });
});
