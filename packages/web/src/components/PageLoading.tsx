import { Spin } from 'antd';
import { useMessages } from '../i18n/i18n';
import { appMessages } from '../i18n/app.messages';

/** Shown while a lazily loaded screen or its data arrives. */
export function PageLoading() {
  const t = useMessages(appMessages);
  return (
    <div role="status" aria-live="polite" style={{ padding: 48, textAlign: 'center' }}>
      <Spin />
      <div style={{ marginTop: 8 }}>{t.loading}</div>
    </div>
  );
}
