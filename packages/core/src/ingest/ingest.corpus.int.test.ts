import { describe, expect, test } from 'vitest';
import type { Indicator, OutlineNode, PlanModel } from '../model/plan-model.schema.js';
import { readCorpus } from '../testing/documents.js';
import { ingestText } from './ingest.js';
import { walk } from './scope.js';

const nodes = (model: PlanModel, kind: OutlineNode['kind']): OutlineNode[] =>
  [...walk(model.outline)].filter((n) => n.kind === kind);
const tocCount = (model: PlanModel, kind: OutlineNode['kind']): number =>
  model.tableOfContents.filter((e) => e.kind === kind).length;
const row = (i: Indicator): string =>
  [i.seq, i.group, i.name, i.unit, i.attribute, i.target.text].join(' | ');

describe('Suzhou (text extracted from a PDF)', () => {
  const model = ingestText(readCorpus('suzhou-15th-outline.txt'));

  test('is read as PDF text with its issuer and date', () => {
    expect(model.document.layout).toBe('pdf-text');
    expect(model.plan).toMatchObject({
      region: '苏州市',
      level: 'city',
      issuer: '苏州市人民政府',
      date: '2026-04',
      periodStart: 2026,
    });
  });

  test('part, chapter and section counts equal the table of contents', () => {
    expect(tocCount(model, 'part')).toBe(15);
    expect(tocCount(model, 'chapter')).toBe(66);
    expect(nodes(model, 'part')).toHaveLength(15);
    expect(nodes(model, 'chapter')).toHaveLength(66);
    expect(nodes(model, 'section')).toHaveLength(tocCount(model, 'section'));
    expect(model.findings.filter((f) => f.code === 'toc-mismatch')).toEqual([]);
  });

  test('page footers and hard line breaks do not leak into paragraphs', () => {
    const paragraphs = [...walk(model.outline)].flatMap((n) => n.paragraphs);
    expect(paragraphs.some((p) => /— \d+ —/.test(p.text))).toBe(false);
    const green = paragraphs.find((p) => p.text.includes('累计创建市级以上绿色工厂'));
    expect(green?.text).toContain('到2030年，累计创建市级以上绿色工厂1200家');
  });

  test('the table: 30 indicators in 4 groups with attributes, across the page break', () => {
    expect(model.indicators).toHaveLength(30);
    expect(model.indicatorTable?.groups).toEqual(['经济强', '百姓富', '环境美', '社会文明程度高']);
    expect(model.indicators.map((i) => i.group).filter((g, k, all) => g !== all[k - 1])).toHaveLength(4);
    expect(model.indicators.filter((i) => i.group === '经济强')).toHaveLength(12);
    expect(model.indicators.filter((i) => i.attribute === '约束性')).toHaveLength(8);
    expect(model.indicators.every((i) => !i.attributeInferred)).toBe(true);
    expect(row(model.indicators[7] as Indicator)).toBe(
      '8 | 经济强 | 规上数字经济核心产业营业收入占规上企业营业收入比重 | % | 预期性 | 32.5',
    );
    expect(model.indicators.map((i) => i.target.text)).toEqual([
      '5 左右',
      '高于地区生产总值年均增长',
      '4.8 左右',
      '80',
      '提高 1 个百分点以上',
      '＞40',
      '＞60',
      '32.5',
      '稳中有升',
      '62',
      '10 左右',
      '＞19',
      '与地区生产总值增长同步',
      '175',
      '＞80',
      '25',
      '＞75',
      '＜6',
      '85 左右',
      '完成省定目标',
      '18',
      '完成省定目标',
      '28 左右',
      '完成省定目标',
      '≥7.64',
      '12.6',
      '150',
      '＞6',
      '93',
      '完成省定目标',
    ]);
    const kinds = Object.fromEntries(model.indicators.map((i) => [i.seq, i.target.kind]));
    expect(kinds).toMatchObject({
      '1': 'rate',
      '2': 'relative',
      '9': 'qualitative',
      '20': 'external',
      '23': 'absolute',
    });
    expect(model.indicators[4]?.target).toMatchObject({ change: 'increase', value: 1, op: '>=' });
    expect(model.indicators[24]?.target).toMatchObject({ op: '>=', value: 7.64 });
  });
});

describe('Hangzhou (text of a web page)', () => {
  const model = ingestText(readCorpus('hangzhou-15th-outline.txt'));

  test('is read as web text; the issuing notice does not hide the title', () => {
    expect(model.document.layout).toBe('web-text');
    expect(model.plan).toMatchObject({
      title: '杭州市国民经济和社会发展第十五个五年规划纲要',
      issuer: '杭州市人民政府',
      date: '2026-03-19',
    });
  });

  test('every body heading is in the contents, in order, up to where the file is cut off', () => {
    const toc = model.tableOfContents.filter((e) => e.kind === 'part' || e.kind === 'chapter');
    const body = [...walk(model.outline)].filter((n) => n.kind === 'part' || n.kind === 'chapter');
    expect(toc).toHaveLength(17 + 61);
    // The stored copy ends inside chapter 49 (专栏33); everything up to there is present.
    expect(body.map((n) => `${n.label} ${n.title}`)).toEqual(
      toc.slice(0, body.length).map((e) => `${e.label} ${e.title}`),
    );
    expect(body.at(-1)?.label).toBe('第四十九章');
    expect(nodes(model, 'part')[1]?.title).toBe('坚持“人工智能+”引领，加快建设人工智能创新发展第一城');
    expect(model.findings.some((f) => f.code === 'toc-mismatch')).toBe(true);
  });

  test('the table: 29 numbered indicators in 5 groups, 2025 baselines, cumulative markers', () => {
    expect(new Set(model.indicators.map((i) => i.seq.split('.')[0])).size).toBe(29);
    expect(model.indicatorTable?.groups).toEqual([
      '经济发展',
      '创新驱动',
      '民生福祉',
      '绿色低碳',
      '安全保障',
    ]);
    expect(model.indicatorTable?.notes).toEqual(['备注：[ ]内数据为累计数。']);
    const [gdp] = model.indicators;
    expect(gdp?.baseline).toMatchObject({ year: 2025, value: 5.2, text: '5.2左右', estimated: true });
    expect(gdp?.target.text).toBe('5以上');
    const trade = model.indicators.find((i) => i.seq === '4');
    expect(trade?.baseline).toMatchObject({ year: 2024, value: 21.5, text: '21.5\n（2024年）' });
    const jobs = model.indicators.find((i) => i.seq === '12');
    expect(jobs?.target.text).toBe('＞25');
    expect(jobs?.extra).toEqual({ '年均/累计': '[125]' });
    expect(model.indicators.find((i) => i.seq === '17')?.target).toMatchObject({
      kind: 'cumulative',
      value: 5,
      text: '[5]',
    });
    expect(model.indicators.find((i) => i.seq === '15.2')).toMatchObject({
      name: '注册护士数',
      parent: '每千人口拥有医护人员数',
    });
    expect(model.indicators.find((i) => i.seq === '20')?.target).toMatchObject({
      kind: 'qualitative',
      text: '稳步\n提高',
    });
    expect(model.indicators.find((i) => i.seq === '29')).toMatchObject({
      name: '能源综合生产能力',
      unit: '万吨标煤',
    });
    expect(model.indicators.filter((i) => i.attribute === '约束性').map((i) => i.seq)).toEqual([
      '14',
      '22',
      '23',
      '24',
      '25',
      '26',
      '27',
      '28',
      '29',
    ]);
  });
});

describe('Shanghai (text of a web page, cut off)', () => {
  const model = ingestText(readCorpus('shanghai-15th-outline.txt'));

  test('the table: two header rows, a 单位 column and 属性 before the target; 20 rows hand-checked', () => {
    expect(model.indicatorTable?.caption).toBe('表1 上海“十五五”经济社会发展主要指标');
    expect(model.indicatorTable?.columns).toEqual(['序号', '指标', '单位', '属性', '2030年', '年均［累计］']);
    // seq | group | name | unit | attribute | target, read from the document by hand. The target is
    // the 2030 cell, or the 年均［累计］ cell where the 2030 cell is `—`.
    expect(model.indicators.map(row)).toEqual([
      '1 |  | 地区生产总值年均增速 | % | 预期性 | 力争达到5%左右',
      '2 |  | 全员劳动生产率 | 万元/人 | 预期性 | > 52',
      '3 |  | 数字经济核心产业增加值占地区生产总值比重 | % | 预期性 | > 20',
      '4 |  | 金融市场交易总额 | 万亿元 | 预期性 | ＞4500',
      '5 |  | 服务贸易进出口额 | 亿美元 | 预期性 | ＞3000',
      '6 |  | 航空货邮年吞吐量 | 万吨 | 预期性 | 470左右',
      '7 |  | 全社会研发经费支出相当于地区生产总值比例 | % | 预期性 | > 5.0',
      '8 |  | 每万人口高价值发明专利拥有量 | 件 | 预期性 | 85左右',
      '9 |  | 主要劳动年龄人口受过高等教育的比例 | % | 预期性 | 60左右',
      '10 |  | 城镇调查失业率 | % | 预期性 | < 5.0',
      '11 |  | 全市居民人均可支配收入年均增速 | % | 预期性 | 与经济增长同步',
      '12 |  | 新增供应保障性租赁住房 | 万套(间) | 预期性 | ［25—27］',
      '13 |  | 养老机构护理型床位占比 | % | 预期性 | ＞75',
      '14 |  | 社区公共服务设施15分钟步行可达覆盖率 | % | 预期性 | 95',
      '15 |  | 单位生产总值二氧化碳排放降低 | % | 约束性 | ［完成国家审核衔接后确定的目标］',
      '16 |  | 非化石能源占能源消费总量比重 | % | 约束性 | ［完成国家审核衔接后确定的目标］',
      '17 |  | 细颗粒物（PM2.5）浓度 | 微克/立方米 | 约束性 | 完成国家审核衔接后确定的目标',
      '18 |  | 地表水优良水体比例 | % | 约束性 | 完成国家审核衔接后确定的目标',
      '19 |  | 生活垃圾回收利用率 | % | 约束性 | 50',
      '20 |  | 单位生产总值生产安全事故死亡率 | 人/亿元 | 约束性 | < 0.006',
    ]);
    expect(model.indicators.every((i) => !i.attributeInferred && i.parent === null)).toBe(true);
  });
});

describe('Shenzhen (its table survives only as notes)', () => {
  test('no indicator rows, and a warning that names the orphaned table notes', () => {
    const model = ingestText(readCorpus('shenzhen-15th-outline.txt'));
    expect(model.indicators).toEqual([]);
    expect(model.indicatorTables).toEqual([]);
    const warning = model.warnings.find((w) => w.en.includes('no row was recognised'));
    expect(warning?.zh).toContain('带[ ]数据为5年累计值');
  });
});

describe('national outline (excerpt, markdown-like)', () => {
  const model = ingestText(readCorpus('national-15th-outline-excerpt.txt'));

  test('the contents lists 18 parts and 62 chapters; the body is an excerpt', () => {
    expect(tocCount(model, 'part')).toBe(18);
    expect(tocCount(model, 'chapter')).toBe(62);
    expect(nodes(model, 'chapter').map((c) => c.label)).toEqual([
      '第一章',
      '第二章',
      '第三章',
      '第六十一章',
      '第六十二章',
    ]);
  });

  test("chapter 3's targets come out as commitments", () => {
    const chapter3 = nodes(model, 'chapter').find((c) => c.label === '第三章');
    const inChapter3 = model.commitments
      .filter((c) => c.nodeId === chapter3?.id)
      .map((c) => c.quantity?.text ?? '');
    for (const q of ['7%以上', '5.5%', '17%', '1.45万亿斤左右', '58亿吨标准煤']) {
      expect(inChapter3.some((t) => t.replace(/\s/g, '').includes(q))).toBe(true);
    }
  });
});
