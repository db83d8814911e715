import { defineConfig } from 'vitest/config';

// Test categories are vitest projects. A file belongs to exactly one by where it lives:
// unit tests sit beside the code in src/, integration tests under test/.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Integration tests each create DuckDB files; two cores, so two forks at most.
          maxWorkers: 2,
        },
      },
    ],
  },
});
