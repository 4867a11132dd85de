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
        },
      },
    ],
  },
});
