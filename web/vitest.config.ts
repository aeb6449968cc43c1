import { defineProject } from 'vitest/config';

const root = import.meta.dirname;

/** Web unit tests. Works alone (`npx vitest run` in web/) and as a project of the root config. */
export default defineProject({
  root,
  resolve: {
    conditions: ['source', 'module', 'browser', 'development|production'],
  },
  oxc: {
    jsx: { runtime: 'automatic' },
  },
  test: {
    name: 'web',
    root,
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    exclude: ['src/gql/**', 'node_modules/**', 'dist/**'],
    setupFiles: ['./src/test/setup.ts'],
  },
});
