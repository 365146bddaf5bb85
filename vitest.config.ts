import { defineConfig } from 'vitest/config';

// Three projects, from fast to slow:
// - unit: pure TypeScript (compiler, plan loading, CLI, writer), seconds;
// - toolchain: the generated roles read by the real Ansible tools (.venv);
// - molecule: the generated roles run on real containers (podman).
// Two test files at a time (EDPM_TEST_WORKERS; Vitest's default is one on a
// 2-core machine): the projects run in name order, so the one Molecule file
// starts first and takes one worker for the whole run, its scenarios
// EDPM_MOLECULE_JOBS at a time, while the other worker runs the toolchain
// and unit files beside it. Much of a scenario's time is spent waiting
// (podman, dnf, the node's own containers), which the other files use.
export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    reporters: ['default'],
    maxWorkers: Number(process.env.EDPM_TEST_WORKERS ?? 2),
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
          // One file; its scenarios run side by side, each on its own nodes.
          maxConcurrency: Number(process.env.EDPM_MOLECULE_JOBS ?? 2),
        },
      },
    ],
  },
});
