/**
 * The warning explain and lint give when the plan is not the text the
 * output folder was built from: one check (readPlanOnDisk), each state
 * worded for the command; explain's wording as it was.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic, InputError, fileError } from '../../../src/core/diagnostics.js';
import { planStateWarning } from '../../../src/cli/plan-state-warning.js';
import { readOutputProvenance, readPlanOnDisk, type PlanOnDisk } from '../../../src/provenance/explain.js';
import { runRolegen } from '../../support/cli.js';
import { DEFAULT_PLAN } from '../../support/paths.js';

const state = (s: PlanOnDisk['state'], problem: InputError | null = null): PlanOnDisk => ({ state: s, text: null, problem });
const worded = (now: PlanOnDisk, command: 'explain' | 'lint'): string | null => {
  const d = planStateWarning('my-plan.yaml', now, command);
  return d === null ? null : formatDiagnostic(d);
};
const notUtf8 = new InputError([fileError('my-plan.yaml', 'byte 0xe9 is not valid UTF-8; save the file as UTF-8')]);

describe('planStateWarning', () => {
  it('as built: nothing to say, for either command', () => {
    expect(worded(state('as-built'), 'explain')).toBeNull();
    expect(worded(state('as-built'), 'lint')).toBeNull();
  });

  it("explain: the wording explain has always given", () => {
    expect(worded(state('edited'), 'explain')).toBe(
      'my-plan.yaml:1:1: warning: edited since the build (its SHA-256 is not the one in the provenance map): plan lines may have moved, so the plan positions here may be stale; build again to explain the plan as it is',
    );
    expect(worded(state('missing'), 'explain')).toBe(
      'my-plan.yaml:1:1: warning: the plan file the output folder was built from is not there: the plan positions here are those of the plan as built, and cannot be checked',
    );
    expect(worded(state('unreadable', notUtf8), 'explain')).toBe(
      'my-plan.yaml:1:1: warning: cannot be read to check it against the build (byte 0xe9 is not valid UTF-8; save the file as UTF-8): the plan positions here are those of the plan as built',
    );
  });

  it('lint: the same states, worded for the findings', () => {
    expect(worded(state('edited'), 'lint')).toBe(
      'my-plan.yaml:1:1: warning: edited since the build (its SHA-256 is not the one in the provenance map): plan lines may have moved, so the plan positions of the findings may be stale; build again, then lint, to trace the findings to the plan as it is',
    );
    expect(worded(state('missing'), 'lint')).toBe(
      'my-plan.yaml:1:1: warning: the plan file the output folder was built from is not there: the plan positions of the findings are those of the plan as built, and cannot be checked',
    );
    expect(worded(state('unreadable', notUtf8), 'lint')).toBe(
      'my-plan.yaml:1:1: warning: cannot be read to check it against the build (byte 0xe9 is not valid UTF-8; save the file as UTF-8): the plan positions of the findings are those of the plan as built',
    );
  });

  it('an old map without the digest: the same note for both', () => {
    const note = 'my-plan.yaml:1:1: note: the provenance map records no digest of the plan (an earlier edpm-rolegen wrote it): whether the plan was edited since the build cannot be told; build again to record it';
    expect(worded(state('unrecorded'), 'explain')).toBe(note);
    expect(worded(state('unrecorded'), 'lint')).toBe(note);
  });
});

// The states lint words, from a real output folder: the check is explain's readPlanOnDisk.
describe('the plan of a built folder, as lint reads it', () => {
  let dir: string;
  let plan: string;
  let out: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rolegen-plan-state-'));
    plan = join(dir, 'plan.yaml');
    out = join(dir, 'out');
    copyFileSync(DEFAULT_PLAN, plan);
    expect((await runRolegen(['build', '--plan', plan, '--out', out])).status).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('as built, then edited, then gone', () => {
    const text = readFileSync(plan, 'utf8');
    expect(readPlanOnDisk(readOutputProvenance(out)).state).toBe('as-built');
    writeFileSync(plan, `# reviewed\n${text}`);
    const edited = readPlanOnDisk(readOutputProvenance(out));
    expect(edited.state).toBe('edited');
    expect(worded(edited, 'lint')).toMatch(/: warning: edited since the build .* the plan positions of the findings may be stale/u);
    rmSync(plan);
    expect(readPlanOnDisk(readOutputProvenance(out)).state).toBe('missing');
    writeFileSync(plan, text);
  });
});
