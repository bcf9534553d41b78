import { describe, expect, test } from 'vitest';
import { ingestText } from '../ingest/ingest.js';
import type { OutlineNode } from '../model/plan-model.schema.js';

const TITLE = '某市国民经济和社会发展第十五个五年规划纲要';

/** `label title` of every node, indented by depth, for comparing whole trees. */
function tree(nodes: readonly OutlineNode[], depth = 0): string[] {
  return nodes.flatMap((n) => [`${'  '.repeat(depth)}${n.label} ${n.title}`, ...tree(n.children, depth + 1)]);
}

describe('tables of contents', () => {
  test('a contents list that also lists 一、 entries keeps the parts and chapters after them', () => {
    const text = [
      TITLE,
      '目 录',
      '第一篇 总体要求',
      '第一章 发展基础',
      '一、发展成就',
      '二、面临形势',
      '第二章 主要目标',
      '第二篇 产业发展',
      '第三章 先进制造',
      '一、智能制造',
      '第一篇 总体要求',
      '第一章 发展基础',
      '一、发展成就',
      '成就正文。',
      '二、面临形势',
      '形势正文。',
      '第二章 主要目标',
      '目标正文。',
      '第二篇 产业发展',
      '第三章 先进制造',
      '一、智能制造',
      '制造正文。',
    ].join('\n');
    const model = ingestText(text);
    expect(model.tableOfContents.map((e) => e.label)).toEqual([
      '第一篇',
      '第一章',
      '一、',
      '二、',
      '第二章',
      '第二篇',
      '第三章',
      '一、',
    ]);
    expect(tree(model.outline)).toEqual([
      '第一篇 总体要求',
      '  第一章 发展基础',
      '    一、 发展成就',
      '    二、 面临形势',
      '  第二章 主要目标',
      '第二篇 产业发展',
      '  第三章 先进制造',
      '    一、 智能制造',
    ]);
    expect(model.findings.filter((f) => f.code === 'toc-mismatch')).toEqual([]);
  });

  test('a contents list whose first entry has no number (前言) is recognised', () => {
    const text = [
      TITLE,
      '目 录',
      '前 言',
      '第一章 发展环境',
      '第二章 总体要求',
      '第三章 重点任务',
      '结束语',
      '前 言',
      '前言正文。',
      '第一章 发展环境',
      '环境正文。',
      '第二章 总体要求',
      '要求正文。',
      '第三章 重点任务',
      '任务正文。',
    ].join('\n');
    const model = ingestText(text);
    expect(model.tableOfContents.map((e) => e.label)).toEqual(['第一章', '第二章', '第三章']);
    expect(tree(model.outline)).toEqual(['第一章 发展环境', '第二章 总体要求', '第三章 重点任务']);
    expect(model.preamble.map((p) => p.text)).toContain('前言正文。');
  });

  test('chapter numbers restarting in every part are kept, in the contents and in the body', () => {
    const text = [
      TITLE,
      '目录',
      '前言',
      '第一篇 总体要求',
      '第一章 发展基础',
      '第二章 主要目标',
      '第二篇 产业发展',
      '第一章 制造业',
      '第二章 服务业',
      '前言',
      '前言正文。',
      '第一篇 总体要求',
      '第一章 发展基础',
      '正文。',
      '第二章 主要目标',
      '正文。',
      '第二篇 产业发展',
      '第一章 制造业',
      '正文。',
      '第二章 服务业',
      '正文。',
    ].join('\n');
    const model = ingestText(text);
    expect(model.tableOfContents).toHaveLength(6);
    expect(model.outline.map((p) => p.children.map((c) => c.id))).toEqual([
      ['p1.c1', 'p1.c2'],
      ['p2.c1', 'p2.c2'],
    ]);
    expect(model.findings.filter((f) => f.code === 'toc-mismatch')).toEqual([]);
  });
});

describe('subheading nesting by numbering style', () => {
  test('一、/（一）/1. nest in the order they first appear; a box sits inside the open heading', () => {
    const text = [
      TITLE,
      '一、总体要求',
      '总述。',
      '（一）发展基础',
      '基础正文。',
      '1.产业基础',
      '产业正文。',
      '专栏1 重点项目',
      '1.项目甲。建设内容。',
      '2.项目乙。建设内容。',
      '产业正文续。',
      '2.创新基础',
      '创新正文。',
      '（二）主要目标',
      '目标正文。',
      '二、主要任务',
      '任务正文。',
    ].join('\n');
    const model = ingestText(text);
    expect(tree(model.outline)).toEqual([
      '一、 总体要求',
      '  （一） 发展基础',
      '    1. 产业基础',
      '      专栏1 重点项目',
      '        1. 项目甲',
      '        2. 项目乙',
      '    2. 创新基础',
      '  （二） 主要目标',
      '二、 主要任务',
    ]);
    const industry = model.outline[0]?.children[0]?.children[0];
    expect(industry?.paragraphs.map((p) => p.text)).toEqual(['产业正文。', '产业正文续。']);
  });

  test('under a chapter the first style met is the upper rank, whichever it is', () => {
    const text = [
      '第一章 产业',
      '（一）制造业',
      '1.智能制造',
      '智能正文。',
      '2.绿色制造',
      '绿色正文。',
      '（二）服务业',
      '服务正文。',
      '第二章 民生',
      '1.就业',
      '就业正文。',
    ].join('\n');
    expect(tree(ingestText(text).outline)).toEqual([
      '第一章 产业',
      '  （一） 制造业',
      '    1. 智能制造',
      '    2. 绿色制造',
      '  （二） 服务业',
      '第二章 民生',
      '  1. 就业',
    ]);
  });

  test('short numbered lines with nothing between them are a list of items, not headings', () => {
    const text = [
      '一、重点工程',
      '1.城市更新工程',
      '2.交通提升工程',
      '3.生态修复工程',
      '工程说明正文。',
      '二、保障',
    ].join('\n');
    const [first] = ingestText(text).outline;
    expect(first?.children.map((c) => [c.id, c.kind, c.label, c.title])).toEqual([
      ['h1.i1', 'item', '1.', '城市更新工程'],
      ['h1.i2', 'item', '2.', '交通提升工程'],
      ['h1.i3', 'item', '3.', '生态修复工程'],
    ]);
    expect(first?.children.map((c) => c.paragraphs.map((p) => p.text))).toEqual([
      ['1.城市更新工程'],
      ['2.交通提升工程'],
      ['3.生态修复工程'],
    ]);
    expect(first?.paragraphs.map((p) => p.text)).toEqual(['工程说明正文。']);
  });

  test('（1） is a style of its own, below 1. when it comes after it', () => {
    const text = [
      '一、产业',
      '1.制造业',
      '（1）智能制造',
      '智能正文。',
      '（2）绿色制造',
      '绿色正文。',
      '2.服务业',
      '服务正文。',
    ].join('\n');
    expect(tree(ingestText(text).outline)).toEqual([
      '一、 产业',
      '  1. 制造业',
      '    （1） 智能制造',
      '    （2） 绿色制造',
      '  2. 服务业',
    ]);
  });

  test('a box without a list does not close its section; the next heading or 1.2 paragraph does', () => {
    const text = [
      '一、产业',
      '1.制造业',
      '1.1做强制造。正文。',
      '专栏1 重点布局',
      '布局正文。',
      '1.2做优服务。正文。',
      '2.服务业',
      '服务正文。',
    ].join('\n');
    const [first] = ingestText(text).outline;
    expect(tree(first ? [first] : [])).toEqual([
      '一、 产业',
      '  1. 制造业',
      '    专栏1 重点布局',
      '  2. 服务业',
    ]);
    expect(first?.children[0]?.paragraphs.map((p) => p.text)).toEqual([
      '1.1做强制造。正文。',
      '1.2做优服务。正文。',
    ]);
  });
});

describe('wrapped and split headings', () => {
  test('a heading wrapped across a blank line is joined, as the contents lists it', () => {
    const text = [
      TITLE,
      '目 录',
      '第一章 建设现代化产业体系夯实实体经济根基',
      '第二章 主要目标',
      '第三章 保障措施',
      '第一章 建设现代化产业体系',
      '',
      '夯实实体经济根基',
      '正文。',
      '第二章 主要目标',
      '正文。',
      '第三章 保障措施',
      '正文。',
    ].join('\n');
    const model = ingestText(text);
    expect(model.outline.map((c) => c.title)).toEqual([
      '建设现代化产业体系夯实实体经济根基',
      '主要目标',
      '保障措施',
    ]);
    expect(model.outline[0]?.paragraphs.map((p) => p.text)).toEqual(['正文。']);
  });

  test('without contents, a 章/节 title wrapped across a blank line is joined when text follows it', () => {
    const text = [
      TITLE,
      '第一章 建设现代化产业体系',
      '',
      '夯实实体经济根基',
      '坚持把发展经济的着力点放在实体经济上。',
      '第一节 加快建设具有全球影响力的',
      '',
      '产业科技创新中心',
      '正文。',
      '第二章 主要目标',
      '',
      '表1 主要指标',
      '正文。',
      '第三章 主要指标',
      '',
      '序号',
      '指标',
      '2030年',
    ].join('\n');
    const model = ingestText(text);
    const [first, second, third] = model.outline;
    expect(first?.title).toBe('建设现代化产业体系夯实实体经济根基');
    expect(first?.paragraphs.map((p) => p.text)).toEqual(['坚持把发展经济的着力点放在实体经济上。']);
    expect(first?.children.map((c) => c.title)).toEqual(['加快建设具有全球影响力的产业科技创新中心']);
    // A caption and a table's first cell are not the rest of a title.
    expect(second?.title).toBe('主要目标');
    expect(third?.title).toBe('主要指标');
  });

  test('a heading split by a superscript note number keeps both halves, with or without contents', () => {
    const text = ['第一章 推进新型工业化', '1', '和数字化', '正文。', '第二章 主要目标', '正文。'].join('\n');
    const model = ingestText(text);
    expect(model.outline.map((c) => c.title)).toEqual(['推进新型工业化和数字化', '主要目标']);
    expect(model.outline[0]?.paragraphs.map((p) => p.text)).toEqual(['正文。']);
  });

  test('a note number glued to the first half of a split heading is dropped and the halves joined', () => {
    const text = ['第一章 推进新型工业化2', '和数字化', '正文。', '第二章 主要目标3', '正文。'].join('\n');
    const model = ingestText(text);
    expect(model.outline.map((c) => c.title)).toEqual(['推进新型工业化和数字化', '主要目标']);
    expect(model.outline[1]?.paragraphs.map((p) => p.text)).toEqual(['正文。']);
  });
});

describe('the title', () => {
  test('is found below site navigation, with region and period', () => {
    const navigation = Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? `栏目${i}` : ''));
    const text = [...navigation, TITLE, '第一章 总体要求', '正文。'].join('\n');
    const model = ingestText(text);
    expect(model.plan).toMatchObject({ title: TITLE, region: '某市', periodStart: 2026, periodEnd: 2030 });
    expect(model.preamble.map((p) => p.text)).not.toContain(TITLE);
  });
});
