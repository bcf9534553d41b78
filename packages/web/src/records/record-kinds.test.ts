import { describe, expect, it } from 'vitest';
import { WEB_RECORD_KINDS, recordUrl, webRecordKind } from './record-kinds';

describe('web record kinds', () => {
  it('lists one descriptor per kind of the contract, in the review queue order', () => {
    expect(WEB_RECORD_KINDS.map((k) => k.name)).toEqual(['observation', 'progress_report']);
  });

  it('finds a kind by its API name or its plan element, and addresses its records', () => {
    for (const kind of WEB_RECORD_KINDS) {
      expect(webRecordKind(kind.name)).toBe(kind);
      expect(webRecordKind(kind.element)).toBe(kind);
    }
    expect(recordUrl('task', 't1|2026Q1')).toBe('/api/progress-reports/t1%7C2026Q1');
  });
});
