import { defineConfig } from 'vitest/config';

// Browser journeys: the built app in headless Chromium, with axe-core.
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['journeys/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
