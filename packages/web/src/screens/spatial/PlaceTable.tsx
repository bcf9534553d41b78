import { Button, Table } from 'antd';
import { format, useMessages } from '../../i18n/i18n';
import type { Region } from './spatial-model';
import { spatialMessages } from './spatial.messages';

type Row = { name: string; kind: string; city: string; count: number; projects: number };

/**
 * The schematic as a table: every city and place, what it belongs to, how many items name it and
 * how many major projects it holds.
 */
export function PlaceTable({
  regions,
  projectCount,
  onSelect,
}: {
  regions: readonly Region[];
  projectCount: (name: string) => number;
  onSelect: (name: string) => void;
}) {
  const t = useMessages(spatialMessages);
  const rows: Row[] = regions.flatMap((region) => [
    ...(region.city === null
      ? []
      : [
          {
            name: region.name,
            kind: t.kind_city,
            city: '—',
            count: region.items.length,
            projects: projectCount(region.name),
          },
        ]),
    ...region.members.map((p) => ({
      name: p.name,
      kind: t[`kind_${p.kind}`],
      city: region.city === null ? t.otherPlaces : region.name,
      count: p.items.length,
      projects: projectCount(p.name),
    })),
  ]);
  return (
    <Table<Row>
      size="small"
      rowKey="name"
      caption={t.tableCaption}
      dataSource={rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        { title: t.place, dataIndex: 'name' },
        { title: t.kind, dataIndex: 'kind' },
        { title: t.city, dataIndex: 'city' },
        { title: t.items, dataIndex: 'count' },
        { title: t.projects, dataIndex: 'projects' },
        {
          title: t.show,
          render: (_, r) => (
            <Button
              size="small"
              aria-label={format(t.showPlace, { name: r.name })}
              onClick={() => {
                onSelect(r.name);
              }}
            >
              {t.show}
            </Button>
          ),
        },
      ]}
    />
  );
}
