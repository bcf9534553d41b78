import type { ThemeConfig } from 'antd';

/**
 * The look of every antd component. System fonts only (nothing is fetched from outside the
 * server); CJK faces first so Chinese is set in a proper Chinese font where one is installed.
 *
 * The components' CSS is generated from this theme when the app is built (vite.config.ts) and
 * loaded as a stylesheet, so the browser does not compute it on every page load: `appTheme`
 * switches antd's runtime style generation off. Class names carry no hash, so the built
 * stylesheet matches them.
 */
export const theme: ThemeConfig = {
  hashed: false,
  token: {
    colorPrimary: '#b22222',
    // Darker than antd's defaults so that secondary text, placeholders and links reach the WCAG AA
    // contrast of 4.5:1 on white and on the grey page background (checked by axe in the tests).
    colorLink: '#1d4ed8',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    // antd's red (#ff4d4f, 3.3:1) is too light for danger buttons and form errors on white.
    colorError: '#cf1322',
    fontFamily:
      '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", system-ui, sans-serif',
  },
};

/** What the app runs with: the same theme, styles from the built stylesheet. */
export const appTheme: ThemeConfig = { ...theme, zeroRuntime: true };

/**
 * The theme for a reader who asked their system for less motion (prefers-reduced-motion): antd's
 * motion off, so dialogs, drawers and a button's loading icon appear and leave without animating.
 * An animation that waits for the next frame also never hangs in a tab the browser is not drawing.
 */
export function themeFor(base: ThemeConfig, reader: { reducedMotion: boolean }): ThemeConfig {
  return reader.reducedMotion ? { ...base, token: { ...base.token, motion: false } } : base;
}
