/**
 * The warning `explain` and `lint` give when the plan file is no longer the
 * text the provenance map was built from (provenance/explain.ts's
 * `readPlanOnDisk` tells which): one check, one set of states, each
 * worded for the command that shows plan positions from the map.
 */
import { diagnosticAt, fileWarning, type Diagnostic } from '../core/diagnostics.js';
import type { PlanOnDisk } from '../provenance/explain.js';

/** The commands that show the map's plan positions, and what each calls them and offers to do again. */
const WORDING = {
  explain: { positions: 'the plan positions here', again: ' to explain the plan as it is' },
  lint: { positions: 'the plan positions of the findings', again: ', then lint, to trace the findings to the plan as it is' },
} as const;

/**
 * Why the map's plan positions may not be those of the plan file as it is
 * (`plan`, as shown to the user), or null when it is the text the map was
 * built from.
 */
export function planStateWarning(plan: string, now: PlanOnDisk, command: keyof typeof WORDING): Diagnostic | null {
  const { positions, again } = WORDING[command];
  switch (now.state) {
    case 'as-built':
      return null;
    case 'edited':
      return fileWarning(plan, `edited since the build (its SHA-256 is not the one in the provenance map): plan lines may have moved, so ${positions} may be stale; build again${again}`);
    case 'missing':
      return fileWarning(plan, `the plan file the output folder was built from is not there: ${positions} are those of the plan as built, and cannot be checked`);
    case 'unreadable':
      return fileWarning(plan, `cannot be read to check it against the build (${now.problem?.diagnostics[0]?.message ?? 'unreadable'}): ${positions} are those of the plan as built`);
    case 'unrecorded':
      return diagnosticAt(plan, { line: 1, col: 1 }, 'the provenance map records no digest of the plan (an earlier edpm-rolegen wrote it): whether the plan was edited since the build cannot be told; build again to record it', { severity: 'note' });
  }
}
