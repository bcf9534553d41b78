import { Drawer, Result, Tag, Typography } from 'antd';
import { format, useMessages } from '../../i18n/i18n';
import { entryMessages } from '../../records/entry.messages';
import { myItemsMessages } from './my-items.messages';
import type { PeriodItem } from '@plantrack/api';
import { ENTRY_EDITORS } from './entry-editors';
import { DueTag, StateTag } from './period-state';
import { rowKeyOf } from './PeriodsTable';

/** The form of one owed period, in a drawer over the list; `item: null` = the URL named an item not ours. */
export function EntryDrawer({
  item,
  onClose,
  onSaved,
}: {
  item: PeriodItem | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useMessages(myItemsMessages);
  const e = useMessages(entryMessages);
  return (
    <Drawer
      open
      onClose={onClose}
      size={640}
      closable={{ 'aria-label': t.close }}
      title={
        item === null ? t.notFoundTitle : format(e.drawerTitle, { name: item.name, period: item.period })
      }
    >
      {item === null ? (
        <Result status="403" title={t.notFoundTitle} subTitle={t.notFoundText} />
      ) : (
        <>
          <Typography.Paragraph>
            {item.dueDate === '' ? (
              <Tag>{t.notOwed}</Tag>
            ) : (
              <>
                <StateTag t={t} state={item.state} /> {format(e.dueLine, { due: item.dueDate })}{' '}
                <DueTag t={t} item={item} />
              </>
            )}
          </Typography.Paragraph>
          {ENTRY_EDITORS[item.kind](item, onSaved, rowKeyOf(item))}
        </>
      )}
    </Drawer>
  );
}
