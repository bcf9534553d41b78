/** Published statistics (已公布统计数据) read from Markdown tables, figure by figure, never converted. */
export { readMarkdownTables, type MarkdownTable } from './markdown-tables.reader.js';
export {
  readPublishedStatistics,
  scopeOf,
  type PublishedFigure,
  type PublishedStatistics,
  type SkippedFigure,
  type StatisticScope,
} from './published-statistics.reader.js';
