import { describe, expect, it } from 'vitest';
import { splitMeasures } from './measure.splitter.js';
import { splitNoteMark } from './name-note.reader.js';

describe('splitMeasures', () => {
  it('splits one value per measure, by unit parts and by name parts', () => {
    expect(splitMeasures('旅客/货物运输量', '万人次/万吨', '1200 / 35', '1000/30')).toEqual([
      { name: '旅客', unit: '万人次', target: '1200', baseline: '1000' },
      { name: '货物运输量', unit: '万吨', target: '35', baseline: '30' },
    ]);
    expect(splitMeasures('集装箱和货物吞吐量', '万标箱/亿吨', '８００／２．５', '—')).toEqual([
      { name: '集装箱和货物吞吐量', unit: '万标箱', target: '８００', baseline: '—' },
      { name: '集装箱和货物吞吐量', unit: '亿吨', target: '２．５', baseline: '—' },
    ]);
    expect(splitMeasures('入境游客/旅游收入', null, '90/120', null)).toMatchObject([
      { name: '入境游客', unit: null },
      { name: '旅游收入', unit: null },
    ]);
  });

  it('leaves ratio units, fractions, placeholders and single values whole', () => {
    expect(splitMeasures('人均产值', '万元/人', '45', null)).toBeNull();
    expect(splitMeasures('占全国比重', '%', '1/3以上', null)).toBeNull();
    expect(splitMeasures('吞吐量', '万人次/万吨', '/', null)).toBeNull();
    expect(splitMeasures('吞吐量', '万人次/万吨', '—', null)).toBeNull();
    expect(splitMeasures('吞吐量', '万人次/万吨/万标箱', '10/20', null)).toBeNull();
  });
});

describe('splitNoteMark', () => {
  it.each([
    ['森林覆盖率*', '森林覆盖率', '*'],
    ['森林覆盖率 ∗', '森林覆盖率', '∗'],
    ['耕地保有量※', '耕地保有量', '※'],
    ['城镇化率¹²', '城镇化率', '¹²'],
    ['人均绿地面积⑳', '人均绿地面积', '⑳'],
    ['数字经济增加值（注2）', '数字经济增加值', '（注2）'],
  ] as const)('%j → %j, %j', (written, name, mark) => {
    expect(splitNoteMark(written)).toEqual({ name, mark });
  });

  it('keeps names without a mark, digits that belong to the name, and a lone mark', () => {
    for (const written of ['PM2.5浓度', '5G基站数', '人均住房面积（m²）', '*', '每万人发明专利（件）']) {
      expect(splitNoteMark(written)).toEqual({ name: written, mark: null });
    }
  });
});
