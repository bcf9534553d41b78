import type { FormInstance } from 'antd';
import type { ComponentType } from 'react';
import type { ApiProblem } from '../../api/client';
import type { EntryText } from '../../records/entry.messages';
import type { WebRecordKind } from '../../records/record-kinds';
import type { PeriodItem, QualityFlag, RecordRevision as AnyRevision } from '@plantrack/api';

/** The fields every entry form has after the kind's value fields. */
export type CommonEntryFields = { comment: string; reason: string };

/** A kind's value fields together with the common ones: the whole entry form. */
export type EntryForm<F> = F & CommonEntryFields;

/** The loaded record: its current revision (null before the first) and what its fields need. */
export type EntryLoad<Rev, C> = { current: Rev | null; context: C };

/** What the kind's value fields are given to render. */
export type EntryFieldsProps<Rev, C> = {
  t: EntryText;
  context: C;
  current: Rev | null;
  /** Files attached so far: an observation's scope is fixed once a file is attached. */
  evidenceCount: number;
};

/**
 * One record kind as the entry editor (RecordEntry.tsx) takes it: how the record is loaded, its
 * value fields and how they become the API's `values`. Adding a kind to "my items" means one such
 * descriptor and its fields component; the status, evidence, submit/correct flow and history are
 * the editor's.
 */
export type EntryKind<F extends object, Rev extends AnyRevision, C> = {
  record: WebRecordKind;
  /** A hook: the current revision of the item × period and the context its fields need. */
  useLoad: (item: PeriodItem) => {
    data: EntryLoad<Rev, C> | undefined;
    error: ApiProblem | undefined;
    reload: () => void;
  };
  /** The value fields' first contents (from the current revision, else the defaults). */
  initialFields: (load: EntryLoad<Rev, C>) => F;
  /**
   * A hook: the record key and the body fields that name the record in a write (they may follow
   * what is typed, as an observation's scope does until the record exists).
   */
  useRecordRef: (
    form: FormInstance<EntryForm<F>>,
    item: PeriodItem,
    current: Rev | null,
    initial: F,
  ) => { recordKey: string; ref: Record<string, string> };
  /** The API's `values` from the value fields (without comment and evidence, which the editor adds). */
  toValues: (fields: F) => Record<string, unknown>;
  Fields: ComponentType<EntryFieldsProps<Rev, C>>;
  /** Rows of the comment box. */
  commentRows: number;
  /**
   * The quality warnings the values would raise if submitted (observations): asked before a
   * submission so the reporter can fix or confirm them. Kinds without checks leave it out.
   */
  checkBeforeSubmit?: (
    ref: Record<string, string>,
    values: Record<string, unknown>,
    evidenceCount: number,
  ) => Promise<QualityFlag[]>;
};
