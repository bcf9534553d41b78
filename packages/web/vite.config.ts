import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app is built to `dist/` and served by `plantrack serve` (see
 * packages/server/src/routes/web.routes.ts). Everything it needs is bundled: no font, script or map
 * tile is fetched from outside the server, so it works on a closed government network.
 */
export default defineConfig({
  plugins: [react()],
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
