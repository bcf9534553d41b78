/**
 * Word lists of the gazetteer extractor. Chinese has no spaces, so a place name is found by its
 * ending (`镇`, `街道`, `产业园`, `高新区` …) and cut off from the words before it with these lists:
 * connectors, leading verbs, and the generic compounds that end like a place but are none (`乡镇`).
 */

/** Characters that separate a name from what precedes it inside a run of Han characters. */
export const CONNECTORS = '和与及在对向从把将由的';

/** Leading verbs and adverbs stripped from a candidate (`聚焦前黄` → `前黄`), longest first. */
export const PREFIX_WORDS: readonly string[] = [
  '进一步',
  '包括',
  '聚焦',
  '推动',
  '推进',
  '支持',
  '理顺',
  '集聚',
  '位于',
  '围绕',
  '依托',
  '优化',
  '加快',
  '建设',
  '建成',
  '打造',
  '提升',
  '助力',
  '联动',
  '整合',
  '实施',
  '开展',
  '发展',
  '促进',
  '鼓励',
  '引导',
  '做好',
  '全面',
  '持续',
  '深化',
  '服务',
  '带动',
  '辐射',
  '覆盖',
  '落户',
  '地处',
  '属于',
  '涉及',
  '例如',
  '其中',
  '以及',
  '包含',
  '启动',
  '肩负起',
  '升级',
  '健全',
  '完善',
  '加强',
  '强化',
  '力争',
  '形成',
  '构建',
  '规划',
  '创建',
  '培育',
  '丰富',
  '盘活',
  '扩大',
  '布局',
  '发挥',
  '结合',
  '利用',
  '加速',
  '催生',
  '蓄力',
  '深入',
  '充分',
  '积极',
  '重点',
  '着力',
  '全力',
  '大力',
  '如',
  '含',
  '以',
  '为',
]
  .slice()
  .sort((a, b) => b.length - a.length);

/** Generic compounds ending in `镇` that are not town names. */
export const TOWN_STOP: ReadonlySet<string> = new Set([
  '乡镇',
  '城镇',
  '全镇',
  '各镇',
  '集镇',
  '学镇',
  '村镇',
  '小镇',
  '区镇',
  '本镇',
  '该镇',
  '每镇',
  '市镇',
  '重镇',
  '名镇',
  '古镇',
  '强镇',
  '特色镇',
  '中心镇',
  '建制镇',
]);

/** Characters after `镇` that make it part of a word (`镇级`, `镇村`, `镇街`, `镇域`). */
export const TOWN_NEXT_STOP = '级村街域区';

/** Generic words before `街道`. */
export const SUBDISTRICT_STOP: ReadonlySet<string> = new Set([
  '各',
  '全',
  '本',
  '该',
  '每',
  '镇',
  '乡镇',
  '城市',
]);

/** Endings of named parks. A bare ending (`产业园`) is not a name. */
export const PARK_ENDINGS: readonly string[] = [
  '产业园',
  '创新园',
  '科技园',
  '科创园',
  '科学园',
  '软件园',
  '工业园',
  '物流园',
  '农业园',
  '示范园',
  '博园',
  '乐园',
  '动物园',
  '植物园',
  '生态园',
  '文化园',
  '创意园',
  '孵化园',
];

/** Endings of named zones; only those in {@link BARE_ZONE_NAMES} are names on their own. */
export const ZONE_ENDINGS: readonly string[] = [
  '高新区',
  '经开区',
  '开发区',
  '度假区',
  '旅游区',
  '保税区',
  '综试区',
  '绿建区',
  '集聚区',
  '示范区',
  '试验区',
  '合作区',
];

/** Zone abbreviations that plans use as names (`绿建区`). */
export const BARE_ZONE_NAMES: ReadonlySet<string> = new Set(['高新区', '经开区', '绿建区']);

/** Starts of generic park or zone phrases (`省级开发区`, `十大集聚区`, `现代农业产业园`). */
export const GENERIC_AREA_START =
  /^(省级|市级|区级|县级|国家级|全国|全省|全市|各类|各|一批|重点|首批|现代|特色|专业|产业|[一二三四五六七八九十百千\d]+大)/;

/** Two-character words before `区` that are not district names (`全区`, `社区` …). */
export const DISTRICT_STOP: ReadonlySet<string> = new Set([
  '全区',
  '我区',
  '地区',
  '社区',
  '城区',
  '园区',
  '片区',
  '景区',
  '辖区',
  '市区',
  '湖区',
  '圩区',
  '专区',
  '街区',
  '小区',
  '新区',
  '分区',
  '校区',
  '该区',
  '本区',
  '各区',
  '两区',
  '山区',
  '库区',
  '主区',
]);

/** Characters after `区` that make it part of a word (`区域`, `区级`, `区镇`, `区内`). */
export const DISTRICT_NEXT_STOP = '域级镇内外间位块划委';

/** Characters after `城` that make it part of a word (`城市`, `城镇`, `城乡`, `城区`, `城配` …). */
export const CITY_NEXT_STOP = '市镇乡区际中内外里墙建管配路街河港';

/** Endings of generic city words and slogans (`生态花园水城`, `历史文化名城`, `资源进城`). */
export const CITY_STOP_ENDINGS: readonly string[] = [
  '水城',
  '名城',
  '之城',
  '新城',
  '进城',
  '智造城',
  '强城',
];

/**
 * Industries named in a plan's industry system (`35X`, `3+5+X`, future industries). Matched as whole
 * terms, longest first, so `新能源汽车` is not also counted as `新能源`.
 */
export const INDUSTRY_TERMS: readonly string[] = [
  '智电汽车',
  '新能源汽车',
  '新能源',
  '高端装备',
  '新材料',
  '先进材料',
  '金属材料',
  '新一代电子信息',
  '医疗健康',
  '机器人',
  '人工智能',
  '新型储能',
  '新型碳材料',
  '碳材料',
  '生物制造',
  '合成生物',
  '氢能',
  '固态电池',
  '核能',
  '脑机接口',
  '细胞与基因治疗',
  '集成电路',
  '具身智能',
  '低空经济',
  '时空信息',
  '6G',
];
