import type {
  ObservationRevisionValues as ObservationValues,
  ProgressReportRevisionValues as ProgressValues,
  RecordRevision as AnyRevision,
} from '@plantrack/api';
import type { EntryText } from '../../records/entry.messages';
import { progressLabels } from '../../records/progress-labels';
import type { ReviewText } from './review.messages';

export function isObservationValues(values: ObservationValues | ProgressValues): values is ObservationValues {
  return 'value' in values;
}

/** A value with its unit, or the text given instead: `1520.3 亿元`, `完成省下达指标`. */
export function valueText(values: ObservationValues): string {
  const number =
    values.value === null ? '' : `${values.value}${values.unit === null ? '' : ` ${values.unit}`}`;
  if (values.valueText === null) return number === '' ? '—' : number;
  return number === '' ? values.valueText : `${number}（${values.valueText}）`;
}

/** One line saying what a revision holds. */
export function revisionSummary(revision: AnyRevision, t: ReviewText, e: EntryText): string {
  const values = revision.values;
  if (isObservationValues(values)) {
    const scope = 'scope' in revision && revision.scope !== '' ? revision.scope : t.planScope;
    return `${valueText(values)} · ${scope} · ${values.estimated ? t.estimated : t.actual}`;
  }
  return `${progressLabels(e)[values.progress]} · ${values.narrative}`;
}

export function actionLabel(t: ReviewText, action: AnyRevision['action']): string {
  const labels: Record<AnyRevision['action'], string> = {
    save_draft: t.actionSaveDraft,
    submit: t.actionSubmit,
    approve: t.actionApprove,
    return: t.actionReturn,
    correct: t.actionCorrect,
  };
  return labels[action];
}

export function statusLabel(t: ReviewText, status: AnyRevision['status']): string {
  const labels: Record<AnyRevision['status'], string> = {
    draft: t.statusDraft,
    submitted: t.statusSubmitted,
    approved: t.statusApproved,
    returned: t.statusReturned,
  };
  return labels[status];
}
