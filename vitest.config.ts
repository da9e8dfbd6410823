import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // e2e/*.spec.ts belongs to Playwright; keep Vitest to unit and scenario tests.
    include: ['src/**/*.test.ts', 'scenarios/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    pool: 'threads',
  },
});
