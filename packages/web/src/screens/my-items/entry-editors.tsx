import type { ReactNode } from 'react';
import type { RecordElement } from '../../records/record-kinds';
import type { PeriodItem } from '@plantrack/api';
import { observationEntry } from './ObservationEntry';
import { progressEntry } from './ProgressEntry';
import { RecordEntry } from './RecordEntry';

/**
 * The entry editor of each plan element's record kind (an indicator's observation, a task's
 * progress report): the one place "my items" lists the kinds it edits. `key` remounts the editor
 * when the drawer moves to another item × period.
 */
export const ENTRY_EDITORS: Record<
  RecordElement,
  (item: PeriodItem, onSaved: () => void, key: string) => ReactNode
> = {
  indicator: (item, onSaved, key) => (
    <RecordEntry key={key} kind={observationEntry} item={item} onSaved={onSaved} />
  ),
  task: (item, onSaved, key) => <RecordEntry key={key} kind={progressEntry} item={item} onSaved={onSaved} />,
};
