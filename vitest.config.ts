import { defineConfig } from 'vitest/config';

// Test categories are vitest projects. A file belongs to exactly one by where it lives:
// unit tests sit beside the code in src/, integration tests under test/.
export default defineConfig({
  test: {
    // Two cores: integration tests each create DuckDB files, so two forks at most.
    maxWorkers: 2,
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
        },
      },
      {
        test: {
          // Browser tests: the built web app in Debian's Chromium against a real server and workspace.
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/support/build-web.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
