import { z } from 'zod';
import { MessagesSchema } from './common.contract.js';
import { ExpectedRevisionSchema } from './record.contract.js';

/** The register's vocabularies (core's project model). */
export const ProjectStageSchema = z.enum(['储备', '前期', '在建', '竣工', '后评价']);
const DateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const Text = (max: number) => z.string().trim().max(max);

/** The register fields of one project as the office edits them; money in 万元. */
export const ProjectFieldsSchema = z
  .object({
    code: z.string().length(24).nullable().describe('项目代码 (24 characters), null while 谋划/储备'),
    name: Text(200).min(1),
    level: z.enum(['省', '市', '区']).nullable(),
    category: Text(50).nullable(),
    nature: z.enum(['储备', '前期', '新开工', '续建', '竣工']).nullable(),
    place: Text(100).nullable().describe('镇/街道/园区 from the plan gazetteer'),
    coordinates: z
      .object({ lng: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) })
      .nullable(),
    serves: z
      .array(Text(100))
      .max(50)
      .describe('Keys of the plan measures, 专栏 items or commitments served'),
    content: Text(4000).describe('建设内容及规模'),
    newCapacity: Text(1000).nullable(),
    totalWan: z.number().nonnegative().nullable().describe('总投资, 万元'),
    funding: z.array(z.object({ source: Text(100).min(1), amountWan: z.number().nonnegative() })).max(20),
    startYear: z.number().int().min(1950).max(2100).nullable(),
    endYear: z.number().int().min(1950).max(2100).nullable(),
    plannedStart: DateText.nullable(),
    actualStart: DateText.nullable(),
    plannedCompletion: DateText.nullable(),
    actualCompletion: DateText.nullable(),
    leadUnit: Text(100).nullable().describe('责任单位'),
    responsiblePerson: Text(50).nullable(),
    linkedLeader: Text(50).nullable(),
    owner: Text(200).nullable().describe('业主单位'),
    ownerContact: Text(100).nullable(),
    published: z.boolean().describe('Shown on the public view (published fields only)'),
    annualPlans: z
      .array(
        z.object({
          year: z.number().int().min(1950).max(2100),
          planWan: z.number().nonnegative().nullable(),
          milestoneText: Text(1000).nullable(),
        }),
      )
      .max(20)
      .describe('年度计划投资 and 年度形象进度目标 per year'),
    milestones: z
      .array(
        z.object({
          step: z.enum(['立项', '用地', '规划', '环评', '施工许可']),
          deadline: DateText.nullable(),
          department: Text(100).nullable(),
          doneOn: DateText.nullable(),
        }),
      )
      .max(5)
      .describe('前期节点'),
  })
  .meta({ id: 'ProjectFields' });
export type ProjectFieldsInput = z.infer<typeof ProjectFieldsSchema>;

/** A project as stored. */
export const ProjectSchema = ProjectFieldsSchema.extend({
  id: z.string(),
  planId: z.string(),
  stage: ProjectStageSchema,
  leadDepartmentId: z.string().nullable(),
  revision: z.number().int(),
  updatedAt: z.string(),
}).meta({ id: 'Project' });
export type ProjectView = z.infer<typeof ProjectSchema>;

/** One revision of a monthly project report. */
export const ProjectReportSchema = z
  .object({
    id: z.string(),
    projectId: z.string(),
    year: z.number().int(),
    month: z.number().int(),
    revisionNo: z.number().int(),
    status: z.enum(['draft', 'submitted', 'approved', 'returned']),
    action: z.enum(['save_draft', 'submit', 'approve', 'return', 'correct']),
    monthWan: z.number().nullable(),
    ytdWan: z.number().nullable(),
    progressText: z.string().nullable(),
    reason: z.string().nullable(),
    evidenceIds: z.array(z.string()),
    createdAt: z.string(),
    createdBy: z.string(),
  })
  .meta({ id: 'ProjectReport' });

export const ProjectIssueSchema = z.object({
  id: z.string(),
  text: z.string(),
  department: z.string().nullable(),
  deadline: z.string().nullable(),
  state: z.enum(['open', 'resolved']),
  createdAt: z.string(),
  createdBy: z.string(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolution: z.string().nullable(),
});

/** 正常 / 滞后 / 需协调 of one project as of today, by the dashboard's rules, with its reasons. */
export const ProjectStatusSchema = z
  .object({
    asOf: z.string(),
    year: z.number().int(),
    health: z.enum(['正常', '滞后', '需协调']),
    completionRatePct: z.number().nullable().describe('投资完成率: approved 年初至今累计 / 年度计划投资, %'),
    timeElapsedPct: z.number().describe('时序进度 through the last approved month, %'),
    gapPoints: z.number().nullable(),
    lagThresholdPoints: z.number(),
    reasons: z.array(MessagesSchema),
  })
  .meta({ id: 'ProjectStatus' });

/** One project with its current reports, issues, lifecycle, post-evaluation and status. */
export const ProjectDetailSchema = ProjectSchema.extend({
  status: ProjectStatusSchema,
  reports: z.array(ProjectReportSchema),
  issues: z.array(ProjectIssueSchema),
  transitions: z.array(
    z.object({
      from: ProjectStageSchema.nullable(),
      to: ProjectStageSchema,
      note: z.string().nullable(),
      at: z.string(),
      by: z.string(),
    }),
  ),
  evaluation: z
    .object({
      scopeMet: z.boolean(),
      investmentMet: z.boolean(),
      timeMet: z.boolean(),
      benefitsMet: z.boolean(),
      lessons: z.string(),
      at: z.string(),
      by: z.string(),
    })
    .nullable(),
}).meta({ id: 'ProjectDetail' });
export type ProjectDetailView = z.infer<typeof ProjectDetailSchema>;

/** `?stage&category&department&town&lagging&year&asOf` of the project list. */
export const ProjectListQuerySchema = z.object({
  stage: ProjectStageSchema.optional(),
  category: Text(50).optional(),
  department: Text(100).optional().describe('责任单位 as written'),
  town: Text(100).optional().describe('所在镇街'),
  lagging: z.enum(['true', 'false']).optional().describe('Only projects the status rules flag (滞后/需协调)'),
  year: z.coerce.number().int().min(1950).max(2100).optional(),
  asOf: DateText.optional(),
});

export const ProjectListSchema = z.object({ items: z.array(ProjectSchema) }).meta({ id: 'ProjectList' });

/** The published fields of a project, for the public view. */
export const PublicProjectSchema = ProjectSchema.pick({
  id: true,
  code: true,
  name: true,
  level: true,
  category: true,
  nature: true,
  place: true,
  content: true,
  totalWan: true,
  startYear: true,
  endYear: true,
  leadUnit: true,
  stage: true,
}).meta({ id: 'PublicProject' });
export type PublicProjectView = z.infer<typeof PublicProjectSchema>;
export const PublicProjectListSchema = z.object({ items: z.array(PublicProjectSchema) });

export const ProjectIdParamsSchema = z.object({ id: z.string().min(1).max(100) });
export const ProjectIssueParamsSchema = z.object({
  id: z.string().min(1).max(100),
  issueId: z.string().min(1).max(100),
});

/** Body of a create. */
export const ProjectCreateSchema = z.object({
  fields: ProjectFieldsSchema,
  stage: ProjectStageSchema.exclude(['后评价']),
});
/** Body of an edit. */
export const ProjectUpdateSchema = z.object({
  fields: ProjectFieldsSchema,
  expectedRevision: z.number().int().min(1),
});
/** Body of a lifecycle move. */
export const ProjectTransitionSchema = z.object({
  to: ProjectStageSchema.exclude(['后评价']),
  note: Text(1000).nullable().default(null),
});
/** Body of a new issue. */
export const ProjectIssueCreateSchema = z.object({
  text: Text(2000).min(1),
  department: Text(100).nullable(),
  deadline: DateText.nullable(),
});
/** Body of resolving an issue. */
export const ProjectIssueResolveSchema = z.object({ resolution: Text(2000).nullable().default(null) });
/** Body of the post-evaluation. */
export const ProjectEvaluationSchema = z.object({
  scopeMet: z.boolean(),
  investmentMet: z.boolean(),
  timeMet: z.boolean(),
  benefitsMet: z.boolean(),
  lessons: Text(4000).min(1),
});
/** Body of a reporter's month: save, submit or correct. */
export const ProjectReportWriteSchema = z.object({
  year: z.number().int().min(1950).max(2100),
  month: z.number().int().min(1).max(12),
  action: z.enum(['save_draft', 'submit', 'correct']),
  monthWan: z.number().nonnegative().nullable().describe('完成投资 this month, 万元'),
  ytdWan: z.number().nonnegative().nullable().describe('年初至今累计, 万元'),
  progressText: Text(4000).nullable().describe('形象进度'),
  reason: Text(1000).nullable().default(null),
  evidenceIds: z.array(z.string().max(100)).max(20).default([]),
  expectedRevision: ExpectedRevisionSchema.optional().describe(
    "The month's revision the reporter edited (0 for a new month); a stale number is 409. Left out, the write applies to whatever is current",
  ),
});
/** Body of a review decision on a month. */
export const ProjectReportReviewSchema = z.object({
  year: z.number().int().min(1950).max(2100),
  month: z.number().int().min(1).max(12),
  action: z.enum(['approve', 'return']),
  reason: Text(1000).nullable().default(null),
});
export const ProjectIdSchema = z.object({ id: z.string() });
export const ProjectOkSchema = z.object({ ok: z.literal(true) });

const GroupSchema = z.object({
  key: z.string(),
  projects: z.number().int(),
  planWan: z.number(),
  completedWan: z.number(),
});
/** The projects dashboard: investment against plan by month and group, flagged projects, open issues. */
export const ProjectsDashboardSchema = z
  .object({
    year: z.number().int(),
    asOf: z.string(),
    lagThresholdPoints: z.number(),
    projects: z.number().int(),
    planWan: z.number(),
    completedWan: z.number(),
    byMonth: z.array(z.object({ month: z.number().int(), planWan: z.number(), completedWan: z.number() })),
    byCategory: z.array(GroupSchema),
    byDepartment: z.array(GroupSchema),
    byTown: z.array(GroupSchema),
    flaggedTotal: z
      .number()
      .int()
      .describe('How many projects are flagged; `flagged` lists the furthest behind first, at most 50'),
    flagged: z.array(
      z.object({
        projectId: z.string(),
        name: z.string(),
        leadUnit: z.string().nullable(),
        health: z.enum(['正常', '滞后', '需协调']),
        completionRatePct: z.number().nullable(),
        gapPoints: z.number().nullable(),
        reasons: z.array(MessagesSchema),
      }),
    ),
    openIssuesByDepartment: z.array(
      z.object({ department: z.string(), open: z.number().int(), overdue: z.number().int() }),
    ),
  })
  .meta({ id: 'ProjectsDashboard' });
export type ProjectsDashboardView = z.infer<typeof ProjectsDashboardSchema>;
export const ProjectsDashboardQuerySchema = z.object({
  year: z.coerce.number().int().min(1950).max(2100).optional(),
  asOf: DateText.optional(),
});

/** `?mode=preview|commit&year&confirm` of the import; `confirm` is `row:update,row:create`. */
export const ProjectImportQuerySchema = z.object({
  mode: z.enum(['preview', 'commit']).default('preview'),
  year: z.coerce
    .number()
    .int()
    .min(1950)
    .max(2100)
    .optional()
    .describe('The year of 年度计划投资 (default: this year)'),
  confirm: z
    .string()
    .regex(/^(\d+:(update|create))(,\d+:(update|create))*$/)
    .optional()
    .describe('Answers for rows matched by name only, e.g. `5:update,9:create`'),
});
const FieldEnum = z.enum([
  'seq',
  'name',
  'content',
  'totalInvestment',
  'annualPlan',
  'years',
  'leadUnit',
  'place',
  'code',
  'owner',
  'category',
  'nature',
]);
/** What an import found and did. */
export const ProjectImportResultSchema = z
  .object({
    sheet: z.string(),
    mapping: z.array(z.object({ column: z.string(), field: FieldEnum, header: z.string() })),
    ignoredColumns: z.array(z.object({ column: z.string(), header: z.string() })),
    skipped: z.array(z.object({ row: z.number().int(), reason: z.enum(['total', 'group']) })),
    rows: z.array(
      z.object({
        row: z.number().int(),
        code: z.string().nullable(),
        name: z.string(),
        category: z.string().nullable(),
        totalWan: z.number().nullable(),
        annualPlanWan: z.number().nullable(),
        leadUnit: z.string().nullable(),
        place: z.string().nullable(),
      }),
    ),
    errors: z.array(
      z.object({
        sheet: z.string(),
        row: z.number().int(),
        column: z.string().nullable(),
        field: FieldEnum.nullable(),
        messages: MessagesSchema,
      }),
    ),
    matches: z.array(
      z.object({
        row: z.number().int(),
        name: z.string(),
        projectId: z.string().nullable(),
        matchedBy: z.enum(['code', 'name']).nullable(),
        outcome: z.enum(['create', 'update', 'confirm']),
      }),
    ),
    committed: z
      .boolean()
      .describe('False for a preview, on any cell error, or while a name-only match waits for confirmation'),
    created: z.number().int(),
    updated: z.number().int(),
  })
  .meta({ id: 'ProjectImportResult' });
export type ProjectImportResultView = z.infer<typeof ProjectImportResultSchema>;
