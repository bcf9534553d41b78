import { Card, Col, Empty, Row, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { query as queryString } from '../../api/client';
import { useApi } from '../../api/use-api';
import { usePlan } from '../../app/plan-context';
import { PageLoading } from '../../components/PageLoading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { format, useMessages } from '../../i18n/i18n';
import { HighlightLegend } from './HighlightLegend';
import { layoutMarks } from './highlight-layout';
import { CURRENT_HIT_ID, NodeText } from './NodeText';
import { OutlineTree } from './OutlineTree';
import { flattenNodes, headingEnd, nodeAt, pathTo } from './outline-nav';
import { readerMessages } from './reader.messages';
import { ITEM_KINDS, type ItemKind, countByKind, marksIn } from './reader-marks';
import type { Outline as PlanOutline, SearchHit } from '@plantrack/api';
import { SearchPanel } from './SearchPanel';

/**
 * The plan reader (`/plan?node=<key>&q=<words>&at=<offset>`): the outline as a tree beside the
 * selected node's text, with extracted items and search hits highlighted in place. The whole text
 * comes in one response (see the outline route), so opening nodes and hits needs no more requests.
 */
export default function ReaderPage() {
  const t = useMessages(readerMessages);
  const { planId } = usePlan();
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  /** Set when the reader chose a search hit: the hit then takes the keyboard focus. */
  const focusHit = (location.state as { focusHit?: boolean } | null)?.focusHit === true;
  const nodeParam = params.get('node');
  const q = params.get('q') ?? '';
  const atParam = params.get('at');
  const at = atParam === null || !/^\d+$/.test(atParam) ? null : Number(atParam);

  const outlineState = useApi<PlanOutline>(planId === null ? null : `/api/plans/${planId}/outline`);
  const outline = outlineState.data?.planId === planId ? outlineState.data : undefined;
  const search = useApi<SearchHit[]>(
    planId === null || q === '' ? null : `/api/search${queryString({ q, planId, limit: 30 })}`,
  );
  const [visible, setVisible] = useState<ReadonlySet<ItemKind>>(() => new Set(ITEM_KINDS));

  const node = useMemo(() => {
    if (outline === undefined) return undefined;
    const all = flattenNodes(outline.outline);
    return (
      all.find((n) => n.key === nodeParam) ??
      (at === null ? undefined : nodeAt(outline.outline, at)) ??
      all[0]
    );
  }, [outline, nodeParam, at]);

  const open = useCallback(
    (next: { node?: string; q?: string; at?: number | null }, replace = false, focus = false) => {
      const values = {
        node: next.node ?? nodeParam,
        q: next.q ?? q,
        at: next.at === undefined ? at : next.at,
      };
      const search = new URLSearchParams();
      if (values.node !== null && values.node !== undefined) search.set('node', values.node);
      if (values.q !== '') search.set('q', values.q);
      if (values.at !== null) search.set('at', String(values.at));
      setParams(search, { replace, state: { focusHit: focus } });
    },
    [nodeParam, q, at, setParams],
  );

  const openHit = useCallback(
    (hit: SearchHit, chosen: boolean) => {
      if (outline === undefined) return;
      const holder = hit.source === null ? undefined : nodeAt(outline.outline, hit.source.start);
      const key = holder?.key ?? hit.nodeKey ?? undefined;
      if (key !== undefined) open({ node: key, at: hit.source?.start ?? null }, !chosen, chosen);
    },
    [outline, open],
  );

  // A search without a place to go (a link from an indicator page): open its best hit.
  const firstHit = search.data?.[0];
  useEffect(() => {
    if (nodeParam === null && at === null && firstHit !== undefined) openHit(firstHit, false);
  }, [nodeParam, at, firstHit, openHit]);

  const layout = useMemo(() => {
    if (outline === undefined || node === undefined) return undefined;
    const from = headingEnd(outline.text, node);
    const marks = marksIn(outline, node, from, node.source.end, visible, q);
    const hits = marks.filter((m) => m.kind === 'hit');
    const target = hits.find((h) => at !== null && h.start >= at) ?? hits[0];
    return {
      pieces: layoutMarks(outline.text, from, node.source.end, marks),
      counts: countByKind(marksIn(outline, node, from, node.source.end, new Set(ITEM_KINDS), '')),
      currentHit: target?.ref ?? null,
    };
  }, [outline, node, visible, q, at]);

  useEffect(() => {
    const hit = document.getElementById(CURRENT_HIT_ID);
    if (hit === null) return;
    hit.scrollIntoView({ block: 'center' });
    if (focusHit) hit.focus({ preventScroll: true });
    // location.key: choosing the hit already shown scrolls and focuses it again.
  }, [layout?.currentHit, node?.key, q, at, focusHit, location.key]);

  if (planId === null) return <Empty description={t.noPlan} />;
  if (outlineState.error !== undefined && outline === undefined) {
    return <ProblemAlert problem={outlineState.error} onRetry={outlineState.reload} />;
  }
  if (outline === undefined) return <PageLoading />;

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t.title}{' '}
        <Typography.Text type="secondary">{format(t.versionNo, { n: outline.versionNo })}</Typography.Text>
      </Typography.Title>
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={8}>
          <SearchPanel
            query={q}
            hits={search.data}
            loading={search.loading}
            error={search.error}
            onSearch={(next) => {
              open({ q: next, at: null });
            }}
            onOpenHit={(hit) => {
              openHit(hit, true);
            }}
            t={t}
          />
          {outline.outline.length === 0 ? (
            <Empty description={t.emptyOutline} />
          ) : (
            <OutlineTree
              outline={outline.outline}
              selectedKey={node?.key ?? null}
              selectedPath={node === undefined ? [] : pathTo(outline.outline, node.key)}
              onOpen={(key) => {
                open({ node: key, at: null });
              }}
              t={t}
            />
          )}
        </Col>
        <Col xs={24} lg={16}>
          {node === undefined || layout === undefined ? (
            <Empty description={t.emptyOutline} />
          ) : (
            <Card
              title={
                <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
                  {`${node.label} ${node.title}`.trim()}
                </Typography.Title>
              }
            >
              <HighlightLegend
                counts={layout.counts}
                visible={visible}
                onToggle={(kind, on) => {
                  setVisible((current) => {
                    const next = new Set(current);
                    if (on) next.add(kind);
                    else next.delete(kind);
                    return next;
                  });
                }}
                t={t}
              />
              <section
                role="region"
                aria-label={t.textRegion}
                tabIndex={0}
                style={{
                  whiteSpace: 'pre-wrap',
                  lineHeight: 1.9,
                  fontSize: 15,
                  maxHeight: 'calc(100vh - 280px)',
                  overflow: 'auto',
                }}
              >
                <NodeText outline={outline} pieces={layout.pieces} currentHit={layout.currentHit} t={t} />
              </section>
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
