/**
 * Which department publishes a statistic by its remit (职责): the table behind the second kind of
 * ownership suggestion (docs/methodology.md, "Ownership suggestions"). Rows are tried in order and
 * the first whose `statistic` pattern matches the indicator's name wins, so the more specific rows
 * (婴幼儿入托 → health, before 教育 → education) come first. `department` matches the names a
 * registry holds (canonical names and aliases vary: 区统计局 / 统计局 / 武进调查队), in order of
 * preference; `fallbackName` is what the office is told to create when the registry has none.
 */
export type RemitRule = {
  statistic: RegExp;
  department: readonly RegExp[];
  fallbackName: string;
  remit: { zh: string; en: string };
};

/** The remit table, most specific first. */
export const OWNER_REMIT_TABLE: readonly RemitRule[] = [
  {
    statistic: /一般公共预算收入|财政收入|税收收入/,
    department: [/财政局/],
    fallbackName: '区财政局',
    remit: { zh: '财政收支由财政部门统计发布', en: 'public revenue is reported by the finance bureau' },
  },
  {
    statistic: /PM2\.5|细颗粒物|空气质量|优良天数|水质|水体|断面|二氧化碳|碳排放/,
    department: [/生态环境/],
    fallbackName: '区生态环境局',
    remit: {
      zh: '空气、水环境和碳排放由生态环境部门监测发布',
      en: 'air, water and carbon figures are monitored by the ecology and environment bureau',
    },
  },
  {
    statistic: /居民人均可支配收入|居民收入|人均消费支出/,
    department: [/调查队/, /统计局/],
    fallbackName: '区统计局',
    remit: {
      zh: '住户收支由统计部门（调查队）调查发布',
      en: 'household income is surveyed by the statistics bureau (its survey team)',
    },
  },
  {
    statistic: /研发|R&D|高新技术企业|科技型/,
    department: [/科学技术局|科技局/],
    fallbackName: '区科学技术局',
    remit: {
      zh: '研发投入和高新技术企业由科技部门统计认定',
      en: 'R&D spending and high-tech firms are counted by the science and technology bureau',
    },
  },
  {
    statistic: /专利|商标|知识产权|市场主体/,
    department: [/市场监督管理|市场监管/],
    fallbackName: '区市场监督管理局',
    remit: {
      zh: '专利和市场主体由市场监管（知识产权）部门统计',
      en: 'patents and registered businesses are counted by the market regulation (IP) bureau',
    },
  },
  {
    statistic: /就业|失业|社会保险|社保|参保/,
    department: [/人力资源和社会保障|人社/],
    fallbackName: '区人力资源和社会保障局',
    remit: {
      zh: '就业和社会保险由人社部门统计',
      en: 'employment and social insurance are counted by the human resources and social security bureau',
    },
  },
  {
    statistic: /养老|民政|低保|社会救助/,
    department: [/民政局/],
    fallbackName: '区民政局',
    remit: {
      zh: '养老服务和社会救助由民政部门统计',
      en: 'elderly care and social assistance are counted by the civil affairs bureau',
    },
  },
  {
    statistic: /婴幼儿|托育|入托|卫生|医师|护士|医疗|床位|预期寿命|医院/,
    department: [/卫生健康|卫健/],
    fallbackName: '区卫生健康局',
    remit: {
      zh: '卫生资源、人口健康和托育由卫生健康部门统计',
      en: 'health resources, life expectancy and childcare are counted by the health commission',
    },
  },
  {
    statistic: /教育|受教育|入学|学校|学前/,
    department: [/教育局/],
    fallbackName: '区教育局',
    remit: { zh: '教育事业由教育部门统计', en: 'education is counted by the education bureau' },
  },
  {
    statistic: /完整社区|住房|保障房|城镇老旧小区/,
    department: [/住房和城乡建设|住建/],
    fallbackName: '区住房和城乡建设局',
    remit: {
      zh: '社区和住房建设由住建部门统计',
      en: 'housing and community building are counted by the housing and construction bureau',
    },
  },
  {
    statistic: /人才/,
    department: [/人才工作|人才办/],
    fallbackName: '区委人才工作领导小组办公室',
    remit: { zh: '人才工作由人才办统筹统计', en: 'talent figures are kept by the talent office' },
  },
  {
    statistic: /体育|健身/,
    department: [/文化体育|体育/],
    fallbackName: '区文化体育和旅游局',
    remit: {
      zh: '体育设施由文体部门统计',
      en: 'sports facilities are counted by the culture and sports bureau',
    },
  },
  {
    statistic: /林木|森林|耕地|土地|自然资源/,
    department: [/自然资源/],
    fallbackName: '区自然资源和规划局',
    remit: {
      zh: '耕地和林木资源由自然资源部门调查发布',
      en: 'farmland and tree cover are surveyed by the natural resources bureau',
    },
  },
  {
    statistic: /粮食|农业|农村/,
    department: [/农业农村/],
    fallbackName: '区农业农村局',
    remit: { zh: '粮食生产由农业农村部门统计', en: 'grain output is counted by the agriculture bureau' },
  },
  {
    statistic: /安全感|治安|刑事/,
    department: [/公安/],
    fallbackName: '区公安分局',
    remit: {
      zh: '公众安全感和治安由公安部门调查统计',
      en: 'public safety is surveyed by the public security bureau',
    },
  },
  {
    statistic: /生产安全|安全事故|安全生产/,
    department: [/应急管理|应急局/, /安全生产委员会|安委办/],
    fallbackName: '区应急管理局',
    remit: {
      zh: '生产安全事故由应急管理部门统计',
      en: 'work-safety accidents are counted by the emergency management bureau',
    },
  },
  {
    statistic: /常住人口|户籍人口|地区生产总值|GDP|增加值|产值|营业收入|固定资产投资|社会消费品零售/,
    department: [/统计局/, /调查队/],
    fallbackName: '区统计局',
    remit: {
      zh: '人口和国民经济核算数据由统计部门发布',
      en: 'population and national accounts are published by the statistics bureau',
    },
  },
];
