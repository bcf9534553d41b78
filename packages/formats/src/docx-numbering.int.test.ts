import { ingestText } from '@plantrack/core';
import type { OutlineNode } from '@plantrack/core';
import { Document, LevelFormat, LevelSuffix, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import type { ILevelsOptions, ISectionOptions } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { formatNumber } from './docx-numbering.js';
import { readDocx } from './docx.reader.js';
import { FormatError } from './format.error.js';

type NumberingConfig = { reference: string; levels: ILevelsOptions[] };

async function buildDocx(
  children: ISectionOptions['children'],
  config: NumberingConfig[],
  paragraphStyles: NonNullable<ConstructorParameters<typeof Document>[0]['styles']>['paragraphStyles'] = [],
): Promise<Uint8Array> {
  const document = new Document({
    numbering: { config },
    styles: { paragraphStyles },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** Rewrites word/numbering.xml (the docx package cannot write every numbering element). */
function patchNumbering(bytes: Uint8Array, patch: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  const numbering = files['word/numbering.xml'];
  if (!numbering) throw new Error('no numbering part');
  files['word/numbering.xml'] = strToU8(patch(strFromU8(numbering)));
  return zipSync(files);
}

const numbered = (text: string, reference: string, level: number, instance?: number): Paragraph =>
  new Paragraph({ text, numbering: { reference, level, ...(instance === undefined ? {} : { instance }) } });

const OUTLINE_LEVELS: ILevelsOptions[] = [
  { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '第%1篇' },
  { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '第%2章', suffix: LevelSuffix.SPACE },
  { level: 2, format: LevelFormat.CHINESE_COUNTING, text: '第%3节', suffix: LevelSuffix.NOTHING },
];

const OUTLINE_BODY = (): Paragraph[] => [
  new Paragraph('常州市武进区国民经济和社会发展第十五个五年规划纲要'),
  numbered('总体要求', 'outline', 0),
  numbered('发展基础', 'outline', 1),
  numbered('发展成就', 'outline', 2),
  new Paragraph('“十四五”时期，全区经济总量持续攀升。'),
  numbered('面临形势', 'outline', 2),
  numbered('指导思想', 'outline', 1),
  numbered('创新驱动', 'outline', 0),
  numbered('科技创新', 'outline', 1),
  numbered('创新平台', 'outline', 2),
  numbered('产业升级', 'outline', 1),
  numbered('保障措施', 'outline', 0),
  numbered('组织实施', 'outline', 1),
];

/** Chapter numbers run on across parts: level 2 (the chapters) never restarts. */
const continuingChapters = (xml: string): string =>
  xml.replace('<w:lvlText w:val="第%2章"/>', '<w:lvlRestart w:val="0"/><w:lvlText w:val="第%2章"/>');

describe('readDocx: automatic list numbering', () => {
  it('renders a 3-level 篇/章/节 list with chapters continuing across parts, and each suffix', async () => {
    const bytes = patchNumbering(
      await buildDocx(OUTLINE_BODY(), [{ reference: 'outline', levels: OUTLINE_LEVELS }]),
      continuingChapters,
    );
    expect(readDocx(bytes)).toBe(
      [
        '常州市武进区国民经济和社会发展第十五个五年规划纲要',
        '第一篇 总体要求',
        '第一章 发展基础',
        '第一节发展成就',
        '“十四五”时期，全区经济总量持续攀升。',
        '第二节面临形势',
        '第二章 指导思想',
        '第二篇 创新驱动',
        '第三章 科技创新',
        '第一节创新平台',
        '第四章 产业升级',
        '第三篇 保障措施',
        '第五章 组织实施',
        '',
      ].join('\n'),
    );
  });

  it('restarts chapter numbers in each part by default (no w:lvlRestart)', async () => {
    const bytes = await buildDocx(OUTLINE_BODY(), [{ reference: 'outline', levels: OUTLINE_LEVELS }]);
    const lines = readDocx(bytes).split('\n');
    expect(lines.filter((line) => /^第.章/.test(line))).toEqual([
      '第一章 发展基础',
      '第二章 指导思想',
      '第一章 科技创新',
      '第二章 产业升级',
      '第一章 组织实施',
    ]);
  });

  it('feeds the outline structure to ingestText: parts, chapters and sections with their ordinals', async () => {
    const bytes = patchNumbering(
      await buildDocx(OUTLINE_BODY(), [{ reference: 'outline', levels: OUTLINE_LEVELS }]),
      continuingChapters,
    );
    const model = ingestText(readDocx(bytes));
    const shape = (node: OutlineNode): unknown => ({
      kind: node.kind,
      ordinal: node.ordinal,
      title: node.title,
      children: node.children.filter((child) => child.kind !== 'item').map(shape),
    });
    expect(model.outline.map(shape)).toEqual([
      {
        kind: 'part',
        ordinal: 1,
        title: '总体要求',
        children: [
          {
            kind: 'chapter',
            ordinal: 1,
            title: '发展基础',
            children: [
              { kind: 'section', ordinal: 1, title: '发展成就', children: [] },
              { kind: 'section', ordinal: 2, title: '面临形势', children: [] },
            ],
          },
          { kind: 'chapter', ordinal: 2, title: '指导思想', children: [] },
        ],
      },
      {
        kind: 'part',
        ordinal: 2,
        title: '创新驱动',
        children: [
          {
            kind: 'chapter',
            ordinal: 3,
            title: '科技创新',
            children: [{ kind: 'section', ordinal: 1, title: '创新平台', children: [] }],
          },
          { kind: 'chapter', ordinal: 4, title: '产业升级', children: [] },
        ],
      },
      {
        kind: 'part',
        ordinal: 3,
        title: '保障措施',
        children: [{ kind: 'chapter', ordinal: 5, title: '组织实施', children: [] }],
      },
    ]);
  });

  it('renders 一、 and （一） lists, decimal 1. lists, and nothing for bullets', async () => {
    const bytes = await buildDocx(
      [
        numbered('主要目标', 'items', 0),
        numbered('经济发展', 'items', 1),
        numbered('创新能力', 'items', 1),
        numbered('重点任务', 'items', 0),
        numbered('产业', 'items', 1),
        numbered('完善机制', 'decimal', 0),
        numbered('强化考核', 'decimal', 0),
        new Paragraph({ text: '要点甲', bullet: { level: 0 } }),
        new Paragraph({ text: '要点乙', bullet: { level: 1 } }),
        numbered('新的列表', 'decimal', 0, 2),
        new Table({
          rows: [
            new TableRow({ children: [new TableCell({ children: [numbered('表内', 'decimal', 0, 2)] })] }),
          ],
        }),
        numbered('', 'decimal', 0, 2),
      ],
      [
        {
          reference: 'items',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', suffix: LevelSuffix.NOTHING },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', suffix: LevelSuffix.NOTHING },
          ],
        },
        { reference: 'decimal', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.' }] },
      ],
    );
    expect(readDocx(bytes)).toBe(
      [
        '一、主要目标',
        '（一）经济发展',
        '（二）创新能力',
        '二、重点任务',
        '（一）产业',
        '1. 完善机制',
        '2. 强化考核',
        '要点甲',
        '要点乙',
        '1. 新的列表',
        '',
        '\t2. 表内',
        '',
        '3.',
        '',
      ].join('\n'),
    );
  });

  it('numbers paragraphs through their style, inherited through w:basedOn; numId 0 turns it off', async () => {
    const bytes = await buildDocx(
      [
        new Paragraph({ text: '总体要求', style: 'PlanPart' }),
        new Paragraph({ text: '发展基础', style: 'PlanChapter' }),
        new Paragraph({ text: '指导思想', style: 'PlanChapterRed' }),
        new Paragraph({ text: '不编号', style: 'PlanChapter', numbering: false }),
        new Paragraph({ text: '创新驱动', style: 'PlanPart' }),
        new Paragraph({ text: '科技创新', style: 'PlanChapterRed' }),
      ],
      [{ reference: 'styled', levels: OUTLINE_LEVELS }],
      [
        { id: 'PlanPart', name: 'Plan Part', paragraph: { numbering: { reference: 'styled', level: 0 } } },
        {
          id: 'PlanChapter',
          name: 'Plan Chapter',
          paragraph: { numbering: { reference: 'styled', level: 1 } },
        },
        { id: 'PlanChapterRed', name: 'Plan Chapter Red', basedOn: 'PlanChapter', run: { color: 'C00000' } },
      ],
    );
    expect(readDocx(bytes)).toBe(
      [
        '第一篇 总体要求',
        '第一章 发展基础',
        '第二章 指导思想',
        '不编号',
        '第二篇 创新驱动',
        '第一章 科技创新',
        '',
      ].join('\n'),
    );
  });

  it('applies w:start, w:startOverride, multi-level templates and legal numbering', async () => {
    const bytes = patchNumbering(
      await buildDocx(
        [
          numbered('甲', 'multi', 0),
          numbered('乙', 'multi', 1),
          numbered('丙', 'multi', 1),
          numbered('丁', 'legal', 0),
          numbered('戊', 'legal', 1),
          numbered('己', 'circle', 0),
          numbered('庚', 'circle', 0),
        ],
        [
          {
            reference: 'multi',
            levels: [
              { level: 0, format: LevelFormat.DECIMAL, text: '%1.', start: 3 },
              { level: 1, format: LevelFormat.LOWER_LETTER, text: '%1.%2)', suffix: LevelSuffix.SPACE },
            ],
          },
          {
            reference: 'legal',
            levels: [
              { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '第%1条' },
              { level: 1, format: LevelFormat.UPPER_ROMAN, text: '%1.%2', isLegalNumberingStyle: true },
            ],
          },
          {
            reference: 'circle',
            levels: [{ level: 0, format: LevelFormat.DECIMAL_ENCLOSED_CIRCLE, text: '%1' }],
          },
        ],
      ),
      // The docx package overrides every level's start to its w:start; make one override differ.
      (xml) => {
        const last = xml.lastIndexOf('<w:num ');
        return (
          xml.slice(0, last) +
          xml.slice(last).replace('<w:startOverride w:val="1"/>', '<w:startOverride w:val="5"/>')
        );
      },
    );
    expect(readDocx(bytes)).toBe(
      ['3. 甲', '3.a) 乙', '3.b) 丙', '第一条 丁', '1.1 戊', '⑤ 己', '⑥ 庚', ''].join('\n'),
    );
  });

  it('formats every supported w:numFmt', () => {
    const cases: [string, number, string][] = [
      ['decimal', 12, '12'],
      ['chineseCounting', 1, '一'],
      ['chineseCounting', 10, '十'],
      ['chineseCounting', 11, '十一'],
      ['chineseCounting', 20, '二十'],
      ['chineseCounting', 35, '三十五'],
      ['chineseCountingThousand', 105, '一百零五'],
      ['chineseCountingThousand', 110, '一百一十'],
      ['chineseCountingThousand', 1010, '一千零一十'],
      ['chineseCountingThousand', 2000, '二千'],
      ['ideographTraditional', 1, '甲'],
      ['ideographTraditional', 10, '癸'],
      ['ideographDigital', 2025, '二〇二五'],
      ['decimalEnclosedCircle', 1, '①'],
      ['decimalEnclosedCircle', 20, '⑳'],
      ['decimalEnclosedCircle', 21, '21'],
      ['lowerLetter', 1, 'a'],
      ['lowerLetter', 27, 'aa'],
      ['upperLetter', 26, 'Z'],
      ['lowerRoman', 14, 'xiv'],
      ['upperRoman', 1999, 'MCMXCIX'],
      ['bullet', 3, ''],
      ['none', 3, ''],
      ['ordinalText', 4, '4'],
    ];
    for (const [format, value, expected] of cases)
      expect([format, value, formatNumber(value, format)]).toEqual([format, value, expected]);
  });
});

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

function handmade(numbering: string, body: string): Uint8Array {
  return zipSync({
    'word/document.xml': strToU8(
      `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
    ),
    'word/numbering.xml': strToU8(numbering),
  });
}

const listParagraph = (numId: string, ilvl: string, text: string): string =>
  `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;

describe('readDocx: malformed numbering', () => {
  it('renders without numbers when numbering.xml is not XML', () => {
    expect(readDocx(handmade('<w:numbering', listParagraph('1', '0', '正文')))).toBe('正文\n');
  });

  it('ignores bad levels, missing definitions and absurd values without throwing', () => {
    const numbering =
      `<w:numbering ${W}>` +
      '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="-5"/><w:numFmt w:val="weird"/><w:lvlText w:val="%1%9%"/></w:lvl>' +
      '<w:lvl w:ilvl="99"><w:lvlText w:val="x"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="99999999999999999999"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%2"/></w:lvl></w:abstractNum>' +
      '<w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="Missing"/></w:abstractNum>' +
      '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>' +
      '<w:num w:numId="2"><w:abstractNumId w:val="404"/></w:num>' +
      '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>' +
      '<w:num w:numId="4"/>' +
      '</w:numbering>';
    const body = [
      listParagraph('1', '0', '甲'),
      listParagraph('1', 'x', '乙'),
      listParagraph('1', '1', '丙'),
      listParagraph('2', '0', '丁'),
      listParagraph('3', '0', '戊'),
      listParagraph('4', '0', '己'),
      listParagraph('0', '0', '庚'),
      listParagraph('99', '0', '辛'),
    ].join('');
    expect(readDocx(handmade(numbering, body))).toBe('00% 甲\n10% 乙\n0 丙\n丁\n戊\n己\n庚\n辛\n');
  });

  it('still applies the decompressed-size limit to numbering.xml', () => {
    const numbering = `<w:numbering ${W}>${'<!-- padding -->'.repeat(200_000)}</w:numbering>`;
    try {
      readDocx(handmade(numbering, listParagraph('1', '0', '正文')), { maxDecompressedBytes: 1024 * 1024 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FormatError);
      expect((error as FormatError).code).toBe('too-large');
    }
  });
});
