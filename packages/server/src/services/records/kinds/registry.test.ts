import { PLAN_RECORD_KINDS, RECORD_KINDS, RECORD_KIND_DESCRIPTORS } from '@plantrack/core';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../errors.js';
import { SERVER_RECORD_KINDS, serverRecordKind, serverRecordKinds } from './registry.js';

describe('server record-kind registry', () => {
  it('has an entry with every facet for every kind core declares, in its order', () => {
    expect(serverRecordKinds().map((k) => k.descriptor.name)).toEqual([...RECORD_KINDS]);
    for (const name of RECORD_KINDS) {
      const kind = SERVER_RECORD_KINDS[name];
      expect(kind.descriptor).toBe(RECORD_KIND_DESCRIPTORS[name]);
      expect(kind.evidenceSubject).toBe(kind.descriptor.stored.evidenceSubject);
      expect(kind.what).toContain(kind.descriptor.label.zh);
      expect(typeof kind.ownerDepartmentIdsOfKey).toBe('function');
      expect(typeof kind.evidenceRecord).toBe('function');
    }
  });

  it('gives every plan record kind a template sheet, and the project report none', () => {
    const sheets = serverRecordKinds().filter((k) => k.templateSheet !== null);
    expect(sheets.map((k) => k.descriptor.name)).toEqual([...PLAN_RECORD_KINDS]);
    expect(SERVER_RECORD_KINDS.project_report.templateSheet).toBeNull();
  });

  it('resolves the URL, canonical and stored spellings to the same entry', () => {
    for (const kind of serverRecordKinds()) {
      const d = kind.descriptor;
      for (const spelling of [d.name, d.urlSegment, d.stored.evidenceSubject])
        expect(serverRecordKind(spelling)).toBe(kind);
    }
  });

  it('answers an unknown kind with a 400 in Chinese and English', () => {
    let caught: unknown;
    try {
      serverRecordKind('project-report');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ApiError);
    expect(caught).toMatchObject({
      status: 400,
      code: 'unknown-record-kind',
      messages: { zh: '未知的记录类型：project-report', en: 'Unknown record kind: project-report' },
    });
  });

  it('refuses a malformed record key of every kind before any lookup', async () => {
    for (const kind of serverRecordKinds()) {
      // The context is never reached: the key is parsed first.
      const ctx = {} as Parameters<typeof kind.ownerDepartmentIdsOfKey>[0];
      await expect(kind.ownerDepartmentIdsOfKey(ctx, '|')).rejects.toMatchObject({ code: 'invalid-key' });
      await expect(kind.evidenceRecord(ctx, '|')).rejects.toMatchObject({ code: 'invalid-key' });
    }
  });
});
