import { Button, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useMessages } from '../../i18n/i18n';
import { reportFileUrl } from './report-labels';
import { reportsMessages } from './reports.messages';

/** Plain links: the browser downloads the file with the server's filename, no script needed. */
export function ReportDownloads({ id, publicRoute = false }: { id: string; publicRoute?: boolean }) {
  const t = useMessages(reportsMessages);
  return (
    <section aria-label={t.downloads}>
      <Space wrap>
        <Typography.Text strong>{t.downloads}：</Typography.Text>
        <Button icon={<DownloadOutlined />} href={reportFileUrl(id, 'docx', publicRoute)} download>
          {t.docx}
        </Button>
        <Button icon={<DownloadOutlined />} href={reportFileUrl(id, 'pdf', publicRoute)} download>
          {t.pdf}
        </Button>
        <Button icon={<DownloadOutlined />} href={reportFileUrl(id, 'html', publicRoute)} download>
          {t.html}
        </Button>
      </Space>
    </section>
  );
}
