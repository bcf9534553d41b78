import { describe, expect, it } from 'vitest';
import { PASSWORD_MIN_LENGTH, generatePassword, passwordWeakness } from './password-policy.js';

describe('password policy', () => {
  it('refuses short, one-class, e-mail and common passwords with a zh/en reason', () => {
    for (const weak of ['Short1', 'alllowercaseletters', 'Reporter@Test.local', 'Password1234']) {
      const why = passwordWeakness(weak, 'reporter@test.local');
      expect(why, weak).not.toBeNull();
      expect(why?.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(why?.en).toContain(String(PASSWORD_MIN_LENGTH));
    }
  });

  it('accepts two classes, a long passphrase and a Chinese passphrase', () => {
    expect(passwordWeakness('Tr0ub4dor&3x', 'a@b.c')).toBeNull();
    expect(passwordWeakness('correct horse battery staple', 'a@b.c')).toBeNull();
    expect(passwordWeakness('规划实施监测评估2026', 'a@b.c')).toBeNull();
  });

  it('generates passwords that meet the policy', () => {
    for (let i = 0; i < 200; i += 1) expect(passwordWeakness(generatePassword(), null)).toBeNull();
  });
});
