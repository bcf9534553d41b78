/**
 * The vocabulary of record kinds: the reviewed records reporters write about a plan element
 * (observations of an indicator, progress reports of a task) or about a major project (its
 * monthly reports). Each kind is declared here once
 * with every spelling the system uses for it, so routes, policies, search, templates, reminders
 * and the web editors derive them instead of naming a kind by hand. The stored spellings are
 * those already in the database (evidence subject kind, audit entity, notification subject kind,
 * search document kind); they are never changed, only mapped here.
 */

/**
 * The kinds recorded against the plan framework (indicators and tasks): they share one revision
 * store, the review queue, batch approval, reporting rounds and the department's Excel template.
 */
export const PLAN_RECORD_KINDS = ['observation', 'progress_report'] as const;

/** Every reviewed record kind, in the order screens and the API list them. */
export const RECORD_KINDS = [...PLAN_RECORD_KINDS, 'project_report'] as const;

/** A record kind by its canonical name. */
export type RecordKindName = (typeof RECORD_KINDS)[number];

/** A kind recorded against an indicator or a task (its name is also its audit entity). */
export type PlanRecordKindName = (typeof PLAN_RECORD_KINDS)[number];

/** Chinese first, English available: how a kind is named to people. */
export type KindLabel = { zh: string; en: string };

/** Everything that spells or describes one record kind. */
export type RecordKindDescriptor = {
  readonly name: RecordKindName;
  /** What the record is called (监测值 / 进展报告 / 项目月报). */
  readonly label: KindLabel;
  /** The collection segment of its record-key API paths (`/api/<segment>/{key}`). */
  readonly urlSegment: string;
  /** The OpenAPI tag its routes are listed under. */
  readonly apiTag: string;
  /** What a record belongs to: a plan element, or a major project. */
  readonly element: 'indicator' | 'task' | 'project';
  /** The spellings stored in database columns, fixed by migrations already applied. */
  readonly stored: {
    /** `evidence_files.subject_kind`. */
    readonly evidenceSubject: string;
    /** `audit_log.entity` (and `notifications.subject_kind` of a returned or submitted record). */
    readonly auditEntity: string;
    /** `search_docs.kind` of its documents, or null when the kind is not searchable. */
    readonly searchDoc: string | null;
  };
};

/** The declarations, keyed by canonical name (the only place a kind's spellings are written). */
export const RECORD_KIND_DESCRIPTORS = {
  observation: {
    name: 'observation',
    label: { zh: '监测值', en: 'value' },
    urlSegment: 'observations',
    apiTag: 'observations',
    element: 'indicator',
    stored: { evidenceSubject: 'observation', auditEntity: 'observation', searchDoc: null },
  },
  progress_report: {
    name: 'progress_report',
    label: { zh: '进展报告', en: 'progress report' },
    urlSegment: 'progress-reports',
    apiTag: 'progress-reports',
    element: 'task',
    stored: { evidenceSubject: 'progress-report', auditEntity: 'progress_report', searchDoc: 'report' },
  },
  // A month of a major project (key `projectId|YYYY-MM`), written and reviewed on the project's
  // page; its own table keeps the revisions, and its changes are audited against the project.
  project_report: {
    name: 'project_report',
    label: { zh: '项目月报', en: 'monthly project report' },
    urlSegment: 'project-reports',
    apiTag: 'projects',
    element: 'project',
    stored: { evidenceSubject: 'project_report', auditEntity: 'project', searchDoc: null },
  },
} as const satisfies { [K in RecordKindName]: RecordKindDescriptor & { name: K } };

type Declared = (typeof RECORD_KIND_DESCRIPTORS)[RecordKindName];

/** A kind's spelling in `evidence_files.subject_kind`. */
export type EvidenceSubjectSpelling = Declared['stored']['evidenceSubject'];

/** The `search_documents.kind` of a searchable record kind. */
export type RecordSearchDocKind = Exclude<Declared['stored']['searchDoc'], null>;

/** One value per declared kind, in the canonical order, as a non-empty tuple (what `z.enum` takes). */
function perKind<T>(pick: (d: Declared) => T | null): readonly [T, ...T[]] {
  const values = RECORD_KINDS.flatMap((name) => {
    const value = pick(RECORD_KIND_DESCRIPTORS[name]);
    return value === null ? [] : [value];
  });
  const [first, ...rest] = values;
  if (first === undefined) throw new Error('no record kind declares this spelling');
  return [first, ...rest];
}

/** Every kind's spelling in `evidence_files.subject_kind` (the evidence API's `subjectKind`). */
export const RECORD_EVIDENCE_SUBJECTS = perKind<EvidenceSubjectSpelling>((d) => d.stored.evidenceSubject);

/** The search document kinds of the searchable record kinds. */
export const RECORD_SEARCH_DOC_KINDS = perKind<RecordSearchDocKind>((d) => d.stored.searchDoc);

/** The kinds of search documents the plan framework itself gives (outline nodes, indicators, tasks). */
export const FRAMEWORK_SEARCH_DOC_KINDS = ['node', 'indicator', 'task'] as const;

/** Every kind of search document: the framework's, then the searchable record kinds'. */
export const SEARCH_DOC_KINDS = [...FRAMEWORK_SEARCH_DOC_KINDS, ...RECORD_SEARCH_DOC_KINDS] as const;

/** A `search_documents.kind`. */
export type SearchDocKind = (typeof SEARCH_DOC_KINDS)[number];

/** Thrown for a name that declares no record kind; its message is Chinese, then English. */
export class UnknownRecordKindError extends Error {
  /** The same text per language, for a problem response. */
  readonly messages: KindLabel;
  constructor(readonly given: string) {
    const messages = { zh: `未知的记录类型：${given}`, en: `Unknown record kind: ${given}` };
    super(`${messages.zh} / ${messages.en}`);
    this.name = 'UnknownRecordKindError';
    this.messages = messages;
  }
}

/** Is this string a canonical record kind name? */
export function isRecordKindName(value: string): value is RecordKindName {
  return (RECORD_KINDS as readonly string[]).includes(value);
}

/** Is this a kind recorded against the plan framework? */
export function isPlanRecordKindName(value: string): value is PlanRecordKindName {
  return (PLAN_RECORD_KINDS as readonly string[]).includes(value);
}

/**
 * The descriptor of a kind named by any of its spellings (canonical name, URL segment, stored
 * evidence subject or search document kind), so a value read from a column or a URL resolves in
 * one place. An audit entity is not a spelling looked up here: `project` names the project itself.
 * Unknown names throw `UnknownRecordKindError`.
 */
export function recordKind(spelling: string): RecordKindDescriptor {
  const found = RECORD_KINDS.map((name) => RECORD_KIND_DESCRIPTORS[name]).find(
    (d: RecordKindDescriptor) =>
      d.name === spelling ||
      d.urlSegment === spelling ||
      d.stored.evidenceSubject === spelling ||
      d.stored.searchDoc === spelling,
  );
  if (found === undefined) throw new UnknownRecordKindError(spelling);
  return found;
}

/** The kind recorded against an element (an indicator's observations, a project's monthly reports). */
export function recordKindOfElement(element: RecordKindDescriptor['element']): RecordKindDescriptor {
  const found = RECORD_KINDS.map((name): RecordKindDescriptor => RECORD_KIND_DESCRIPTORS[name]).find(
    (d) => d.element === element,
  );
  if (found === undefined) throw new UnknownRecordKindError(element);
  return found;
}
