import { z } from 'zod';

/**
 * The plan model: what ingestion produces from one outline document, and what every later
 * capability (records, assessment, reports) reads. Field names are a public contract — other
 * tools read `plantrack ingest --json` — so renaming one is a breaking change of MODEL_VERSION.
 */
export const MODEL_VERSION = '1.1.0';

/** Where an item came from: offsets into the decoded source text (UTF-16 code units) and 1-based lines. */
export const SourceSpanSchema = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  lineStart: z.number().int().min(1),
  lineEnd: z.number().int().min(1),
});

export const TargetKindSchema = z.enum([
  'absolute',
  'range',
  'cumulative',
  'rate',
  'relative',
  'external',
  'qualitative',
]);

export const ComparatorSchema = z.enum(['=', '>=', '>', '<=', '<', '~']);

/** A target as written plus its parsed form. `text` is always the exact original. */
export const TargetSchema = z.object({
  text: z.string(),
  kind: TargetKindSchema,
  op: ComparatorSchema.nullable(),
  value: z.number().nullable(),
  valueMax: z.number().nullable(),
  unit: z.string().nullable(),
  /** Statistical scope (口径) stated with the value, e.g. `含常州经开区`. */
  scope: z.string().nullable(),
  estimated: z.boolean(),
  /** Year the value refers to when the text tags one, e.g. `21.5（2024年）`. */
  year: z.number().int().nullable(),
  /** For `change` targets (`提高1个百分点以上`, `下降20%`): the direction of change from the baseline. */
  change: z.enum(['increase', 'decrease']).nullable(),
  /** For relative targets: what the value is compared with (`全市平均`, `经济增长`). */
  reference: z.string().nullable(),
  /** For external targets: who sets the value (`市`, `省`, `国家`). */
  setBy: z.string().nullable(),
  /** Trailing words kept from the text (`努力争取更好结果`). */
  qualifier: z.string().nullable(),
  /** False when the grammar could not read the text; `kind` is then `qualitative`. */
  parsed: z.boolean(),
});

export const FootnoteSchema = z.object({
  id: z.string(),
  text: z.string(),
  source: SourceSpanSchema,
});

export const ParagraphSchema = z.object({
  text: z.string(),
  /** A leading clause ending in `。` that names the measure (`深化国资国企改革。`), if any. */
  leadPhrase: z.string().nullable(),
  /** Ids of footnotes referenced in this paragraph. */
  footnoteRefs: z.array(z.string()),
  source: SourceSpanSchema,
});

export const NodeKindSchema = z.enum(['part', 'chapter', 'section', 'subheading', 'item']);

export type OutlineNode = {
  id: string;
  kind: z.infer<typeof NodeKindSchema>;
  ordinal: number;
  label: string;
  title: string;
  paragraphs: z.infer<typeof ParagraphSchema>[];
  footnotes: z.infer<typeof FootnoteSchema>[];
  children: OutlineNode[];
  source: z.infer<typeof SourceSpanSchema>;
};

export const OutlineNodeSchema: z.ZodType<OutlineNode> = z.lazy(() =>
  z.object({
    /** Stable path id, e.g. `p3.c5.s1`. */
    id: z.string(),
    kind: NodeKindSchema,
    ordinal: z.number().int().min(0),
    label: z.string(),
    title: z.string(),
    paragraphs: z.array(ParagraphSchema),
    footnotes: z.array(FootnoteSchema),
    children: z.array(OutlineNodeSchema),
    source: SourceSpanSchema,
  }),
);

export const BaselineSchema = z.object({
  year: z.number().int().nullable(),
  value: z.number().nullable(),
  text: z.string(),
  estimated: z.boolean(),
});

export const AttributeSchema = z.enum(['预期性', '约束性']);

export const IndicatorSchema = z.object({
  /** `"5"`, or `"12.1"` for the first sub-indicator of no. 12. */
  seq: z.string(),
  group: z.string().nullable(),
  name: z.string(),
  unit: z.string().nullable(),
  /** Name of the parent indicator for sub-indicators. */
  parent: z.string().nullable(),
  attribute: AttributeSchema.nullable(),
  /** True when the attribute was inferred from the group (e.g. `约束类指标`) rather than read from a column. */
  attributeInferred: z.boolean(),
  baseline: BaselineSchema.nullable(),
  target: TargetSchema,
  /** Other columns of the row kept as written (e.g. `年均/累计`), keyed by column title. */
  extra: z.record(z.string(), z.string()),
  direction: z.enum(['higher', 'lower']).nullable(),
  source: SourceSpanSchema,
});

/** The fields of an indicator table, built afresh for each schema that has them. */
const indicatorTableFields = () => ({
  caption: z.string().nullable(),
  columns: z.array(z.string()),
  groups: z.array(z.string()),
  /** Notes under the table, e.g. `[ ]内数据为累计数`. */
  notes: z.array(z.string()),
  source: SourceSpanSchema,
});

export const IndicatorTableSchema = z.object(indicatorTableFields());

/** What an indicator table is for: the plan's own targets, the previous plan's results, or other. */
export const IndicatorTableRoleSchema = z.enum(['plan-targets', 'previous-results', 'other']);

/** Every indicator table of the document, each with its role and its own rows. */
export const IndicatorTableEntrySchema = z.object({
  ...indicatorTableFields(),
  role: IndicatorTableRoleSchema,
  indicators: z.array(IndicatorSchema),
});

export const CommitmentSchema = z.object({
  id: z.string(),
  subject: z.string(),
  quantity: TargetSchema.nullable(),
  /** Year by which it is promised (`到2030年`, `2027年底前`). */
  deadline: z.number().int().nullable(),
  sentence: z.string(),
  nodeId: z.string(),
  source: SourceSpanSchema,
  /** `seq` of the indicator this commitment restates, if any. */
  indicatorSeq: z.string().nullable(),
});

export const DepartmentRefSchema = z.object({
  /** Name as written in the clause. */
  text: z.string(),
  /** Canonical name from the registry, or null when unknown. */
  canonical: z.string().nullable(),
  known: z.boolean(),
});

export const AssignmentSchema = z.object({
  id: z.string(),
  /** The measure the clause governs: the paragraph's lead phrase, or the clause's own sentence. */
  measure: z.string(),
  leads: z.array(DepartmentRefSchema),
  coLeads: z.array(DepartmentRefSchema),
  clause: z.string(),
  nodeId: z.string(),
  source: SourceSpanSchema,
});

export const PhaseSchema = z.object({
  name: z.string(),
  startYear: z.number().int(),
  endYear: z.number().int(),
  focus: z.string().nullable(),
  source: SourceSpanSchema,
});

export const GazetteerEntrySchema = z.object({
  name: z.string(),
  kind: z.enum(['town', 'subdistrict', 'park', 'zone', 'industry']),
  mentions: z.number().int().min(1),
  firstSource: SourceSpanSchema,
});

export const FindingSchema = z.object({
  code: z.enum([
    'target-below-baseline',
    'scope-mismatch',
    'conflicting-targets',
    'indicator-not-mentioned',
    'measure-without-owner',
    'unparsed-target',
    'unknown-department',
    'toc-mismatch',
    'no-structure',
    'not-a-plan-outline',
  ]),
  severity: z.enum(['info', 'warning', 'error']),
  message: z.object({ zh: z.string(), en: z.string() }),
  sources: z.array(SourceSpanSchema),
  indicatorSeq: z.string().nullable(),
});

export const PlanSchema = z.object({
  title: z.string(),
  region: z.string().nullable(),
  /** GB/T 2260 code when the region is known (武进区 → 320412). */
  regionCode: z.string().nullable(),
  level: z.enum(['national', 'province', 'city', 'district', 'county']).nullable(),
  periodStart: z.number().int().nullable(),
  periodEnd: z.number().int().nullable(),
  baselineYear: z.number().int().nullable(),
  issuer: z.string().nullable(),
  date: z.string().nullable(),
});

export const DocumentInfoSchema = z.object({
  /** `word-text`, `pdf-text`, `web-text`, `markdown` …: the layout the reader recognised. */
  layout: z.string(),
  characters: z.number().int(),
  lines: z.number().int(),
  encoding: z.string().nullable(),
  fileName: z.string().nullable(),
});

export const PlanModelSchema = z.object({
  modelVersion: z.literal(MODEL_VERSION),
  document: DocumentInfoSchema,
  plan: PlanSchema,
  /** Paragraphs before the first heading (序言, an issuing notice). */
  preamble: z.array(ParagraphSchema),
  outline: z.array(OutlineNodeSchema),
  tableOfContents: z.array(
    z.object({
      kind: NodeKindSchema,
      label: z.string(),
      title: z.string(),
      page: z.number().int().nullable(),
    }),
  ),
  /** The plan's targets table (the first table in the role `plan-targets`); its rows are `indicators`. */
  indicatorTable: IndicatorTableSchema.nullable(),
  indicators: z.array(IndicatorSchema),
  /** Every indicator table found, in document order, the targets table included. */
  indicatorTables: z.array(IndicatorTableEntrySchema),
  commitments: z.array(CommitmentSchema),
  assignments: z.array(AssignmentSchema),
  phases: z.array(PhaseSchema),
  gazetteer: z.array(GazetteerEntrySchema),
  findings: z.array(FindingSchema),
  warnings: z.array(z.object({ zh: z.string(), en: z.string() })),
});

export type SourceSpan = z.infer<typeof SourceSpanSchema>;
export type TargetKind = z.infer<typeof TargetKindSchema>;
export type Comparator = z.infer<typeof ComparatorSchema>;
export type Target = z.infer<typeof TargetSchema>;
export type Footnote = z.infer<typeof FootnoteSchema>;
export type Paragraph = z.infer<typeof ParagraphSchema>;
export type NodeKind = z.infer<typeof NodeKindSchema>;
export type Baseline = z.infer<typeof BaselineSchema>;
export type Attribute = z.infer<typeof AttributeSchema>;
export type Indicator = z.infer<typeof IndicatorSchema>;
export type IndicatorTable = z.infer<typeof IndicatorTableSchema>;
export type IndicatorTableEntry = z.infer<typeof IndicatorTableEntrySchema>;
export type Commitment = z.infer<typeof CommitmentSchema>;
export type DepartmentRef = z.infer<typeof DepartmentRefSchema>;
export type Assignment = z.infer<typeof AssignmentSchema>;
export type Phase = z.infer<typeof PhaseSchema>;
export type GazetteerEntry = z.infer<typeof GazetteerEntrySchema>;
export type Finding = z.infer<typeof FindingSchema>;
export type Plan = z.infer<typeof PlanSchema>;
export type PlanModel = z.infer<typeof PlanModelSchema>;
/** A message shown to people: Chinese first, English available. */
export type BilingualMessage = { zh: string; en: string };
