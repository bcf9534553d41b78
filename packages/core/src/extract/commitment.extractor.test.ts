import { describe, expect, it } from 'vitest';
import { CommitmentSchema } from '../model/plan-model.schema.js';
import { extractCommitments } from './commitment.extractor.js';
import { inlineUnits } from './fixtures/inline-units.fixture.js';

const PERIOD = { periodStart: 2026, periodEnd: 2030 };
const INDICATORS = [
  '地区生产总值（GDP）增长（%）',
  '一般公共预算收入（亿元）',
  '研发经费支出占地区生产总值比重（%）',
  '每万人高价值发明专利拥有量（件）',
  '高新技术企业数（家）',
  '制造业增加值占地区生产总值比重（%）',
  '高新技术产业产值占规上工业总产值比重（%）',
  '规上生产性服务业营业收入年均增速（%）',
  '居民人均可支配收入增长（%）',
  '城镇新增就业人数（万人）',
].map((name, i) => ({ seq: String(i + 1), name }));

const extract = (paragraphs: Parameters<typeof inlineUnits>[0], options = PERIOD) =>
  extractCommitments(inlineUnits(paragraphs, 'p2.c4.s1'), INDICATORS, options);

describe('extractCommitments', () => {
  it('finds every value of a goal paragraph, dated across ；, with subjects and indicators', () => {
    const found = extract([
      '——综合实力持续攀升。经济保持平稳健康发展。到2030年，全区地区生产总值增幅高于全市平均；一般公共预算收入达218亿元；制造业增加值占地区生产总值比重45%。',
    ]);
    expect(found.map((c) => [c.id, c.subject, c.quantity?.text, c.deadline, c.indicatorSeq])).toEqual([
      ['cm-1', '全区地区生产总值增幅', '高于全市平均', 2030, '1'],
      ['cm-2', '一般公共预算收入', '达218亿元', 2030, '2'],
      ['cm-3', '制造业增加值占地区生产总值比重', '45%', 2030, '6'],
    ]);
    expect(found[0]?.sentence).toBe(
      '到2030年，全区地区生产总值增幅高于全市平均；一般公共预算收入达218亿元；制造业增加值占地区生产总值比重45%。',
    );
    for (const c of found) expect(CommitmentSchema.parse(c)).toEqual(c);
  });

  it('links restated indicators and keeps 新增 in the subject', () => {
    const found = extract([
      '到2030年，研发经费支出占比4%以上，高新技术企业数达2000家。新增城镇就业人数11万人以上。',
    ]);
    expect(found.map((c) => [c.subject, c.indicatorSeq, c.deadline])).toEqual([
      ['研发经费支出占比', '3', 2030],
      ['高新技术企业数', '5', 2030],
      ['新增城镇就业人数', '10', null],
    ]);
  });

  it('names the measured thing, not the action', () => {
    const found = extract([
      '部署高质量独立组网5G网络，新建5G基站超300座。',
      '到2030年，全区常住人口规模达138万人左右。',
      '着力构筑卓越企业矩阵，培育10家国家级制造业单项冠军企业。',
    ]);
    expect(found.map((c) => [c.subject, c.quantity?.value])).toEqual([
      ['5G基站', 300],
      ['全区常住人口规模', 138],
      ['国家级制造业单项冠军企业', 10],
    ]);
  });

  it('keeps dated promises without a value, with the action as subject', () => {
    const found = extract([
      '稳慎推进农村土地二轮延包试点，2026年全面启动全域延包，2027年底前完成全部任务。',
      '在此基础上再奋斗五年，到2035年基本实现社会主义现代化。',
      '“十五五”期间，滆湖近岸带水质持续向好。',
    ]);
    expect(found.map((c) => [c.subject, c.quantity, c.deadline])).toEqual([
      ['全面启动全域延包', null, 2026],
      ['完成全部任务', null, 2027],
    ]);
  });

  it('skips paragraphs that report the past and sentences that describe the present', () => {
    const found = extract([
      '坚持将共享作为价值取向。城乡居民人均可支配收入预计超6.9万元，较2020年增长30.9%。新增城镇就业16.5万人，惠及困难群众305万人次。',
      '高新技术企业达2285家，较“十三五”末增长133.6%。各类人才资源总量近52.5万人。',
      '产业底蕴深厚。武进拥有全部41个工业大类中的34个，拥有规上工业企业1894家。',
      '“十四五”期间，我区18-59岁户籍人口年均减少4000人，“十五五”期间，预计我区劳动力规模将持续萎缩。',
      '理想汽车2022-2024年产值年均增速达78.3%。',
    ]);
    expect(found).toEqual([]);
  });

  it('keeps a promise next to a baseline inside the plan', () => {
    const found = extract(['到2030年，单位地区生产总值生产安全事故死亡率较2025年下降20%。']);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ subject: '单位地区生产总值生产安全事故死亡率', deadline: 2030 });
    expect(found[0]?.quantity).toMatchObject({ change: 'decrease', value: 20 });
  });

  it('keeps a hedged promise even in a paragraph that mentions the past', () => {
    const found = extract(['“十四五”以来成效显著。力争集聚区年主营业务收入突破100亿元。']);
    expect(found.map((c) => c.quantity?.text)).toEqual(['突破100亿元']);
  });

  it('skips counts that describe a structure', () => {
    const found = extract([
      '巩固壮大3个优势产业（智电汽车、高端装备、金属材料），加速发展5个战略性新兴产业（机器人、人工智能）。',
    ]);
    expect(found).toEqual([]);
  });

  it('keeps checkable goals without a value, with what they are about as subject', () => {
    const found = extract([
      '到2030年，全市实现碳中和目标。着力打造4大先进制造业基地：1个万亿级产业集群（电子）、3个千亿级产业集群（装备、材料、医药）。推动交通事故起数和受伤人数实现“双下降”。新建院区投入使用，通过二甲评审。',
    ]);
    expect(found.map((c) => [c.subject, c.quantity?.text, c.quantity?.kind, c.deadline])).toEqual([
      ['碳中和目标', '实现碳中和目标', 'qualitative', 2030],
      ['先进制造业基地', '4大', 'absolute', null],
      ['产业集群', '1个万亿级', 'absolute', null],
      ['产业集群', '3个千亿级', 'absolute', null],
      ['交通事故起数和受伤人数', '“双下降”', 'qualitative', null],
      ['二甲评审', '通过二甲评审', 'qualitative', null],
    ]);
    for (const c of found) expect(CommitmentSchema.parse(c)).toEqual(c);
  });

  it('skips goals and values that report a past streak (连续N年)', () => {
    expect(extract(['群众满意度连续8年实现“双提升”，人均可支配收入达到9.2万元。'])).toEqual([]);
    expect(extract(['群众满意度实现“双提升”，人均可支配收入达到9.2万元。']).length).toBe(2);
  });

  it('skips goals already reached', () => {
    expect(extract(['已建成三大物流枢纽。'])).toEqual([]);
    expect(extract(['建成三大物流枢纽。']).map((c) => c.quantity?.text)).toEqual(['三大']);
  });

  it('skips retrospective nodes and their descendants', () => {
    const units = inlineUnits([
      { text: '新增上市企业12家。', nodeId: 'p1.c1.s1' },
      { text: '新增高技能人才5000人。', nodeId: 'p3.c5' },
    ]);
    const found = extractCommitments(units, [], { ...PERIOD, retrospectiveNodeIds: ['p1.c1'] });
    expect(found.map((c) => [c.nodeId, c.quantity?.value])).toEqual([['p3.c5', 5000]]);
  });

  it('numbers commitments in document order and maps the sentence to its source span', () => {
    const paragraphs = [
      '推动产教融合。开设现场工程师班20个，培养学员1000名以上；',
      '引进海外高层次人才超10个。',
    ];
    const found = extract(paragraphs);
    expect(found.map((c) => c.id)).toEqual(['cm-1', 'cm-2', 'cm-3']);
    const whole = paragraphs.join('\n');
    for (const c of found) {
      expect(whole.slice(c.source.start, c.source.end)).toBe(c.sentence);
    }
    expect(found[2]?.source.lineStart).toBe(2);
    expect(found[0]?.sentence).toBe('开设现场工程师班20个，培养学员1000名以上；');
  });

  it('reads a national plan paragraph without deadlines', () => {
    const found = extract([
      '——人民生活品质不断提高。就业保持总体稳定，城镇调查失业率低于5.5%，高质量充分就业取得新进展。居民收入增长和经济增长同步，人均预期寿命提高到80岁。',
    ]);
    expect(found.map((c) => [c.subject, c.quantity?.kind, c.quantity?.op, c.quantity?.value])).toEqual([
      ['城镇调查失业率', 'absolute', '<', 5.5],
      ['居民收入增长', 'relative', '=', null],
      ['人均预期寿命', 'absolute', '=', 80],
    ]);
    expect(found[1]?.indicatorSeq).toBe('9');
  });

  it('returns nothing for units without values or deadlines', () => {
    expect(extract(['深化国资国企改革。由区财政局牵头，系统推进国企市场化转型。', ''])).toEqual([]);
  });
});
