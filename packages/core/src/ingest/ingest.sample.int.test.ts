import { beforeAll, describe, expect, test } from 'vitest';
import type { Indicator, OutlineNode, PlanModel } from '../model/plan-model.schema.js';
import { PlanModelSchema } from '../model/plan-model.schema.js';
import { readSamplePlan } from '../testing/documents.js';
import { ingestText } from './ingest.js';
import { walk } from './scope.js';

let model: PlanModel;
let text: string;
beforeAll(() => {
  text = readSamplePlan();
  model = ingestText(text, { fileName: 'wujin-15th-outline.txt' });
});

const byKind = (kind: OutlineNode['kind']): OutlineNode[] =>
  [...walk(model.outline)].filter((n) => n.kind === kind);
const indicator = (seq: string): Indicator => {
  const found = model.indicators.find((i) => i.seq === seq);
  if (!found) throw new Error(`no indicator ${seq}`);
  return found;
};

describe('the sample plan (Wujin District, 2026–2030)', () => {
  test('matches the published JSON Schema', () => {
    expect(PlanModelSchema.safeParse(model).success).toBe(true);
  });

  test('plan metadata', () => {
    expect(model.plan).toMatchObject({
      title: '常州市武进区国民经济和社会发展第十五个五年规划纲要',
      region: '常州市武进区',
      regionCode: '320412',
      level: 'district',
      periodStart: 2026,
      periodEnd: 2030,
      baselineYear: 2025,
    });
    expect(model.document.layout).toBe('word-text');
  });

  test('8 parts, 31 chapters, 62 sections, numbered and titled as written', () => {
    expect(byKind('part')).toHaveLength(8);
    expect(byKind('chapter')).toHaveLength(31);
    expect(byKind('section')).toHaveLength(62);
    expect(model.outline.map((p) => p.ordinal)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const chapter12 = byKind('chapter').find((c) => c.ordinal === 12);
    expect(chapter12).toMatchObject({ label: '第十二章', title: '更稳定的工作' });
    expect(byKind('chapter').map((c) => c.ordinal)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
  });

  test('every node and paragraph points at its exact source text', () => {
    for (const node of walk(model.outline)) {
      expect(text.slice(node.source.start, node.source.end)).toContain(node.label);
      for (const paragraph of node.paragraphs) {
        const span = text.slice(paragraph.source.start, paragraph.source.end);
        expect(span.startsWith(paragraph.text.slice(0, 8))).toBe(true);
        expect(text.split(/\r?\n/)[paragraph.source.lineStart - 1]).toContain(paragraph.text.slice(0, 8));
      }
    }
  });

  test('3 footnotes attached where they are referenced', () => {
    const withNotes = [...walk(model.outline)].filter((n) => n.footnotes.length > 0);
    expect(withNotes.map((n) => [n.label, n.footnotes.map((f) => f.id)])).toEqual([
      ['第一章', ['0']],
      ['第二章', ['1']],
      ['第一节', ['2']],
    ]);
    expect(withNotes[0]?.footnotes[0]?.text).toBe('“十四五”发展成效包含常州经开区。');
    expect(withNotes[1]?.footnotes[0]?.text).toBe('“十五五”机遇挑战及目标任务不含常州经开区。');
    const referencing = [...walk(model.outline)]
      .flatMap((n) => n.paragraphs)
      .filter((p) => p.footnoteRefs.length > 0);
    expect(referencing.map((p) => p.footnoteRefs)).toEqual([['2']]);
  });

  test('paragraphs keep their lead phrase', () => {
    const paragraphs = [...walk(model.outline)].flatMap((n) => n.paragraphs);
    const reform = paragraphs.find((p) => p.text.startsWith('深化国资国企改革。'));
    expect(reform?.leadPhrase).toBe('深化国资国企改革。');
    expect(reform?.text).not.toContain('[bookmark');
  });

  test('27 indicator rows in two groups, with names, units and target texts exact', () => {
    expect(model.indicators).toHaveLength(27);
    expect(model.indicatorTable?.caption).toBe('武进区“十五五”经济社会发展指标');
    expect(model.indicatorTable?.groups).toEqual(['高质量发展指标', '约束类指标']);
    expect(model.indicators.map((i) => i.seq)).toEqual([
      ...Array.from({ length: 11 }, (_, i) => String(i + 1)),
      '12.1',
      '12.2',
      ...Array.from({ length: 14 }, (_, i) => String(i + 13)),
    ]);
    expect(model.indicators.filter((i) => i.group === '约束类指标').map((i) => i.seq)).toEqual([
      '19',
      '20',
      '21',
      '22',
      '23',
      '24',
      '25',
      '26',
    ]);
    expect(indicator('1')).toMatchObject({ name: '地区生产总值（GDP）增长', unit: '%' });
    expect(indicator('12.1')).toMatchObject({
      name: '执业（助理）医师数',
      unit: '人',
      parent: '每千人口拥有医护人员数',
    });
    expect(indicator('12.2')).toMatchObject({
      name: '注册护士数',
      unit: '人',
      parent: '每千人口拥有医护人员数',
    });
    expect(indicator('18')).toMatchObject({ name: '人均体育场地面积', unit: '平方米/人' });
    expect(indicator('20')).toMatchObject({
      name: '细颗粒物（PM2.5）年均浓度',
      unit: '微克/立方米',
      direction: 'lower',
    });
    expect(model.indicators.map((i) => i.target.text)).toEqual([
      '高于全市平均',
      '218',
      '4以上',
      '50',
      '2000',
      '45',
      '70以上',
      '12',
      '与经济增长同步',
      '11以上\n（累计）',
      '85',
      '3.7',
      '3.9',
      '完成市定目标',
      '75',
      '10',
      '完成市定目标',
      '10\n（累计）',
      '4.5',
      '不低于全市下降目标',
      '完成市定目标',
      '26.5左右\n（含常州经开区）',
      '完成市定目标',
      '1',
      '14.22',
      '97',
      '10\n（累计）',
    ]);
  });

  test('attributes are inferred from the groups and marked so', () => {
    expect(model.indicators.every((i) => i.attributeInferred)).toBe(true);
    expect(model.indicators.filter((i) => i.attribute === '约束性')).toHaveLength(8);
  });

  test('every target kind is parsed right', () => {
    expect(indicator('3').target).toMatchObject({ kind: 'absolute', op: '>=', value: 4 });
    expect(indicator('2').target).toMatchObject({ kind: 'absolute', op: '=', value: 218 });
    expect(indicator('10').target).toMatchObject({ kind: 'cumulative', op: '>=', value: 11 });
    expect(indicator('17').target).toMatchObject({ kind: 'cumulative', value: 10 });
    expect(indicator('21').target).toMatchObject({
      kind: 'absolute',
      op: '~',
      value: 26.5,
      scope: '含常州经开区',
    });
    expect(indicator('1').target).toMatchObject({ kind: 'relative', reference: '全市平均' });
    expect(indicator('9').target).toMatchObject({ kind: 'relative', reference: '经济增长' });
    expect(indicator('19').target).toMatchObject({ kind: 'relative', op: '>=' });
    expect(indicator('13').target).toMatchObject({ kind: 'external', setBy: '市' });
    expect(indicator('8').target).toMatchObject({ kind: 'rate', value: 12 });
    expect(model.indicators.every((i) => i.target.parsed)).toBe(true);
  });

  test('21 lead clauses name 23 lead assignments, all departments known', () => {
    expect(model.assignments).toHaveLength(21);
    expect(model.assignments.flatMap((a) => a.leads)).toHaveLength(23);
    expect(model.assignments.flatMap((a) => a.leads).every((d) => d.known)).toBe(true);
    const first = model.assignments[0];
    expect(first?.measure).toBe('深化国资国企改革');
    const reform = model.assignments.find((a) => a.clause.includes('区发改局'));
    expect(reform?.leads[0]?.canonical).toBe('区发展和改革局');
    const twoLeads = model.assignments.filter((a) => a.leads.length === 2);
    expect(twoLeads.map((a) => a.leads.map((d) => d.text))).toEqual([
      ['区发改局', '区工信局'],
      ['区生态办', '武进生态环境局'],
    ]);
  });

  test('the three phases', () => {
    expect(model.phases.map((p) => [p.name, p.startYear, p.endYear])).toEqual([
      ['改革突破年', 2026, 2026],
      ['攻坚奋进年', 2027, 2028],
      ['巩固跃升年', 2029, 2030],
    ]);
  });

  test('the four "cities" and their towns are in the gazetteer', () => {
    const names = model.gazetteer.map((g) => g.name);
    for (const place of [
      '武进品质活力主城',
      '武高新智造理想城',
      '西太湖生态科学城',
      '太湖湾休闲度假城',
      '湖塘镇',
      '雪堰镇',
    ]) {
      expect(names).toContain(place);
    }
  });

  test('2285 vs 2000 high-tech enterprises is reported as a scope difference, not a decline', () => {
    const findings = model.findings.filter((f) => f.indicatorSeq === '5');
    expect(findings.map((f) => f.code)).toContain('scope-mismatch');
    expect(findings.map((f) => f.code)).not.toContain('target-below-baseline');
    const scope = findings.find((f) => f.code === 'scope-mismatch');
    expect(scope?.message.zh).toContain('2285');
    expect(scope?.message.zh).toContain('包含常州经开区');
    expect(scope?.message.zh).toContain('不含常州经开区');
    expect(text.slice(scope?.sources[0]?.start, scope?.sources[0]?.end)).toBe('高新技术企业达2285家');
  });

  test('restated targets that differ from the table are flagged', () => {
    const conflicts = model.findings.filter((f) => f.code === 'conflicting-targets');
    expect(conflicts.map((f) => f.indicatorSeq).sort()).toEqual(['17', '4']);
  });
});
