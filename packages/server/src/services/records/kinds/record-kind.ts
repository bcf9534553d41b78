import type { RecordKindDescriptor } from '@plantrack/core';
import type { EvidenceSubjectKind, ReviewStatus } from '@plantrack/db';
import type { AppContext } from '../../../context.js';
import type { TemplateSheet } from '../../template/template-sheet.js';

/** What a revision says about evidence: its number, status and the files it references. */
export type RevisionEvidence = {
  revisionNo: number;
  status: ReviewStatus;
  values: { evidence: readonly string[] };
};

/** The record behind an evidence request, as the kind finds it from a raw record key. */
export type EvidenceRecordFacts = {
  /** The canonical record key (as stored on its revisions). */
  key: string;
  planId: string | null;
  ownerDepartmentIds: string[];
  /** May the public see the approved revision's files (a published indicator's values)? */
  published: boolean;
  history: readonly RevisionEvidence[];
};

/**
 * One record kind on the server: its core descriptor and every facet the routes and services take
 * from it. A new kind is one such object (a file in this folder) added to the registry; the review
 * flow of the plan record kinds (`RecordKind` in services/review-flow.service.ts) stays generic.
 */
export type ServerRecordKind = {
  descriptor: RecordKindDescriptor;
  /** Its spelling in `evidence_files.subject_kind` (typed as the db column). */
  evidenceSubject: EvidenceSubjectKind;
  /** How OpenAPI summaries name one record, e.g. `an observation (监测值)`. */
  what: string;
  /** The departments owning the element a raw record key names (a 400 for a malformed key). */
  ownerDepartmentIdsOfKey: (ctx: AppContext, rawKey: string) => Promise<string[]>;
  /** The record a raw key names, with what evidence policies need (a 400 for a malformed key). */
  evidenceRecord: (ctx: AppContext, rawKey: string) => Promise<EvidenceRecordFacts>;
  /** Its sheet of the department's Excel template (services/template), or null for none. */
  templateSheet: TemplateSheet | null;
};
