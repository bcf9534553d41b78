import { describe, expect, test } from 'vitest';
import { ingestText } from './ingest.js';

const notAPlan = (text: string) => ingestText(text).findings.filter((f) => f.code === 'not-a-plan-outline');

describe('documents that are not plan outlines', () => {
  test('a government work report is named as such, with a warning, and still read', () => {
    const text = [
      '各位代表：',
      '现在，我代表市人民政府，向大会报告工作，请予审议。',
      '一、过去一年工作回顾',
      '全年地区生产总值增长6%。',
      '二、今年重点工作',
      '（一）稳定经济增长',
      '到2026年底，新开工项目100个。',
    ].join('\n');
    const model = ingestText(text);
    const [warning] = model.findings.filter((f) => f.code === 'not-a-plan-outline');
    expect(warning).toMatchObject({ severity: 'warning' });
    expect(warning?.message.zh).toContain('政府工作报告');
    expect(warning?.message.en).toContain('a government work report');
    expect(model.warnings.map((w) => w.zh).some((zh) => zh.includes('政府工作报告'))).toBe(true);
    expect(model.outline.map((n) => n.label)).toEqual(['一、', '二、']);
    expect(model.outline[1]?.children.map((n) => n.label)).toEqual(['（一）']);
  });

  test('a news page is named as a news article', () => {
    const text = ['某市召开经济工作会议', '来源：某市日报', '记者：张三', '会议强调，要稳中求进。'].join(
      '\n',
    );
    expect(notAPlan(text)[0]?.message.zh).toContain('新闻报道');
  });

  test('a plan outline, or an untitled text structured in 章, gets no such warning', () => {
    expect(
      notAPlan(['某区国民经济和社会发展第十五个五年规划纲要', '第一章 总体要求', '正文。'].join('\n')),
    ).toEqual([]);
    expect(notAPlan(['第一章 总体要求', '正文。', '第二章 主要任务', '正文。'].join('\n'))).toEqual([]);
  });
});
