/**
 * The README's "Understanding the output": every `explain` and `show`
 * example on the built-in plan and the committed dist-roles/ prints what
 * the README shows (run as written, from the checkout; see
 * test/support/readme-examples.ts for how lines compare). `import` runs in a folder of its own (its
 * `--out` writes there), with the checkout's test/ linked in, whose
 * fixtures it reads. The example that needs the linters and the reader's own
 * output folder after a hand edit (`lint --out my-roles`) runs in
 * test/toolchain/lint-command.test.ts; the one of a plan edited since the
 * build, in test/unit/cli/explain-input.test.ts.
 */
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rolegenProcess, runRolegen, type CliRun } from '../../support/cli.js';
import { examples, mismatch } from '../../support/readme-examples.js';
import { ROOT } from '../../support/paths.js';

/** The examples not run here, and why. */
const NOT_RUN: readonly [RegExp, string][] = [[/^edpm-rolegen lint --out my-roles$/u, "a folder of the reader's, after a hand edit"]];

/** Exit statuses other than 0 that the README gives for an example. */
const STATUS: readonly [RegExp, number][] = [[/^edpm-rolegen import --role \S+\/unrepresentable /u, 1]];

/** Splits a command line as the shell does for the README's examples: words, and '...' quoting. */
function words(command: string): string[] {
  return [...command.matchAll(/'([^']*)'|(\S+)/gu)].map((m) => m[1] ?? m[2]!);
}

describe("the README's Understanding the output", () => {
  const all = examples();

  it('has the examples of explain, show, lint and import', () => {
    for (const command of ['explain', 'show', 'lint', 'import']) expect(all.some((e) => e.command.startsWith(`edpm-rolegen ${command} `))).toBe(true);
  });

  for (const example of all) {
    const skip = NOT_RUN.find(([pattern]) => pattern.test(example.command));
    // The example of the warning after an edit of the plan: the same command, a plan no longer as built.
    const afterEdit = example.shown.some((l) => / warning: edited since the build /u.test(l));
    if (skip !== undefined || afterEdit) continue;
    it(`${example.command} prints what the README shows`, async () => {
      const [tool, command, ...args] = words(example.command);
      expect(tool).toBe('edpm-rolegen');
      let r: CliRun;
      if (command === 'import') {
        const cwd = mkdtempSync(join(tmpdir(), 'rolegen-readme-'));
        try {
          symlinkSync(join(ROOT, 'test'), join(cwd, 'test'));
          r = rolegenProcess([command, ...args], cwd);
        } finally {
          rmSync(cwd, { recursive: true, force: true });
        }
      } else {
        r = await runRolegen([command!, ...args]);
      }
      expect(r.status, r.stderr).toBe(STATUS.find(([pattern]) => pattern.test(example.command))?.[1] ?? 0);
      // What the terminal shows: here the examples print on one stream only (the answers on stdout, import's report on stderr).
      expect(r.stdout === '' || r.stderr === '', r.stdout + r.stderr).toBe(true);
      const actual = `${r.stdout}${r.stderr}`.replace(/\n$/u, '').split('\n');
      expect(mismatch(example.shown, actual), r.stdout + r.stderr).toBeNull();
    });
  }

  it('the examples left out are those named, each still in the README', () => {
    for (const [pattern] of NOT_RUN) expect(all.some((e) => pattern.test(e.command))).toBe(true);
    expect(all.filter((e) => e.shown.some((l) => / warning: edited since the build /u.test(l)))).toHaveLength(1);
  });
});
