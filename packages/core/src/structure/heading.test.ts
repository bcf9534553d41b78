import { describe, expect, test } from 'vitest';
import { matchHeading, parseOrdinal } from './heading.js';

describe('parseOrdinal', () => {
  test.each([
    ['一', 1],
    ['十', 10],
    ['十二', 12],
    ['二十一', 21],
    ['三十一', 31],
    ['一百零三', 103],
    ['12', 12],
  ])('%s → %i', (text, value) => {
    expect(parseOrdinal(text)).toBe(value);
  });

  test('rejects what is not a numeral', () => {
    expect(parseOrdinal('十五五')).toBeNull();
    expect(parseOrdinal('三点五')).toBeNull();
  });
});

describe('matchHeading', () => {
  test('parts, chapters and sections with their labels and titles', () => {
    expect(matchHeading('第三篇 全面推进深层次改革和高水平开放')).toEqual({
      kind: 'part',
      ordinal: 3,
      label: '第三篇',
      title: '全面推进深层次改革和高水平开放',
      page: null,
    });
    expect(matchHeading('第十二章 更稳定的工作')).toMatchObject({
      kind: 'chapter',
      ordinal: 12,
      label: '第十二章',
    });
    expect(matchHeading('第一节　强化党对规划实施全过程的领导')).toMatchObject({
      kind: 'section',
      ordinal: 1,
    });
  });

  test('markdown decoration is removed', () => {
    expect(matchHeading('**第六十二章　健全规划实施全周期推进机制**')).toMatchObject({
      kind: 'chapter',
      ordinal: 62,
      title: '健全规划实施全周期推进机制',
    });
  });

  test('contents entries carry their page, with or without dot leaders', () => {
    expect(
      matchHeading('第二章 面临形势和机遇挑战 .................................................. 4 '),
    ).toMatchObject({
      title: '面临形势和机遇挑战',
      page: 4,
    });
    expect(matchHeading('第十九章 提升全球资源配置能力 40')).toMatchObject({
      title: '提升全球资源配置能力',
      page: 40,
    });
  });

  test('list subheadings and boxes', () => {
    expect(matchHeading('一、经济强（12 项）')).toMatchObject({
      kind: 'subheading',
      ordinal: 1,
      label: '一、',
    });
    expect(matchHeading('（二）加快发展现代服务业')).toMatchObject({ kind: 'subheading', ordinal: 2 });
    expect(matchHeading('专栏 5 “人工智能+”行动')).toMatchObject({
      kind: 'subheading',
      label: '专栏5',
      ordinal: 5,
    });
  });

  test('running text that starts like a heading is not one', () => {
    expect(matchHeading('第二章所述的各项任务要在2027年底前完成。')).toBeNull();
    expect(
      matchHeading(
        '一、二、三产业协调发展，推动服务业增加值占比提高到百分之五十以上，形成以服务经济为主的产业结构。',
      ),
    ).toBeNull();
    expect(matchHeading('深化国资国企改革。由区财政局（国资办）牵头')).toBeNull();
  });
});
