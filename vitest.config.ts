import { defineConfig } from 'vitest/config';

// The README's test command: unit and integration tests of every package.
// Browser journeys (test/) run separately: see `pnpm test:e2e`.
export default defineConfig({
  test: {
    projects: ['packages/shared', 'server', 'web'],
  },
});
