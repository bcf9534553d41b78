import type { AssessmentStatus } from '../assessment/assessment.types.js';
import { dateLine, headingLabel } from './report-title.js';
import type { ReportBlock, ReportSection, ReportTable } from './report.types.js';

/** Task progress as recorded (未启动 / 推进中 / 已完成 / 滞后). */
export type SummaryTaskProgress = 'not_started' | 'in_progress' | 'completed' | 'delayed';

/** Everything a department's one-page summary is built from. Pure values: no clock is read. */
export type DepartmentSummaryInput = {
  planTitle: string;
  department: string;
  /** `YYYY-MM-DD`: what is late and what is due are judged on this date. */
  asOf: string;
  /** Reports falling due within this many days of `asOf` are listed as due. */
  dueWithinDays: number;
  demo: boolean;
  indicators: readonly {
    seq: string;
    name: string;
    unit: string | null;
    targetText: string;
    latest: { period: string; value: number | null } | null;
    status: AssessmentStatus;
  }[];
  tasks: readonly {
    title: string;
    role: 'lead' | 'co_lead';
    latest: { period: string; progress: SummaryTaskProgress } | null;
  }[];
  /** Reports the department owes (any state); the builder picks the late and the due ones. */
  owed: readonly {
    kind: 'indicator' | 'task';
    name: string;
    period: string;
    dueDate: string;
    state: 'missing' | 'draft' | 'submitted' | 'returned' | 'approved';
    overdue: boolean;
    daysUntilDue: number;
  }[];
};

/** One late or due item, as the summary lists it. */
export type SummaryItem = {
  kind: 'indicator' | 'task';
  name: string;
  period: string;
  dueDate: string;
  why: string;
};

/** A department's one-page summary as a value: the renderers draw it without computing anything. */
export type DepartmentSummary = {
  title: string;
  /** `2028年6月30日`, the date line under the title. */
  dateLine: string;
  department: string;
  asOf: string;
  demo: boolean;
  /** 逾期未报 reports and items behind schedule (滞后 / 严重滞后 indicators, 滞后 tasks). */
  late: SummaryItem[];
  /** Reports not yet submitted that fall due within `dueWithinDays`. */
  due: SummaryItem[];
  sections: ReportSection[];
};

const PROGRESS_TEXT: Readonly<Record<SummaryTaskProgress, string>> = {
  not_started: '未启动',
  in_progress: '推进中',
  completed: '已完成',
  delayed: '滞后',
};
const STATE_TEXT = { missing: '未填报', draft: '草稿未提交', returned: '已退回待重报' } as const;
const LAGGING: readonly AssessmentStatus[] = ['滞后', '严重滞后'];
/** Rows listed per table and items per list, so the summary stays on one A4 page; the rest are counted. */
const MAX_ROWS = 6;
const MAX_ITEMS = 5;
/** Characters of a task shown in its table row (one line of 五号 in its column); the rest is elided. */
const TASK_CHARS = 22;
/** Characters of a name in the late and due lists, so that each item stays on one line. */
const ITEM_CHARS = 16;

const shorten = (text: string, max: number): string =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

const unreported = (
  state: DepartmentSummaryInput['owed'][number]['state'],
): state is keyof typeof STATE_TEXT => state === 'missing' || state === 'draft' || state === 'returned';

/**
 * The one-page summary a department downloads: its indicators and tasks with their latest values
 * and status, what is late (reports past due, items behind schedule) and what is due next.
 */
export function buildDepartmentSummary(input: DepartmentSummaryInput): DepartmentSummary {
  const late: SummaryItem[] = [
    ...input.owed
      .filter((o) => o.overdue && unreported(o.state))
      .map((o) => ({ ...item(o), why: `逾期未报（${STATE_TEXT[o.state as keyof typeof STATE_TEXT]}）` })),
    ...input.indicators
      .filter((i) => LAGGING.includes(i.status))
      .map((i) => ({
        kind: 'indicator' as const,
        name: i.name,
        period: i.latest?.period ?? '',
        dueDate: '',
        why: `进度${i.status}`,
      })),
    ...input.tasks
      .filter((t) => t.latest?.progress === 'delayed')
      .map((t) => ({
        kind: 'task' as const,
        name: t.title,
        period: t.latest?.period ?? '',
        dueDate: '',
        why: '进展滞后',
      })),
  ];
  const due = input.owed
    .filter((o) => !o.overdue && unreported(o.state) && o.daysUntilDue <= input.dueWithinDays)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
    .map((o) => ({
      ...item(o),
      why: `${o.dueDate}前报送（${STATE_TEXT[o.state as keyof typeof STATE_TEXT]}）`,
    }));
  const sections: ReportSection[] = [
    section(1, '总体情况', [
      {
        kind: 'paragraph',
        text: `本单位承担《${input.planTitle}》规划指标${input.indicators.length}项、重点任务${input.tasks.length}项。截至${dateLine(input.asOf)}，逾期或滞后事项${late.length}项，${input.dueWithinDays}日内到期待报${due.length}项。`,
      },
    ]),
    section(2, '逾期与滞后事项', listOrNone(late, '无逾期或滞后事项。')),
    section(3, '近期到期事项', listOrNone(due, `${input.dueWithinDays}日内无到期待报事项。`)),
    section(4, `承担指标${overflow(input.indicators.length)}`, [indicatorTable(input)]),
    section(5, `承担任务${overflow(input.tasks.length)}`, [taskTable(input)]),
  ];
  return {
    title: `${input.department}规划实施情况摘要`,
    dateLine: dateLine(input.asOf),
    department: input.department,
    asOf: input.asOf,
    demo: input.demo,
    late,
    due,
    sections,
  };
}

function item(o: DepartmentSummaryInput['owed'][number]): Omit<SummaryItem, 'why'> {
  return { kind: o.kind, name: o.name, period: o.period, dueDate: o.dueDate };
}

function section(n: number, title: string, blocks: ReportBlock[]): ReportSection {
  return { level: 1, label: headingLabel(1, n), title, blocks, sections: [] };
}

function listOrNone(items: SummaryItem[], none: string): ReportBlock[] {
  if (items.length === 0) return [{ kind: 'paragraph', text: none }];
  const shown = items.slice(0, MAX_ITEMS).map((i) => {
    const what = i.kind === 'indicator' ? '指标' : '任务';
    const period = i.period === '' ? '' : `（${i.period}）`;
    return `${what}：${shorten(i.name, ITEM_CHARS)}${period}——${i.why}`;
  });
  if (items.length > MAX_ITEMS) shown.push(`另有${items.length - MAX_ITEMS}项，详见系统“我的填报”。`);
  return [{ kind: 'list', items: shown }];
}

function indicatorTable(input: DepartmentSummaryInput): ReportTable {
  const rows = input.indicators.slice(0, MAX_ROWS).map((i) => [
    { text: i.seq },
    { text: i.unit === null ? i.name : `${i.name}（${i.unit}）` },
    { text: i.targetText },
    {
      text:
        i.latest === null || i.latest.value === null
          ? '—'
          : `${String(i.latest.value)}（${i.latest.period}）`,
    },
    { text: i.status },
  ]);
  return {
    kind: 'table',
    id: 'department-indicators',
    caption: '',
    columns: [
      { title: '序号', width: 1, align: 'center' },
      { title: '指标', width: 5, align: 'left' },
      { title: '目标值', width: 2.5, align: 'center' },
      { title: '最新值', width: 2.5, align: 'right' },
      { title: '进度评价', width: 2, align: 'center' },
    ],
    rows,
    landscape: false,
    notes: [],
  };
}

function taskTable(input: DepartmentSummaryInput): ReportTable {
  const rows = input.tasks
    .slice(0, MAX_ROWS)
    .map((t, n) => [
      { text: String(n + 1) },
      { text: shorten(t.title, TASK_CHARS) },
      { text: t.role === 'lead' ? '牵头' : '配合' },
      { text: t.latest === null ? '未报' : `${PROGRESS_TEXT[t.latest.progress]}（${t.latest.period}）` },
    ]);
  return {
    kind: 'table',
    id: 'department-tasks',
    caption: '',
    columns: [
      { title: '序号', width: 1, align: 'center' },
      { title: '任务', width: 8, align: 'left' },
      { title: '分工', width: 1.2, align: 'center' },
      { title: '最新进展', width: 3, align: 'center' },
    ],
    rows,
    landscape: false,
    notes: [],
  };
}

/** In the heading, not a note under the table: the page has no line to spare. */
function overflow(total: number): string {
  return total > MAX_ROWS ? `（共${total}项，列出前${MAX_ROWS}项）` : '';
}
