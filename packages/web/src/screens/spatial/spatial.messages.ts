import { defineMessages } from '../../i18n/i18n';

/** Strings of the spatial view. */
export const spatialMessages = defineMessages({
  zh: {
    title: '空间分布',
    intro:
      '规划“四城”布局及其镇、园区，以及文本中提到这些地点的指标、任务和目标任务。示意图，不按实际比例和方位绘制。',
    noPlan: '还没有规划。请规划科先导入规划纲要。',
    noPlaces: '规划文本中没有识别出地点。导入的规划纲要提到镇、园区或“城”时，这里会显示它们。',
    mapLabel:
      '空间布局示意图：{n} 个城、{p} 个地点。用 Tab 键逐个选择地点，按回车查看相关事项；下方表格列出相同内容。',
    otherPlaces: '其他地点',
    // Starts with the visible text (the name, then the count), as WCAG 2.5.3 asks.
    regionLabel: '{name}（{n}） 项相关事项',
    tableCaption: '地点及相关事项（与示意图相同）',
    place: '地点',
    kind: '类型',
    city: '所属',
    items: '相关事项',
    show: '查看',
    showPlace: '查看 “{name}” 的相关事项',
    selectedTitle: '“{name}”的相关事项',
    selectHint: '在示意图或表格中选择一个地点，查看提到它的指标、任务和目标任务。',
    noItems: '规划文本中没有提到该地点的指标、任务或目标任务。',
    members: '包括：{names}',
    openInPlan: '在规划文本中查看',
    kind_town: '镇',
    kind_subdistrict: '街道',
    kind_park: '园区',
    kind_zone: '区域',
    kind_city: '城',
    item_indicator: '指标',
    item_task: '任务',
    item_commitment: '目标任务',
  },
  en: {
    title: 'Map',
    intro:
      'The plan’s four “cities”, their towns and parks, and the indicators, tasks and commitments whose text names them. A schematic, not to scale or orientation.',
    noPlan: 'No plan yet. The planning office imports the outline first.',
    noPlaces:
      'No place was found in the plan text. When an outline names towns, parks or “cities”, they appear here.',
    mapLabel:
      'Schematic of the spatial layout: {n} cities, {p} places. Tab through the places and press Enter to list their items; the table below has the same content.',
    otherPlaces: 'Other places',
    regionLabel: '{name}（{n}） related items',
    tableCaption: 'Places and related items (same as the schematic)',
    place: 'Place',
    kind: 'Kind',
    city: 'Part of',
    items: 'Items',
    show: 'Show',
    showPlace: 'Show the items of “{name}”',
    selectedTitle: 'Items of “{name}”',
    selectHint:
      'Choose a place on the schematic or in the table to see the indicators, tasks and commitments that name it.',
    noItems: 'No indicator, task or commitment in the plan text names this place.',
    members: 'Includes: {names}',
    openInPlan: 'Show in the plan text',
    kind_town: 'Town',
    kind_subdistrict: 'Subdistrict',
    kind_park: 'Park',
    kind_zone: 'Zone',
    kind_city: 'City',
    item_indicator: 'Indicator',
    item_task: 'Task',
    item_commitment: 'Commitment',
  },
});
