import { describe, expect, it } from 'vitest';
import { extractGazetteer } from './gazetteer.extractor.js';
import { inlineUnits } from './fixtures/inline-units.fixture.js';

/** The spatial layout of the sample plan (第四章第二节), abridged. */
const LAYOUT = [
  '武进品质活力主城。包括湖塘镇、牛塘镇、绿建区、春秋淹城旅游区。核心任务是服务人民、赋能发展。',
  '武高新智造理想城。包括武进国家高新区、中以常州创新园、前黄镇、礼嘉镇、洛阳镇。聚焦发展新能源、机器人、AI硬件等前沿领域。',
  '西太湖生态科学城。包括西太湖科技产业园、嘉泽镇、湟里镇。着力发展医疗健康产业。',
  '太湖湾休闲度假城。包括雪堰镇、太湖湾旅游度假区。聚力发展精品民宿等美丽经济。',
];

function byKind(entries: ReturnType<typeof extractGazetteer>, kind: string): string[] {
  return entries.filter((e) => e.kind === kind).map((e) => e.name);
}

describe('extractGazetteer', () => {
  it('reads towns, parks, zones and the four cities of the spatial layout', () => {
    const entries = extractGazetteer(inlineUnits(LAYOUT));
    expect(byKind(entries, 'town')).toEqual([
      '湖塘镇',
      '牛塘镇',
      '前黄镇',
      '礼嘉镇',
      '洛阳镇',
      '嘉泽镇',
      '湟里镇',
      '雪堰镇',
    ]);
    expect(byKind(entries, 'park')).toEqual(['中以常州创新园', '西太湖科技产业园']);
    expect(byKind(entries, 'zone')).toEqual([
      '武进品质活力主城',
      '绿建区',
      '春秋淹城旅游区',
      '武高新智造理想城',
      '武进国家高新区',
      '西太湖生态科学城',
      '太湖湾休闲度假城',
      '太湖湾旅游度假区',
    ]);
    expect(byKind(entries, 'industry')).toEqual(['新能源', '机器人', '医疗健康']);
  });

  it('counts mentions, keeps the first source and resolves uncut runs to known names', () => {
    const units = inlineUnits([
      '武进品质活力主城。包括湖塘镇、牛塘镇。',
      '户籍人口、外来人口集聚湖塘镇、高新北区等主城区。进一步理顺湖塘镇高质量发展体制机制。',
      '推动牛塘镇卫生院、坂上卫生院、洛阳镇卫生院改造提升。',
    ]);
    const entries = extractGazetteer(units);
    const hutang = entries.find((e) => e.name === '湖塘镇');
    expect(hutang?.mentions).toBe(3);
    expect(hutang?.firstSource).toEqual({ start: 11, end: 14, lineStart: 1, lineEnd: 1 });
    expect(entries.find((e) => e.name === '牛塘镇')?.mentions).toBe(2);
    expect(byKind(entries, 'town')).toEqual(['湖塘镇', '牛塘镇', '洛阳镇']);
  });

  it('skips generic compounds: 乡镇, 城镇, 各镇, 全镇, 镇级, 区镇, 全区, 社区', () => {
    const units = inlineUnits([
      '推进区镇组团招商，整合乡镇发展载体。加快推进新型城镇化。各镇（街道）完成配置综合性养老服务中心。',
      '整合全镇农业资源，组建镇级经济组织。到2030年，全区常住人口规模达138万人左右，社区服务全覆盖。',
      '推进十大集聚区建设。全国高新区排位提升至前35位，省级开发区排名进入前15位。建好现代化人民城市。',
    ]);
    expect(extractGazetteer(units)).toEqual([]);
  });

  it('reads subdistricts and districts, and parks with notes in parentheses', () => {
    const units = inlineUnits([
      '推动南夏墅街道、西湖街道协同发展。武进区深入推进城市更新，建设武进区存力算力中心。',
      '依托江苏（武进）技能人才服务产业园，推进绿色动力在西太湖科技产业园组织实施供热方案。',
    ]);
    const entries = extractGazetteer(units);
    expect(byKind(entries, 'subdistrict')).toEqual(['南夏墅街道', '西湖街道']);
    expect(entries.find((e) => e.name === '武进区')).toMatchObject({ kind: 'zone', mentions: 2 });
    expect(byKind(entries, 'park')).toEqual(['江苏（武进）技能人才服务产业园', '西太湖科技产业园']);
  });

  it('takes the longest ending, keeps zone endings from districts and one-character verbs from names', () => {
    const units = inlineUnits([
      '推进淹城动物园和嬉戏谷乐园提质，建设武进高新区和天宁区。发展区域经济，支持各区镇。',
      '以及如皋镇。以前黄镇为重点。',
    ]);
    expect(extractGazetteer(units).map((e) => `${e.kind}:${e.name}`)).toEqual([
      'park:淹城动物园',
      'park:嬉戏谷乐园',
      'zone:武进高新区',
      'zone:天宁区',
      'town:如皋镇',
      'town:前黄镇',
    ]);
  });

  it('counts industries of the industry system, longest term first', () => {
    const units = inlineUnits([
      '巩固壮大3个优势产业（智电汽车、高端装备、金属材料），加速发展5个战略性新兴产业（机器人、人工智能、新型储能、新型碳材料、生物制造）。',
      '聚焦“新能源汽车及核心零部件产业园”。拓展机器人应用深度和广度，突破集成电路短板。',
    ]);
    const industries = extractGazetteer(units).filter((e) => e.kind === 'industry');
    expect(industries.map((e) => `${e.name}×${e.mentions}`)).toEqual([
      '智电汽车×1',
      '高端装备×1',
      '金属材料×1',
      '机器人×2',
      '人工智能×1',
      '新型储能×1',
      '新型碳材料×1',
      '生物制造×1',
      '新能源汽车×1',
      '集成电路×1',
    ]);
  });
});
