import { Form, Input, Radio } from 'antd';
import { useApi } from '../../api/use-api';
import type { PeriodItem, ProgressCode, ProgressReportRevision as ProgressRevision } from '@plantrack/api';
import { progressLabels } from '../../records/progress-labels';
import { webRecordKind } from '../../records/record-kinds';
import type { EntryFieldsProps, EntryKind } from './entry-kind';
import { recordKeyOf } from './my-items.types';

type ProgressFields = { progress: ProgressCode | undefined; narrative: string };

/** Progress status and narrative of a progress report. */
function ProgressValueFields({ t }: EntryFieldsProps<ProgressRevision, null>) {
  const labels = progressLabels(t);
  return (
    <>
      <Form.Item name="progress" label={t.progress} rules={[{ required: true, message: t.progressRequired }]}>
        <Radio.Group
          optionType="button"
          options={(Object.keys(labels) as ProgressCode[]).map((code) => ({
            value: code,
            label: labels[code],
          }))}
        />
      </Form.Item>
      <Form.Item
        name="narrative"
        label={t.narrative}
        rules={[{ required: true, whitespace: true, message: t.narrativeRequired }]}
      >
        <Input.TextArea rows={5} maxLength={20000} />
      </Form.Item>
    </>
  );
}

const keyOf = (item: PeriodItem): string => recordKeyOf({ kind: 'task', id: item.id, period: item.period });

/** Progress reports (进展报告) in the entry editor: loaded from their history. */
export const progressEntry: EntryKind<ProgressFields, ProgressRevision, null> = {
  record: webRecordKind('progress_report'),
  useLoad: (item) => {
    const history = useApi<ProgressRevision[]>(
      `${webRecordKind('progress_report').apiPath}/${encodeURIComponent(keyOf(item))}/history`,
    );
    return {
      data: history.data === undefined ? undefined : { current: history.data.at(-1) ?? null, context: null },
      error: history.error,
      reload: history.reload,
    };
  },
  initialFields: ({ current }) => ({
    progress: current?.values.progress,
    narrative: current?.values.narrative ?? '',
  }),
  useRecordRef: (_form, item) => ({
    recordKey: keyOf(item),
    ref: { taskId: item.id, period: item.period },
  }),
  toValues: (v) => ({ progress: v.progress, narrative: v.narrative.trim() }),
  Fields: ProgressValueFields,
  commentRows: 2,
};
