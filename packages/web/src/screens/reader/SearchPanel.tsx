import { Button, Empty, Input, List, Space, Tag, Typography } from 'antd';
import { Fragment, useId, useState } from 'react';
import type { ApiProblem } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { format } from '../../i18n/i18n';
import type { ReaderText } from './reader.messages';
import type { SearchHit } from '@plantrack/api';

type Props = {
  query: string;
  hits: SearchHit[] | undefined;
  loading: boolean;
  error: ApiProblem | undefined;
  onSearch: (q: string) => void;
  onOpenHit: (hit: SearchHit) => void;
  t: ReaderText;
};

/** `【…】` in a snippet → marked text. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(/【|】/);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <mark key={i} style={{ background: '#ffe14d', color: 'inherit', padding: 0 }}>
            {part}
          </mark>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}

/** The search box and its results; a result opens its node in the reader. */
export function SearchPanel({ query, hits, loading, error, onSearch, onOpenHit, t }: Props) {
  const [draft, setDraft] = useState(query);
  const [shownQuery, setShownQuery] = useState(query);
  if (shownQuery !== query) {
    // The query changed through the address (back button, a link): show it in the box.
    setShownQuery(query);
    setDraft(query);
  }
  const inputId = useId();
  const kindLabel = { node: t.kindNode, indicator: t.kindIndicator, task: t.kindTask, report: t.kindReport };
  return (
    <section aria-label={t.searchLabel} style={{ marginBottom: 16 }}>
      <label htmlFor={inputId} style={{ display: 'block', fontWeight: 600, marginBottom: 4 }}>
        {t.searchLabel}
      </label>
      <Input.Search
        id={inputId}
        value={draft}
        placeholder={t.searchPlaceholder}
        enterButton={t.searchButton}
        allowClear
        loading={loading}
        maxLength={100}
        onChange={(e) => {
          setDraft(e.target.value);
        }}
        onSearch={(value) => {
          onSearch(value.trim());
        }}
      />
      <ProblemAlert problem={error} />
      {query !== '' && hits !== undefined ? (
        <div aria-live="polite">
          <Space style={{ margin: '8px 0', justifyContent: 'space-between', width: '100%' }}>
            <Typography.Text strong>{format(t.results, { n: hits.length })}</Typography.Text>
            <Button
              size="small"
              type="link"
              onClick={() => {
                onSearch('');
              }}
            >
              {t.clearSearch}
            </Button>
          </Space>
          {hits.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={format(t.noResults, { q: query })} />
          ) : (
            <List
              size="small"
              dataSource={hits}
              style={{ maxHeight: 320, overflow: 'auto' }}
              renderItem={(hit) => (
                <List.Item key={`${hit.kind}-${hit.id}`}>
                  <Button
                    type="text"
                    aria-label={format(t.openHit, { title: hit.title })}
                    disabled={hit.nodeKey === null && hit.source === null}
                    onClick={() => {
                      onOpenHit(hit);
                    }}
                    style={{
                      height: 'auto',
                      whiteSpace: 'normal',
                      textAlign: 'left',
                      padding: 4,
                      width: '100%',
                    }}
                  >
                    <span>
                      <Tag>{kindLabel[hit.kind]}</Tag>
                      <strong>{hit.title}</strong>
                      <br />
                      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                        <Snippet text={hit.snippet} />
                      </Typography.Text>
                    </span>
                  </Button>
                </List.Item>
              )}
            />
          )}
        </div>
      ) : null}
    </section>
  );
}
