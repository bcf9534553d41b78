import { Alert, Button, Card, Checkbox, Descriptions, Space, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useApi } from '../../api/use-api';
import { hasAnyRole, useUser } from '../../auth/auth';
import { ProblemAlert } from '../../components/ProblemAlert';
import { format, useMessages } from '../../i18n/i18n';
import type {
  EvidenceFile,
  IndicatorDetail,
  ReviewQueueItem as QueueItem,
  RecordRevision as AnyRevision,
} from '@plantrack/api';
import { entryMessages } from '../../records/entry.messages';
import { EvidenceAction, useEvidenceNotice } from '../../records/EvidenceAction';
import { EvidenceFileLine } from '../../records/EvidenceFileLine';
import { progressLabels } from '../../records/progress-labels';
import { QualityFlags } from '../../records/QualityFlags';
import type { ReviewText } from './review.messages';
import { recordUrl, webRecordKind } from '../../records/record-kinds';
import { recordKindMessages } from '../../records/record-kinds.messages';
import { personLabel } from '../../records/person-label';
import { shortTime } from '../../records/short-time';
import { isObservationValues, valueText } from './revision-text';

export type ItemAction = 'approve' | 'return' | 'history';

/** The newest approved value of an earlier period in the same scope: what a jump is measured against. */
function previousValue(detail: IndicatorDetail | undefined, period: string, scope: string) {
  const earlier = (detail?.inForce ?? []).filter((v) => v.scope === scope && v.period < period);
  return earlier.sort((a, b) => b.period.localeCompare(a.period))[0] ?? null;
}

/** One line saying what a revision holds, as the approval dialog names it. */
function summaryOf(revision: AnyRevision, progress: Record<string, string>): string {
  const values = revision.values;
  if (isObservationValues(values)) return valueText(values);
  const narrative = [...values.narrative];
  return `${progress[values.progress] ?? ''} · ${narrative.slice(0, 60).join('')}${narrative.length > 60 ? '…' : ''}`;
}

/**
 * One submission awaiting review with everything needed to decide, and the decisions; for batch
 * approval, a selection box and (when flagged) the acknowledgement that its warnings were read.
 */
export function ReviewItemCard({
  t,
  item,
  name,
  busy,
  onAction,
  selected,
  onSelect,
  flagsSeen,
  onFlagsSeen,
  onSummary,
}: {
  t: ReviewText;
  item: QueueItem;
  name: string;
  busy: boolean;
  onAction: (action: ItemAction) => void;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  flagsSeen: boolean;
  onFlagsSeen: () => void;
  /** Tells the queue what the submission holds once read (for the approval dialogs). */
  onSummary: (summary: string) => void;
}) {
  const e = useMessages(entryMessages);
  const kinds = useMessages(recordKindMessages);
  const url = recordUrl(item.kind, item.key);
  const history = useApi<AnyRevision[]>(`${url}/history`);
  const files = useApi<EvidenceFile[]>(`${url}/evidence`);
  const detail = useApi<IndicatorDetail>(
    webRecordKind(item.kind).element === 'indicator'
      ? `/api/indicators/${encodeURIComponent(item.targetId)}`
      : null,
  );
  const revision =
    history.data?.find((r) => r.revisionNo === item.revisionNo) ?? history.data?.at(-1) ?? null;
  const headingId = `review-${item.kind}-${item.key}`;
  const label = { name, period: item.period };
  // Four-eyes: nobody decides their own submission, except an office user entering for a
  // department where the plan allows it (the server knows the setting and refuses otherwise).
  const user = useUser();
  const own = user !== null && item.submittedBy === user.id;
  const office = hasAnyRole(user, ['planning_office']);
  const blocked = own && !office;
  const { notice, announce } = useEvidenceNotice();
  const flags = item.qualityFlags ?? [];
  const summary = revision === null ? null : summaryOf(revision, progressLabels(e));
  useEffect(() => {
    if (summary !== null) onSummary(summary);
    // onSummary is a fresh closure on each render of the queue; the summary is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [summary]);

  return (
    <Card
      size="small"
      aria-labelledby={headingId}
      title={
        <Typography.Title level={2} id={headingId} style={{ fontSize: 16, margin: 0 }}>
          {name} · {item.period}
        </Typography.Title>
      }
      extra={
        <Space wrap size={4}>
          <Typography.Text type="secondary">
            {kinds[item.kind]} · {format(t.revision, { n: item.revisionNo })}
          </Typography.Text>
          {blocked ? null : (
            <Checkbox
              checked={selected}
              aria-label={format(t.selectItem, label)}
              onChange={(event) => {
                onSelect(event.target.checked);
              }}
            >
              {t.select}
            </Checkbox>
          )}
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {format(t.submittedAt, { at: shortTime(item.submittedAt) })} ·{' '}
          {format(t.submittedBy, {
            name: personLabel(item.submittedByName ?? item.submittedBy, item.submittedByDepartment),
          })}
        </Typography.Text>
        {item.lateFor ? (
          <Alert
            type="warning"
            showIcon
            title={`${t.lateCorrection}：${format(t.lateCorrectionDetail, { round: item.lateFor.roundName, at: shortTime(item.lateFor.closedAt) })}`}
          />
        ) : null}
        <ProblemAlert problem={history.error ?? files.error ?? detail.error} onRetry={history.reload} />
        {revision === null ? null : (
          <RevisionDetails
            t={t}
            revision={revision}
            detail={detail.data}
            files={files.data ?? []}
            canRedact={office}
            onFileChanged={(file) => {
              announce(file);
              files.reload();
            }}
            progress={progressLabels(e)}
          />
        )}
        {notice}
        <QualityFlags flags={flags} title={t.flagsTitle} />
        {flags.length === 0 ? null : flagsSeen ? (
          <Tag color="green">{t.flagsSeenDone}</Tag>
        ) : (
          <Button size="small" aria-label={`${t.flagsSeen}：${name} ${item.period}`} onClick={onFlagsSeen}>
            {t.flagsSeen}
          </Button>
        )}
        {own ? <Alert type="info" showIcon title={office ? t.ownSubmissionOffice : t.ownSubmission} /> : null}
        <Space wrap>
          <Button
            type="primary"
            disabled={busy || blocked}
            aria-label={format(t.approveItem, label)}
            onClick={() => {
              onAction('approve');
            }}
          >
            {t.approve}
          </Button>
          <Button
            danger
            disabled={busy || blocked}
            aria-label={format(t.returnItem, label)}
            onClick={() => {
              onAction('return');
            }}
          >
            {t.return}
          </Button>
          <Button
            aria-label={format(t.historyItem, label)}
            onClick={() => {
              onAction('history');
            }}
          >
            {t.history}
          </Button>
        </Space>
      </Space>
    </Card>
  );
}

function RevisionDetails({
  t,
  revision,
  detail,
  files,
  canRedact,
  onFileChanged,
  progress,
}: {
  t: ReviewText;
  revision: AnyRevision;
  detail: IndicatorDetail | undefined;
  files: readonly EvidenceFile[];
  /** The planning office may redact a file (bytes removed, with a reason). */
  canRedact: boolean;
  onFileChanged: (file: EvidenceFile) => void;
  progress: Record<string, string>;
}) {
  const values = revision.values;
  const referenced = files.filter((f) => values.evidence.includes(f.id));
  const evidence = (
    <Descriptions.Item label={t.evidence} span={2}>
      {referenced.length === 0 ? (
        t.noEvidence
      ) : (
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {referenced.map((f) => (
            <li key={f.id}>
              <EvidenceFileLine
                file={f}
                action={
                  canRedact && f.state !== 'redacted' ? (
                    <EvidenceAction kind="redact" file={f} onDone={onFileChanged} />
                  ) : null
                }
              />
            </li>
          ))}
        </ul>
      )}
    </Descriptions.Item>
  );
  const comment = (
    <Descriptions.Item label={t.comment} span={2}>
      {values.comment ?? t.noComment}
    </Descriptions.Item>
  );
  if (!isObservationValues(values)) {
    return (
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t.progress} span={2}>
          {progress[values.progress]}
        </Descriptions.Item>
        <Descriptions.Item label={t.narrative} span={2}>
          {values.narrative}
        </Descriptions.Item>
        {comment}
        {evidence}
      </Descriptions>
    );
  }
  const scope = 'scope' in revision ? revision.scope : '';
  const previous = previousValue(detail, revision.period, scope);
  return (
    <Descriptions size="small" column={2} bordered>
      <Descriptions.Item label={t.value}>
        <Typography.Text strong>{valueText(values)}</Typography.Text>{' '}
        {format(t.paren, { a: '', b: values.estimated ? t.estimated : t.actual })}
      </Descriptions.Item>
      <Descriptions.Item label={t.unit}>{values.unit ?? detail?.indicator.unit ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t.target} span={2}>
        {detail?.indicator.target.text ?? '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t.scope}>{scope === '' ? t.planScope : scope}</Descriptions.Item>
      <Descriptions.Item label={t.previous}>
        {previous === null
          ? t.noPrevious
          : format(t.paren, {
              a: valueText({ ...previous, source: null, comment: null, evidence: [] }),
              b: previous.period,
            })}
      </Descriptions.Item>
      <Descriptions.Item label={t.source} span={2}>
        {values.source ?? '—'}
      </Descriptions.Item>
      {comment}
      {evidence}
    </Descriptions>
  );
}
