import { Alert, Typography } from 'antd';
import { useApi } from '../../api/use-api';
import { PageLoading } from '../../components/PageLoading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { format, useBilingual } from '../../i18n/i18n';
import type { CurationText } from './curation.messages';
import type { Findings as FindingsReport } from '@plantrack/api';
import { FindingsTable } from './FindingsTable';

/** What ingestion counted and found in a version (default: the newest). */
export function FindingsPanel({
  planId,
  versionId,
  t,
}: {
  planId: string;
  versionId?: string;
  t: CurationText;
}) {
  const query = versionId === undefined ? '' : `?versionId=${encodeURIComponent(versionId)}`;
  const { data, error, reload } = useApi<FindingsReport>(`/api/plans/${planId}/findings${query}`);
  const pick = useBilingual();
  if (data === undefined) {
    return error === undefined ? <PageLoading /> : <ProblemAlert problem={error} onRetry={reload} />;
  }
  return (
    <>
      <Typography.Paragraph>
        {format(t.findingsSummary, {
          v: data.versionNo,
          nodes: data.counts.nodes,
          indicators: data.counts.indicators,
          commitments: data.counts.commitments,
          assignments: data.counts.assignments,
        })}
      </Typography.Paragraph>
      {data.warnings.map((w) => (
        <Alert key={w.en} type="warning" showIcon title={pick(w)} style={{ marginBottom: 8 }} />
      ))}
      {data.findings.length === 0 ? (
        <Typography.Paragraph>{t.findingsEmpty}</Typography.Paragraph>
      ) : (
        <FindingsTable findings={data.findings} t={t} />
      )}
    </>
  );
}
