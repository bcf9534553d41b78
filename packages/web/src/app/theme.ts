import type { ThemeConfig } from 'antd';

/**
 * System fonts only (nothing is fetched from outside the server); CJK faces first so Chinese is
 * set in a proper Chinese font where one is installed.
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#b22222',
    fontFamily:
      '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", system-ui, sans-serif',
  },
};
