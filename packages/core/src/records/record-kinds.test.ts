import { describe, expect, it } from 'vitest';
import {
  PLAN_RECORD_KINDS,
  RECORD_KINDS,
  RECORD_KIND_DESCRIPTORS,
  type RecordKindDescriptor,
  UnknownRecordKindError,
  isPlanRecordKindName,
  isRecordKindName,
  recordKind,
  recordKindOfElement,
} from './record-kinds.js';

describe('record kinds', () => {
  it('resolves every spelling of every kind to its own descriptor', () => {
    for (const name of RECORD_KINDS) {
      const d: RecordKindDescriptor = RECORD_KIND_DESCRIPTORS[name];
      expect(d.name).toBe(name);
      const spellings: string[] = [d.name, d.urlSegment, d.stored.evidenceSubject];
      if (d.stored.searchDoc !== null) spellings.push(d.stored.searchDoc);
      for (const spelling of spellings) expect(recordKind(spelling).name).toBe(name);
      expect(recordKindOfElement(d.element).name).toBe(name);
      expect(d.label.zh).not.toBe('');
      expect(d.label.en).not.toBe('');
    }
  });

  it('keeps the spellings already stored in the database', () => {
    expect(recordKind('progress-report').stored).toEqual({
      evidenceSubject: 'progress-report',
      auditEntity: 'progress_report',
      searchDoc: 'report',
    });
    expect(recordKind('observations').stored.evidenceSubject).toBe('observation');
    expect(recordKind('project-reports').stored).toEqual({
      evidenceSubject: 'project_report',
      auditEntity: 'project',
      searchDoc: null,
    });
  });

  it('tells the plan record kinds (indicators, tasks) from the project report', () => {
    expect([...PLAN_RECORD_KINDS]).toEqual(['observation', 'progress_report']);
    for (const name of RECORD_KINDS) {
      const onPlan = RECORD_KIND_DESCRIPTORS[name].element !== 'project';
      expect(isPlanRecordKindName(name)).toBe(onPlan);
    }
    expect(recordKindOfElement('project').name).toBe('project_report');
    // `project` is the project's own audit entity, not a spelling of its monthly report.
    expect(() => recordKind('project')).toThrow(UnknownRecordKindError);
  });

  it('gives no two kinds the same spelling or plan element', () => {
    const all = RECORD_KINDS.map((name): RecordKindDescriptor => RECORD_KIND_DESCRIPTORS[name]);
    const owners = new Map<string, string>();
    for (const d of all) {
      const spellings = new Set<string>([
        d.name,
        d.urlSegment,
        d.stored.evidenceSubject,
        d.stored.auditEntity,
      ]);
      if (d.stored.searchDoc !== null) spellings.add(d.stored.searchDoc);
      spellings.add(`element:${d.element}`);
      for (const s of spellings) {
        expect(owners.get(s) ?? d.name).toBe(d.name);
        owners.set(s, d.name);
      }
    }
  });

  it('rejects an unknown kind with a Chinese and an English message', () => {
    expect(isRecordKindName('project_issue')).toBe(false);
    expect(isRecordKindName('project_report')).toBe(true);
    expect(() => recordKind('project_issue')).toThrow(UnknownRecordKindError);
    try {
      recordKind('project_issue');
    } catch (error) {
      expect((error as UnknownRecordKindError).messages).toEqual({
        zh: '未知的记录类型：project_issue',
        en: 'Unknown record kind: project_issue',
      });
    }
  });
});
