import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Workspace packages are tested from their TypeScript source (the `source` export condition),
  // never from a possibly stale dist/.
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/web/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    // Suites create and drop PostgreSQL databases in their hooks; a busy machine needs the headroom.
    hookTimeout: 60_000,
    server: { deps: { inline: [/@plantrack\//] } },
  },
});
