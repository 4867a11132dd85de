import { defineConfig } from 'vitest/config';

// Three projects: pure unit tests, integration tests against real MongoDB-compatible
// and Redis servers (provisioned once by the global setup), and browser tests.
export default defineConfig({
  test: {
    reporters: ['default', './test/reporters/summary-line.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Files run in parallel; each has its own database and queue prefix.
          // Real servers and worker processes share two cores with everything else: a test that
          // fails gets one more try, and a second failure fails the run.
          retry: 1,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          // One API process (serving the built client) for the run; each test signs up its own users.
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          retry: 1,
        },
      },
    ],
  },
});
