import { defineConfig } from 'vitest/config';

// Integration tests share one Redis and spawn processes (bot, workers, Chromium): two files at a time
// fits the 2-core machine. Timeouts are generous because a cold PGlite start on a loaded machine takes
// seconds; tests wait on state, never on the clock.
export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['tests/integration/**/*.test.ts'] } },
    ],
    coverage: { provider: 'v8', include: ['app/**', 'bot/**', 'cases/**', 'console/**', 'conversation/**', 'db/**', 'knowledge/**', 'triage/**', 'workers/**'], reporter: ['text-summary', 'text'] },
  },
});
