import { defineConfig } from 'vitest/config';

/**
 * The bench's own unit tests (data generation, routing of the baselines, verdicts); none measures
 * time. Run: `vitest run --config bench/vitest.config.ts`. The root config does not include bench/.
 */
export default defineConfig({
  test: { root: '.', include: ['bench/**/*.test.ts'], pool: 'forks' },
});
