import { Button, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useMessages } from '../../i18n/i18n';
import { publicMessages } from './public.messages';

/** Links to the published data of a plan (plain links: the browser downloads, no script needed). */
export function Downloads({ planId }: { planId: string }) {
  const t = useMessages(publicMessages);
  const base = `/api/public/plans/${encodeURIComponent(planId)}/export`;
  return (
    <section aria-labelledby="public-downloads">
      <Typography.Title level={2} id="public-downloads" style={{ fontSize: 18 }}>
        {t.downloads}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.downloadsHint}</Typography.Paragraph>
      <Space>
        <Button icon={<DownloadOutlined />} href={`${base}.csv`} download>
          {t.csv}
        </Button>
        <Button icon={<DownloadOutlined />} href={`${base}.json`} download>
          {t.json}
        </Button>
      </Space>
    </section>
  );
}
