import { extractStyle } from '@ant-design/static-style-extract';
import react from '@vitejs/plugin-react';
import { ConfigProvider } from 'antd';
import { type ReactNode, createElement } from 'react';
import { type Plugin, defineConfig } from 'vite';
import { theme } from './src/app/theme.ts';

const ANTD_CSS = 'virtual:antd.css';

/**
 * Components the app uses neither directly nor through another component: their styles are left
 * out of the stylesheet (a component added to the app must be taken off this list).
 */
const UNUSED_ANTD_COMPONENTS = [
  'Affix',
  'Anchor',
  'AutoComplete',
  'BackTop',
  'BorderBeam',
  'Breadcrumb',
  'Calendar',
  'Carousel',
  'Cascader',
  'ColorPicker',
  'DatePicker',
  'FloatButton',
  'Image',
  'Listy',
  'Masonry',
  'Mentions',
  'QRCode',
  'Rate',
  'Slider',
  'Splitter',
  'Steps',
  'TimePicker',
  'Timeline',
  'Tour',
  'Transfer',
  'TreeSelect',
  'Watermark',
];
const RESOLVED_ANTD_CSS = '\0plantrack-antd.css';

/**
 * Ant Design's component styles, generated from the app's theme when the app is built and
 * imported by main.tsx as `virtual:antd.css`: a stylesheet instead of CSS-in-JS computed in the
 * browser, which cost the dashboard's first render about a third of its time.
 */
function antdStaticStyles(): Plugin {
  return {
    name: 'plantrack-antd-static-styles',
    resolveId: (source) => (source === ANTD_CSS ? RESOLVED_ANTD_CSS : undefined),
    load: (id) =>
      id === RESOLVED_ANTD_CSS
        ? extractStyle({
            customTheme: (node: ReactNode) => createElement(ConfigProvider, { theme }, node),
            excludes: UNUSED_ANTD_COMPONENTS,
          })
        : undefined,
  };
}

/**
 * The web app is built to `dist/` and served by `plantrack serve` (see
 * packages/server/src/routes/web.routes.ts). Everything it needs is bundled: no font, script or map
 * tile is fetched from outside the server, so it works on a closed government network.
 */
export default defineConfig({
  plugins: [react(), antdStaticStyles()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // A manifest lets the budget script tell the initial JavaScript from lazily loaded chunks.
    manifest: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // `npm run dev -w @plantrack/web` proxies the API to a running `plantrack serve`.
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
