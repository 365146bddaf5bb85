import { defineConfig } from 'vitest/config';

// `npm run test:matrix`: the ansible-core matrix (test/matrix), apart from
// `npm test`'s projects. Scenarios of different cores run on their own nodes,
// EDPM_MOLECULE_JOBS at a time (default 2, the machine's cores).
export default defineConfig({
  test: {
    name: 'matrix',
    include: ['test/matrix/**/*.test.ts'],
    reporters: ['default'],
    testTimeout: 1_800_000,
    hookTimeout: 900_000,
    maxConcurrency: Number(process.env.EDPM_MOLECULE_JOBS ?? 2),
  },
});
