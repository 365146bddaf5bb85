import { defineConfig } from 'vitest/config';

// Three projects, from fast to slow:
// - unit: pure TypeScript (compiler, plan loading, CLI, writer), seconds;
// - toolchain: the generated roles read by the real Ansible tools (.venv);
// - molecule: the generated roles run on real containers (podman).
// Two groups, one after the other (sequence.groupOrder): first unit and
// toolchain, two test files at a time (EDPM_TEST_WORKERS; Vitest's default
// is one on a 2-core machine); then the one Molecule file, its scenarios
// EDPM_MOLECULE_JOBS at a time, with the machine to themselves. Beside the
// toolchain's ansible-lint runs (20-90 s of CPU each) and the unit files,
// the first two scenarios took 2-5 times as long as alone (2026-11-30:
// update_services 304 s, against 47-66 s two at a time in the matrix).
export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    reporters: ['default'],
    maxWorkers: Number(process.env.EDPM_TEST_WORKERS ?? 2),
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'test/hostile/**/*.test.ts'], testTimeout: 60_000, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { name: 'toolchain', include: ['test/toolchain/**/*.test.ts'], testTimeout: 600_000, hookTimeout: 900_000, sequence: { groupOrder: 0 } },
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
          // After unit and toolchain, alone.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
