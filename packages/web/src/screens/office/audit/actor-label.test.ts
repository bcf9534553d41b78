import { describe, expect, it } from 'vitest';
import { actorLabel } from './actor-label';
import { auditMessages } from './audit.messages';

describe('audit actor labels', () => {
  it('names users, the service itself and signed-out visitors, in both languages', () => {
    for (const t of [auditMessages.zh, auditMessages.en]) {
      expect(actorLabel(t, { id: 'u1', name: '张三' })).toBe('张三');
      expect(actorLabel(t, { id: 'system', name: null })).toBe(t.system);
      expect(actorLabel(t, { id: 'anonymous', name: null })).toBe(t.anonymous);
      expect(actorLabel(t, { id: 'gone-user', name: null })).toBe(t.unknownPerson);
    }
    expect(actorLabel(auditMessages.zh, { id: 'anonymous', name: null })).toBe('未登录访客');
  });
});
