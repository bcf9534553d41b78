import { Space } from 'antd';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/use-api';
import { PageLoading } from '../../components/PageLoading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useMessages } from '../../i18n/i18n';
import { IndicatorSummary } from '../indicator/IndicatorSummary';
import type { IndicatorAssessment } from '@plantrack/api';
import { Downloads } from './Downloads';
import { publicMessages } from './public.messages';

/** A published indicator for everyone: chart and table, status explained, the data to download. */
export default function PublicIndicatorPage() {
  const t = useMessages(publicMessages);
  const { id = '' } = useParams();
  const { data, error, reload } = useApi<IndicatorAssessment>(
    `/api/public/indicators/${encodeURIComponent(id)}/assessment`,
  );
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Link to={data === undefined ? '/public' : `/public?plan=${encodeURIComponent(data.plan.id)}`}>
        ← {t.back}
      </Link>
      <ProblemAlert problem={error} onRetry={reload} />
      {data === undefined ? (
        error === undefined ? (
          <PageLoading />
        ) : null
      ) : (
        <>
          <IndicatorSummary data={data} />
          <Downloads planId={data.plan.id} />
        </>
      )}
    </Space>
  );
}
