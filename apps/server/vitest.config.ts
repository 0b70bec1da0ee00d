import { defineConfig } from 'vitest/config';

// The whole suite runs twice: once on embedded PGlite, once on PostgreSQL (a database per file).
const shared = {
  include: ['test/**/*.test.ts'],
  testTimeout: 20_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  test: {
    // Vitest's default on two cores is one worker; the PostgreSQL files mostly wait on the
    // database process, so a second worker overlaps them with the CPU-bound PGlite files.
    maxWorkers: 2,
    projects: [
      {
        test: {
          ...shared,
          name: 'pglite',
          env: { PARLEY_TEST_DB: 'pglite' },
          globalSetup: ['test/support/pglite-template.ts'],
        },
      },
      { test: { ...shared, name: 'postgres', env: { PARLEY_TEST_DB: 'postgres' } } },
    ],
  },
});
