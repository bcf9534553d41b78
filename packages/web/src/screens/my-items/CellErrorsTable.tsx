import { Alert, Table } from 'antd';
import { format, useBilingual } from '../../i18n/i18n';
import type { CellError } from '@plantrack/api';
import type { TemplateText } from './template.messages';

/** Every wrong cell of a refused workbook (sheet, Excel row, column, message), nothing saved. */
export function CellErrorsTable({ t, errors }: { t: TemplateText; errors: readonly CellError[] }) {
  const pick = useBilingual();
  return (
    <>
      <Alert
        type="error"
        showIcon
        role="alert"
        title={format(t.errorsTitle, { n: errors.length })}
        description={t.errorsText}
        style={{ marginBottom: 12 }}
      />
      <Table<CellError>
        aria-label={t.errorsTable}
        size="small"
        rowKey={(e) => `${e.sheet}!${e.column}${e.row}:${e.messages.en}`}
        dataSource={[...errors]}
        pagination={errors.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        columns={[
          { title: t.colSheet, dataIndex: 'sheet', width: 100 },
          { title: t.colRow, dataIndex: 'row', width: 70 },
          { title: t.colColumn, dataIndex: 'column', width: 70 },
          { title: t.colCell, key: 'cell', width: 90, render: (_, e) => `${e.column}${e.row}` },
          { title: t.colMessage, key: 'message', render: (_, e) => pick(e.messages) },
        ]}
      />
    </>
  );
}
