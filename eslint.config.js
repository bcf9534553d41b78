// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Why each package may not import what it may not: the message is shown with the error. */
const CORE_IS_PURE =
  'packages/core is pure (text and values in, values out): no I/O, no node:* modules, no other PlanTrack package. Do the I/O in formats, db, server or cli and pass the result in.';
const FORMATS_BOUNDARY =
  'packages/formats reads and writes files for core; it may import @plantrack/core only.';
const DB_BOUNDARY =
  'packages/db stores what core models; it may import @plantrack/core only (no formats, server or cli).';
const SERVER_BOUNDARY =
  'packages/server may import api, core, formats and db — never the cli (the cli wires the server, not the other way round).';
const SQL_IN_DB =
  'All SQL lives in packages/db behind named, documented functions; packages/server calls them and keeps the business logic. Do not import kysely (or a database driver) in the server: add or extend a repository in packages/db (use its `Db` type to pass a handle or transaction along).';
const API_BOUNDARY =
  'packages/api is the HTTP contract shared by the server and the browser: zod schemas only, no PlanTrack package but the pure @plantrack/core (whose vocabularies, such as the record kinds, the schemas spell out) and no node:* module, so the web can take its types without pulling in server code.';
const CLI_BOUNDARY =
  'The cli wires packages together; it must not reach into another package’s internals (import the package entry instead).';

const WEB_BOUNDARY =
  "packages/web runs in the browser and talks to the server over HTTP only (src/api); it imports no other PlanTrack package than the contract's types and no node:* module.";
const WEB_CONTRACT =
  "packages/web takes the API's request and response types from @plantrack/api with `import type` only: a value import would bundle zod and the schemas into the browser app.";

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'stream',
  'url',
  'util',
  'worker_threads',
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'scripts/**',
      'packages/cli/bin/**',
      'packages/web/budget/**',
      'packages/web/scripts/**',
      'examples/**',
      'coverage/**',
      'eslint.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      // One program over every source and test file (tsconfig.tests.json) keeps type-aware lint fast.
      parserOptions: { project: ['./tsconfig.tests.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // Spreading a string splits it into code points, which is exactly right for Chinese text.
      '@typescript-eslint/no-misused-spread': 'off',
    },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    // Tests and their helpers may read fixture files; the shipped code may not.
    ignores: ['packages/core/src/**/*.test.ts', 'packages/core/src/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins
            .filter((n) => !n.includes('*'))
            .map((name) => ({ name, message: CORE_IS_PURE })),
          patterns: [
            { group: ['node:*'], message: CORE_IS_PURE },
            { group: ['@plantrack/*'], message: CORE_IS_PURE },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Date', message: `${CORE_IS_PURE} Time is passed in.` },
        { name: 'process', message: CORE_IS_PURE },
        { name: 'fetch', message: CORE_IS_PURE },
      ],
    },
  },
  {
    files: ['packages/formats/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@plantrack/*', '!@plantrack/core'], message: FORMATS_BOUNDARY },
            { group: ['@plantrack/core/*'], message: FORMATS_BOUNDARY },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/db/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@plantrack/*', '!@plantrack/core'], message: DB_BOUNDARY },
            { group: ['@plantrack/core/*'], message: DB_BOUNDARY },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/api/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins
            .filter((n) => !n.includes('*'))
            .map((name) => ({ name, message: API_BOUNDARY })),
          patterns: [
            {
              group: ['@plantrack/*', '!@plantrack/core', '@plantrack/core/*', 'node:*'],
              message: API_BOUNDARY,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/server/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['kysely', 'pg', 'better-sqlite3'].map((name) => ({ name, message: SQL_IN_DB })),
          patterns: [
            { group: ['@plantrack/cli', '@plantrack/*/*'], message: SERVER_BOUNDARY },
            { group: ['kysely/*', 'pg/*', 'better-sqlite3/*'], message: SQL_IN_DB },
          ],
        },
      ],
    },
  },
  {
    // Test files only (not src/testing, which holds shared harness code and obeys SQL_IN_DB): a test
    // may reach past the repositories on purpose, e.g. to prove an append-only trigger refuses an
    // UPDATE, so the query builder is allowed there. Shared SQL fixtures belong in db/src/testing.
    files: ['packages/server/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@plantrack/cli', '@plantrack/*/*'], message: SERVER_BOUNDARY }] },
      ],
    },
  },
  {
    files: ['packages/cli/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@plantrack/*/*', '../../*/src/*', '../../../packages/*'], message: CLI_BOUNDARY },
          ],
        },
      ],
    },
  },
  {
    // Test files may also use the shared fixtures of db/src/testing (throwaway databases, reads of
    // what a command stored), as the server's tests do; the SQL stays in packages/db.
    files: ['packages/cli/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@plantrack/*/*', '../../*/src/*', '!../../db/src/testing', '../../../packages/*'],
              message: CLI_BOUNDARY,
            },
          ],
        },
      ],
    },
  },
  {
    // The browser app has its own program (DOM types, JSX) and may not import server-side packages.
    files: ['packages/web/src/**/*.{ts,tsx}', 'packages/web/vite.config.ts'],
    languageOptions: {
      globals: globals.browser,
      parserOptions: { project: ['./packages/web/tsconfig.json'], tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The typescript-eslint rule, which can tell a type-only import of the contract from a value import.
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@plantrack/*', '!@plantrack/api', '@plantrack/api/*', 'node:*'],
              message: WEB_BOUNDARY,
            },
            { group: ['@plantrack/api'], allowTypeImports: true, message: WEB_CONTRACT },
          ],
        },
      ],
    },
  },
  {
    // Browser tests run in Node but pass functions to the page, so they see both Node and DOM types.
    files: ['packages/web/e2e/**/*.ts'],
    languageOptions: {
      parserOptions: { project: ['./packages/web/e2e/tsconfig.json'], tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
