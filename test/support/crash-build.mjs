#!/usr/bin/env node
// @ts-check
/**
 * Test-only entry for the crash-safety test: `node crash-build.mjs PLAN OUT STEP:N`
 * compiles PLAN and writes it to OUT like `edpm-rolegen build` (with the
 * provenance sidecar), through the
 * writer's ordinary onStep hook, and kills its own process (SIGKILL, no
 * clean-up) the N-th time the writer reaches STEP. Runs the compiled library
 * in dist/ (the unit tests' global setup compiles it). Not shipped: the
 * program itself has no crash switch.
 */
import { loadPlanFileWithSource } from '../../dist/src/plan/load.js';
import { compileWithProvenance, planReference } from '../../dist/src/provenance/compile-with-provenance.js';
import { writeTree } from '../../dist/src/write/write-tree.js';

const [plan, out, at] = process.argv.slice(2);
if (plan === undefined || out === undefined) {
  process.stderr.write('usage: crash-build.mjs PLAN OUT [STEP:N]\n');
  process.exit(2);
}
/** @type {((step: string) => void) | undefined} */
let onStep;
if (at !== undefined) {
  const [step, nth] = at.split(':');
  const target = Number(nth ?? '1');
  let seen = 0;
  onStep = (current) => {
    if (current === step && ++seen === target) process.kill(process.pid, 'SIGKILL');
  };
}
const { plan: model, source } = loadPlanFileWithSource(plan);
writeTree(out, compileWithProvenance(model, source, planReference(plan, out)).tree, onStep === undefined ? {} : { onStep });
