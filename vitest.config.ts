import { defineConfig } from 'vitest/config';

// Three projects, from fast to slow:
// - unit: pure TypeScript (compiler, plan loading, CLI, writer), seconds;
// - toolchain: the generated roles read by the real Ansible tools (.venv);
// - molecule: the generated roles run on real containers (podman).
export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'test/hostile/**/*.test.ts'], testTimeout: 60_000 },
      },
      {
        extends: true,
        test: { name: 'toolchain', include: ['test/toolchain/**/*.test.ts'], testTimeout: 600_000, hookTimeout: 900_000 },
      },
      {
        extends: true,
        test: {
          name: 'molecule',
          include: ['test/molecule/**/*.test.ts'],
          testTimeout: 1_800_000,
          hookTimeout: 1_800_000,
          fileParallelism: false,
          // Scenarios run side by side, each on its own node.
          maxConcurrency: Number(process.env.EDPM_MOLECULE_JOBS ?? 2),
        },
      },
    ],
  },
});
