import { describe, expect, it } from 'vitest';
import { matchesPattern } from './screen-code';

describe('matchesPattern', () => {
  it('matches literal paths and one segment per parameter', () => {
    expect(matchesPattern('/dashboard', '/dashboard')).toBe(true);
    expect(matchesPattern('/dashboard', '/dashboard/')).toBe(true);
    expect(matchesPattern('/indicators/:id', '/indicators/01a2')).toBe(true);
    expect(matchesPattern('/public/indicators/:id', '/public/indicators/x')).toBe(true);
  });

  it('refuses other paths, extra or missing segments and empty parameters', () => {
    expect(matchesPattern('/dashboard', '/')).toBe(false);
    expect(matchesPattern('/public', '/public/indicators/x')).toBe(false);
    expect(matchesPattern('/indicators/:id', '/indicators/')).toBe(false);
    expect(matchesPattern('/indicators/:id', '/indicators/a/b')).toBe(false);
    expect(matchesPattern('/plan', '/planning')).toBe(false);
  });
});
