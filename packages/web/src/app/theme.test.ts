import { describe, expect, it } from 'vitest';
import { appTheme, themeFor } from './theme';

describe('themeFor', () => {
  it('switches antd motion off for a reader who asked for reduced motion, keeping every other token', () => {
    const reduced = themeFor(appTheme, { reducedMotion: true });
    expect(reduced.token?.motion).toBe(false);
    expect(reduced.token?.colorPrimary).toBe(appTheme.token?.colorPrimary);
    expect(reduced.zeroRuntime).toBe(true);
    expect(themeFor(appTheme, { reducedMotion: false })).toBe(appTheme);
  });
});
