import type { EvidenceFile } from '@plantrack/api';
import { useApi } from '../../../api/use-api';
import { EvidenceFileLine } from '../../../records/EvidenceFileLine';
import { type ProjectReport, reportEvidencePath } from './project-labels';

/**
 * The files a month's report names, as the caller may see them (the server decides: leaders see
 * an approved month's only); each a download link.
 */
export function ReportEvidence({ projectId, report }: { projectId: string; report: ProjectReport }) {
  const files = useApi<EvidenceFile[]>(
    report.evidenceIds.length === 0
      ? null
      : `${reportEvidencePath(projectId, report.year, report.month)}/evidence`,
  );
  const named = (files.data ?? []).filter((f) => report.evidenceIds.includes(f.id));
  if (named.length === 0) return <>—</>;
  return (
    <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {named.map((f) => (
        <li key={f.id}>
          <EvidenceFileLine file={f} />
        </li>
      ))}
    </ul>
  );
}
