import { Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/use-api';
import { PageLoading } from '../../components/PageLoading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useMessages } from '../../i18n/i18n';
import { IndicatorSummary } from './IndicatorSummary';
import { approvedFiguresOf } from './ApprovedFigures';
import { ObservationHistory } from './ObservationHistory';
import { OfficeReferenceLink } from './OfficeReferenceLink';
import { SourcePanel } from './SourcePanel';
import { indicatorMessages } from './indicator.messages';
import type { IndicatorAssessment, IndicatorDetail } from '@plantrack/api';

/** One indicator: chart and table, status explained, forecast, revisions, source in the plan. */
export default function IndicatorPage() {
  const t = useMessages(indicatorMessages);
  const { id = '' } = useParams();
  const base = `/api/indicators/${encodeURIComponent(id)}`;
  const assessment = useApi<IndicatorAssessment>(`${base}/assessment`);
  const detail = useApi<IndicatorDetail>(base);
  const problem = assessment.error ?? detail.error;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap size="large">
        <Link to="/dashboard">← {t.back}</Link>
        <OfficeReferenceLink indicatorId={id} />
      </Space>
      {problem !== undefined ? (
        <ProblemAlert
          problem={problem}
          onRetry={() => {
            assessment.reload();
            detail.reload();
          }}
        />
      ) : null}
      {assessment.data === undefined ? (
        problem === undefined ? (
          <PageLoading />
        ) : null
      ) : (
        <IndicatorSummary data={assessment.data} approvedFigures={approvedFiguresOf(detail.data?.latest)} />
      )}
      {detail.data === undefined ? null : (
        <>
          <section aria-label={t.historyTitle}>
            <Typography.Title level={2} style={{ fontSize: 18 }}>
              {t.historyTitle}
            </Typography.Title>
            <ObservationHistory detail={detail.data} unit={assessment.data?.indicator.unit ?? null} />
          </section>
          <SourcePanel detail={detail.data} />
        </>
      )}
    </Space>
  );
}
