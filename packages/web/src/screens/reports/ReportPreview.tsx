import { Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiProblem, send } from '../../api/client';
import { PageLoading } from '../../components/PageLoading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { format, useMessages } from '../../i18n/i18n';
import { reportFileUrl } from './report-labels';
import { reportsMessages } from './reports.messages';

/**
 * The server's HTML rendering in a sandboxed frame. The HTML is fetched and given as `srcdoc`, so
 * the preview shows even when the server sends the file as an attachment, and runs no script.
 */
export function ReportPreview({ id, title, version }: { id: string; title: string; version: string }) {
  const t = useMessages(reportsMessages);
  const [html, setHtml] = useState<{ version: string; text: string } | null>(null);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);

  useEffect(() => {
    const controller = new AbortController();
    send(reportFileUrl(id, 'html'), { headers: { accept: 'text/html' }, signal: controller.signal })
      .then((response) => response.text())
      .then(
        (text) => {
          setProblem(undefined);
          setHtml({ version, text });
        },
        (failure: unknown) => {
          if (failure instanceof ApiProblem) setProblem(failure);
        },
      );
    return () => {
      controller.abort();
    };
  }, [id, version]);

  const label = format(t.previewTitle, { title });
  return (
    <section aria-labelledby="report-preview">
      <Typography.Title level={2} id="report-preview" style={{ fontSize: 18 }}>
        {t.preview}
      </Typography.Title>
      <ProblemAlert problem={problem} />
      {html === null ? (
        problem === undefined ? (
          <PageLoading />
        ) : null
      ) : (
        <iframe
          title={label}
          srcDoc={html.text}
          sandbox=""
          style={{ width: '100%', height: '80vh', border: '1px solid #d9d9d9', background: '#fff' }}
        />
      )}
    </section>
  );
}
