import swc from 'unplugin-swc';
import { defineProject } from 'vitest/config';

const require = (await import('node:module')).createRequire(import.meta.url);

export default defineProject({
  // Decorator metadata for type-graphql and TypeORM, as tsc emits it for the build.
  plugins: [
    swc.vite({
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        target: 'es2022',
      },
    }),
  ],
  resolve: {
    // One graphql module instance: Vite would otherwise pick graphql's .mjs build while
    // type-graphql and Apollo load the CommonJS one.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql/index.js') }],
    conditions: ['source'],
  },
  test: {
    name: 'server',
    root: import.meta.dirname,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    server: { deps: { inline: ['@insyn/shared'] } },
  },
});
