import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'engine/**/*.test.ts', 'mock-creatio/**/*.test.ts', 'fake-chat/**/*.test.ts', 'lab/**/*.test.ts',
      'contract/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'test/integration/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    // Real servers on loopback and real files: give slow CI machines room, but never assert on time.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
