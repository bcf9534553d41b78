import { RECORD_KIND_DESCRIPTORS } from '@plantrack/core';
import { projectReportEvidence } from '../../projects/project-report-evidence.js';
import type { ServerRecordKind } from './record-kind.js';

const descriptor = RECORD_KIND_DESCRIPTORS.project_report;

/**
 * A major project's monthly reports (项目月报) of a project × month. They are written and reviewed
 * on the project's page (routes/projects.routes.ts), so this kind gives the evidence facets only;
 * monthly figures arrive through the project register's sheet, not the department's template.
 */
export const projectReportKind: ServerRecordKind = {
  descriptor,
  evidenceSubject: descriptor.stored.evidenceSubject,
  what: "a project's monthly report (项目月报, key `projectId|YYYY-MM`)",
  ownerDepartmentIdsOfKey: projectReportEvidence.ownerDepartmentIdsOfKey,
  evidenceRecord: projectReportEvidence.evidenceRecord,
  templateSheet: null,
};
