import { ingestText } from '@plantrack/core';
import type { OutlineNode } from '@plantrack/core';
import { Document, LevelFormat, LevelSuffix, Packer, Paragraph } from 'docx';
import type { ILevelsOptions, ISectionOptions } from 'docx';
import { describe, expect, it } from 'vitest';
import { readDocx } from './docx.reader.js';

async function buildDocx(
  children: ISectionOptions['children'],
  config: { reference: string; levels: ILevelsOptions[] }[],
): Promise<Uint8Array> {
  const document = new Document({ numbering: { config }, sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(document));
}

const numbered = (text: string, reference: string, level: number): Paragraph =>
  new Paragraph({ text, numbering: { reference, level } });

function tree(nodes: readonly OutlineNode[], depth = 0): string[] {
  return nodes.flatMap((n) => [`${'  '.repeat(depth)}${n.label} ${n.title}`, ...tree(n.children, depth + 1)]);
}

describe('.docx outlines', () => {
  it('automatic 一、/（一）/1. list numbering nests by style; a box stays inside its heading', async () => {
    const levels: ILevelsOptions[] = [
      { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', suffix: LevelSuffix.NOTHING },
      { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', suffix: LevelSuffix.NOTHING },
      { level: 2, format: LevelFormat.DECIMAL, text: '%3.', suffix: LevelSuffix.NOTHING },
    ];
    const bytes = await buildDocx(
      [
        new Paragraph('某市国民经济和社会发展第十五个五年规划纲要'),
        numbered('总体要求', 'list', 0),
        new Paragraph('总述正文。'),
        numbered('发展基础', 'list', 1),
        numbered('产业基础', 'list', 2),
        new Paragraph('产业正文。'),
        new Paragraph('专栏1 重点项目'),
        new Paragraph('1.项目甲。建设内容。'),
        new Paragraph('2.项目乙。建设内容。'),
        new Paragraph('产业正文续。'),
        numbered('创新基础', 'list', 2),
        new Paragraph('创新正文。'),
        numbered('主要目标', 'list', 1),
        new Paragraph('目标正文。'),
        numbered('主要任务', 'list', 0),
        new Paragraph('任务正文。'),
      ],
      [{ reference: 'list', levels }],
    );
    const model = ingestText(readDocx(bytes));
    expect(model.plan.region).toBe('某市');
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
    expect(model.outline[0]?.children[0]?.children[0]?.paragraphs.map((p) => p.text)).toEqual([
      '产业正文。',
      '产业正文续。',
    ]);
  });

  it('a contents list opening with 前言 and listing 一、 entries; chapters restarting in every part', async () => {
    const levels: ILevelsOptions[] = [
      { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '第%1篇', suffix: LevelSuffix.SPACE },
      { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '第%2章', suffix: LevelSuffix.SPACE },
    ];
    const body = (reference: string): Paragraph[] => [
      numbered('总体要求', reference, 0),
      numbered('发展基础', reference, 1),
      new Paragraph('一、发展成就'),
      numbered('主要目标', reference, 1),
      numbered('产业发展', reference, 0),
      numbered('先进制造', reference, 1),
    ];
    const bytes = await buildDocx(
      [
        new Paragraph('某市国民经济和社会发展第十五个五年规划纲要'),
        new Paragraph('目 录'),
        new Paragraph('前 言'),
        ...body('contents'),
        new Paragraph('前 言'),
        new Paragraph('前言正文。'),
        ...body('outline').flatMap((p) => [p, new Paragraph('正文。')]),
      ],
      [
        { reference: 'contents', levels },
        { reference: 'outline', levels },
      ],
    );
    const model = ingestText(readDocx(bytes));
    expect(model.tableOfContents.map((e) => e.label)).toEqual([
      '第一篇',
      '第一章',
      '一、',
      '第二章',
      '第二篇',
      '第一章',
    ]);
    expect(tree(model.outline)).toEqual([
      '第一篇 总体要求',
      '  第一章 发展基础',
      '    一、 发展成就',
      '  第二章 主要目标',
      '第二篇 产业发展',
      '  第一章 先进制造',
    ]);
    expect(model.findings.filter((f) => f.code === 'toc-mismatch')).toEqual([]);
  });
});
