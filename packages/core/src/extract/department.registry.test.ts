import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DEPARTMENT_REGISTRY,
  DISTRICT_DEPARTMENTS,
  buildDepartmentRegistry,
  normalizeDepartmentName,
  resolveDepartment,
} from './department.registry.js';
import { looksLikeDepartment, splitDepartmentList } from './department-list.parser.js';

const registry = DEFAULT_DEPARTMENT_REGISTRY;

describe('resolveDepartment', () => {
  it.each([
    ['区发改局', '区发展和改革局'],
    ['区发展和改革局', '区发展和改革局'],
    ['区科技局', '区科学技术局'],
    ['区人社局', '区人力资源和社会保障局'],
    ['区委编办', '区委机构编制委员会办公室'],
    ['区委人才办', '区委人才工作领导小组办公室'],
    ['区委社工部', '区委社会工作部'],
    ['区安委办', '区安全生产委员会办公室'],
    ['区卫健局', '区卫生健康局'],
    ['区文体旅局', '区文化体育和旅游局'],
    ['武进生态环境局', '常州市武进生态环境局'],
    ['资规局武进分局', '常州市自然资源和规划局武进分局'],
    ['公安局武进分局', '常州市公安局武进分局'],
    ['区总工会', '区总工会'],
  ])('%s → %s', (name, canonical) => {
    expect(resolveDepartment(registry, name)).toEqual({ text: name, canonical, known: true });
  });

  it('treats a parenthesised note as part of the name or as an alias of its own', () => {
    expect(resolveDepartment(registry, '区财政局（国资办）').canonical).toBe('区财政局');
    expect(resolveDepartment(registry, '区财政局(国资办)').canonical).toBe('区财政局');
    expect(resolveDepartment(registry, '区国资办').canonical).toBe('区财政局');
    expect(resolveDepartment(registry, '区教育局（区语委办）').canonical).toBe('区教育局');
  });

  it('folds width, whitespace and the district prefix', () => {
    expect(normalizeDepartmentName(' 区 发改局 ')).toBe('区发改局');
    expect(resolveDepartment(registry, '区　发改局').canonical).toBe('区发展和改革局');
    expect(resolveDepartment(registry, '武进区教育局').canonical).toBe('区教育局');
    expect(resolveDepartment(registry, '常州市武进区工信局').canonical).toBe('区工业和信息化局');
  });

  it('keeps unknown names as written', () => {
    expect(resolveDepartment(registry, ' 区低空办 ')).toEqual({
      text: '区低空办',
      canonical: null,
      known: false,
    });
  });

  it('builds custom registries where the first entry wins an alias conflict', () => {
    const custom = buildDepartmentRegistry([
      { canonical: '县发展和改革委员会', aliases: ['县发改委'] },
      { canonical: '县其他委', aliases: ['县发改委'] },
    ]);
    expect(resolveDepartment(custom, '县发改委').canonical).toBe('县发展和改革委员会');
    expect(resolveDepartment(custom, '区发改局').known).toBe(false);
  });

  it('has about forty departments with no alias shared by two of them', () => {
    expect(DISTRICT_DEPARTMENTS.length).toBeGreaterThanOrEqual(40);
    const names = DISTRICT_DEPARTMENTS.flatMap((d) =>
      [d.canonical, ...d.aliases].map(normalizeDepartmentName),
    );
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('department lists', () => {
  it('splits on 、 but not inside parentheses or official names containing 和', () => {
    const names = splitDepartmentList(registry, '区财政局（国资办、审计）、区发展和改革局和区教育局等部门');
    expect(names.map((n) => n.text)).toEqual(['区财政局（国资办、审计）', '区发展和改革局', '区教育局']);
    expect(names.map((n) => n.offset)).toEqual([0, 13, 21]);
  });

  it('recognises department-like names and rejects enterprises', () => {
    expect(looksLikeDepartment('区低空办')).toBe(true);
    expect(looksLikeDepartment('湖塘镇人民政府')).toBe(true);
    expect(looksLikeDepartment('链主企业')).toBe(false);
    expect(looksLikeDepartment('行业协会')).toBe(false);
  });
});
