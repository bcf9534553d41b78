import { Button, Collapse, Space } from 'antd';
import { lazy, Suspense } from 'react';
import { PageLoading } from '../../components/PageLoading';
import type { EntryText } from '../../records/entry.messages';
import type { RecordElement } from '../../records/record-kinds';

const HistoryPanel = lazy(() => import('../review/HistoryPanel'));

/** Empty text boxes are sent as null, not as empty strings. */
export function textOrNull(value: string | null | undefined): string | null {
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? null : trimmed;
}

/** Save-draft and submit buttons, or the single correction button for approved data. */
export function SubmitBar({
  t,
  correcting,
  busy,
  onSend,
}: {
  t: EntryText;
  correcting: boolean;
  busy: boolean;
  onSend: (action: 'save_draft' | 'submit') => void;
}) {
  if (correcting) {
    return (
      <Button
        type="primary"
        loading={busy}
        onClick={() => {
          onSend('submit');
        }}
      >
        {t.submitCorrection}
      </Button>
    );
  }
  return (
    <Space>
      <Button
        disabled={busy}
        onClick={() => {
          onSend('save_draft');
        }}
      >
        {t.saveDraft}
      </Button>
      <Button
        type="primary"
        loading={busy}
        onClick={() => {
          onSend('submit');
        }}
      >
        {t.submit}
      </Button>
    </Space>
  );
}

/** Every revision of the record, loaded when opened. */
export function HistorySection({
  t,
  kind,
  recordKey,
}: {
  t: EntryText;
  kind: RecordElement;
  recordKey: string;
}) {
  return (
    <Collapse
      items={[
        {
          key: 'history',
          label: t.history,
          children: (
            <Suspense fallback={<PageLoading />}>
              <HistoryPanel kind={kind} recordKey={recordKey} />
            </Suspense>
          ),
        },
      ]}
    />
  );
}
