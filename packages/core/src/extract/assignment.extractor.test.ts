import { describe, expect, it } from 'vitest';
import {
  chapterOf,
  extractAssignments,
  findClauses,
  findUnownedMeasures,
  measuresWithoutOwner,
} from './assignment.extractor.js';
import { DEFAULT_DEPARTMENT_REGISTRY } from './department.registry.js';
import { inlineUnits } from './fixtures/inline-units.fixture.js';

/** Reform-chapter paragraphs of the sample plan (第五章), abridged but with every 牵头 clause. */
const REFORM = [
  '深化国资国企改革。由区财政局（国资办）牵头，系统推进国企市场化转型，按照“集团管战略、子公司谋效益”架构优化企业管理运营体制。',
  '深化要素市场化改革。由区发改局牵头，深入推进苏南重点城市要素市场化配置综合改革试点。',
  '健全科创平台高效建设运营机制。由区科技局牵头，优化“省、市、企”三级创新平台布局。',
  '持续提升土地利用效能。由区农业农村局牵头，稳慎推进农村土地二轮延包试点，2026年全面启动全域延包，2027年底前完成全部任务。由资规局武进分局牵头，逐步调整优化永久基本农田保护红线布局。',
  {
    text: '优化招商体制机制建设，加快推进区镇产业联动。由区商务局牵头，系统优化招引体系。由区发改局、区工信局牵头，优化全区产业布局。',
    leadPhrase: '优化招商体制机制建设，加快推进区镇产业联动。',
  },
  '健全绿色低碳发展机制。由区发改局牵头，依托省级碳达峰碳中和试点园区建设。',
  '深化人才发展机制改革。由区委人才办牵头，深化人才创新创业全周期服务体制建设，引进海外高层次人才超10个。',
  '深化产教融合改革。由区总工会牵头，持续深化新时代武进产业工人队伍建设改革。由区人社局牵头，依托江苏（武进）技能人才服务产业园，新增高技能人才5000人。',
  '深化社会化用工体制改革。由区委编办牵头，进一步完善全区社会化用工聘用及管理机制。',
  '高质量发展民生事业。积极应对人口结构转型多样化需求，深入推进教育综合改革。',
  '深化文化体制机制改革。由区委宣传部牵头，持续丰富优质文化资源高效供给。',
  '持续深化太湖综合治理。由区生态办、武进生态环境局牵头，探索建立“生态治理-价值转化-公众共享”良性循环机制。',
  '深入开展“三个更新”改革。由区工信局牵头，大力推进存量工业建设用地更新。由区农业农村局牵头，深入推进农房更新。由区住建局牵头，有序开展城中村自主更新工作。',
  '健全完善现代化城区体制机制。由区委社工部牵头，确保2027年如期实现100个住宅小区治理目标。',
  '加快完善城市智慧能力建设。由区数据局牵头，创新区域治理理念。',
  '全面提高城市安全韧性水平。由区安委办牵头，推进安全生产网格化建设。由公安局武进分局牵头，完善“情指行”一体化运行机制。',
];

describe('extractAssignments on the sample reform chapter', () => {
  const units = inlineUnits(REFORM, 'p3.c5');
  const assignments = extractAssignments(units, DEFAULT_DEPARTMENT_REGISTRY);

  it('finds the 21 牵头 clauses with 23 leads, all known', () => {
    expect(assignments).toHaveLength(21);
    const leads = assignments.flatMap((a) => a.leads);
    expect(leads).toHaveLength(23);
    expect(leads.filter((d) => !d.known)).toEqual([]);
    expect(assignments.map((a) => a.id).slice(0, 3)).toEqual(['as-1', 'as-2', 'as-3']);
  });

  it('resolves two departments of one clause and the 国资办 note', () => {
    const eco = assignments.find((a) => a.clause === '由区生态办、武进生态环境局牵头');
    expect(eco?.leads.map((d) => d.canonical)).toEqual(['区生态办', '常州市武进生态环境局']);
    expect(eco?.measure).toBe('持续深化太湖综合治理');
    expect(assignments[0]?.leads).toEqual([
      { text: '区财政局（国资办）', canonical: '区财政局', known: true },
    ]);
  });

  it('gives later 由…牵头 clauses that open a sentence the paragraph measure', () => {
    const training = assignments.filter((a) => a.measure === '深化产教融合改革');
    expect(training.map((a) => a.leads[0]?.canonical)).toEqual(['区总工会', '区人力资源和社会保障局']);
    expect(assignments.filter((a) => a.measure === '深入开展“三个更新”改革')).toHaveLength(3);
    const investment = assignments.filter((a) => a.measure === '优化招商体制机制建设，加快推进区镇产业联动');
    expect(investment.flatMap((a) => a.leads.map((d) => d.text))).toEqual([
      '区商务局',
      '区发改局',
      '区工信局',
    ]);
  });

  it('maps the clause span back to the source', () => {
    const first = assignments[0];
    const text = REFORM[0] as string;
    expect(first?.clause).toBe('由区财政局（国资办）牵头');
    expect(first?.source).toMatchObject({ start: text.indexOf('由'), end: text.indexOf('牵头') + 2 });
    expect(first?.nodeId).toBe('p3.c5');
  });

  it('reports only the dated paragraphs without an owner, in chapters that assign owners', () => {
    const extra = inlineUnits([
      ...REFORM.map((p) =>
        typeof p === 'string' ? { text: p, nodeId: 'p3.c5.s1' } : { ...p, nodeId: 'p3.c5.s1' },
      ),
      { text: '完善考核机制。到2028年建立全区统一的考核体系，较2020年明显提升。', nodeId: 'p3.c5.s2' },
      { text: '加快农业农村现代化。到2030年，全区率先基本实现农业农村现代化。', nodeId: 'p4.c7' },
    ]);
    const found = extractAssignments(extra);
    expect(findUnownedMeasures(extra, found)).toEqual([
      expect.objectContaining({ unitIndex: REFORM.length, dateText: '到2028年', measure: '完善考核机制' }),
    ]);
    const last = extra[REFORM.length];
    expect(measuresWithoutOwner(extra, found)).toEqual([last?.span(7, last.text.length)]);
    expect(findUnownedMeasures(extra, found, { include: () => true }).map((m) => m.nodeId)).toEqual([
      'p3.c5.s2',
      'p4.c7',
    ]);
    expect(chapterOf('p3.c5.s1')).toBe('p3.c5');
    expect(chapterOf('c12-2.s1')).toBe('c12-2');
  });
});

describe('clause variants', () => {
  const registry = DEFAULT_DEPARTMENT_REGISTRY;

  it('does not count enterprises leading projects', () => {
    const [unit] = inlineUnits([
      '加快产业创新。支持链主企业牵头组建产业创新联合体，鼓励行业协会牵头制定标准。',
    ]);
    expect(extractAssignments(unit ? [unit] : [])).toEqual([]);
    expect(findClauses('由龙头企业牵头组建创新联合体。', registry)).toEqual([]);
    expect(findClauses('坚持政府牵头、企业主体。', registry)).toEqual([]);
  });

  it('reads 负责, 会同 and …牵头，…配合 forms', () => {
    const units = inlineUnits([
      '推进教育改革。由区教育局会同区财政局负责，完善经费保障机制。',
      '完善养老服务。区民政局牵头，区卫健局、区医保局等部门配合，推进医养结合。',
    ]);
    const [edu, care] = extractAssignments(units);
    expect(edu?.leads.map((d) => d.canonical)).toEqual(['区教育局']);
    expect(edu?.coLeads.map((d) => d.canonical)).toEqual(['区财政局']);
    expect(care?.clause).toBe('区民政局牵头，区卫健局、区医保局等部门配合');
    expect(care?.coLeads.map((d) => d.canonical)).toEqual(['区卫生健康局', '区医疗保障局']);
  });

  it('reads 牵头单位 / 责任单位 lists', () => {
    const units = inlineUnits([
      '实施数字乡村工程（牵头单位：区农业农村局；责任单位：区数据局、区低空办）。',
      '建设智慧停车平台（责任单位：区住建局、区公安分局（牵头）、区城管局）。',
    ]);
    const [village, parking] = extractAssignments(units);
    expect(village?.leads.map((d) => d.canonical)).toEqual(['区农业农村局']);
    expect(village?.coLeads).toEqual([
      { text: '区数据局', canonical: '区数据局', known: true },
      { text: '区低空办', canonical: null, known: false },
    ]);
    expect(parking?.leads.map((d) => d.canonical)).toEqual(['常州市公安局武进分局']);
    expect(parking?.coLeads.map((d) => d.text)).toEqual(['区住建局', '区城管局']);
  });

  it('gives a mid-sentence clause with its own subject its own sentence as measure', () => {
    const units = inlineUnits(['推进城乡融合。完善乡村建设实施机制。相关试点工作由区农业农村局负责。']);
    expect(extractAssignments(units)[0]?.measure).toBe('相关试点工作由区农业农村局负责');
  });

  it('uses the own sentence when the paragraph has no lead phrase', () => {
    const units = inlineUnits([
      { text: '各项任务由区发改局牵头，区财政局配合，每年评估一次。', leadPhrase: null },
    ]);
    const [only] = extractAssignments(units);
    expect(only?.measure).toBe('各项任务由区发改局牵头，区财政局配合，每年评估一次');
    expect(only?.coLeads.map((d) => d.text)).toEqual(['区财政局']);
  });
});
