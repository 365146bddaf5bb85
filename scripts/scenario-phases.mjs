#!/usr/bin/env node
// @ts-check
// Reads Molecule scenario logs written by molecule/run-scenario.sh (with the
// ansible.posix profile_tasks and timer callbacks it enables) and prints, per
// scenario and per phase (check, converge, idempotence, ...), the tasks run
// on the node (a result other than `skipping`; includes, which run on the
// controller, not counted) and the phase's wall time as profile_tasks
// measured it.
//   node scripts/scenario-phases.mjs LOG...
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

/**
 * A phase of a scenario's log (`seconds`: null until its recap line is read).
 * @typedef {{ phase: string, tasks: number, roleTasks: number, seconds: number | null }} Phase
 */

/**
 * The phases of one log: name, tasks run, of which the role's own, seconds.
 * @param {string} text
 * @returns {(Phase & { seconds: number })[]}
 */
export function phasesOf(text) {
  /** @type {Phase[]} */
  const phases = [];
  /** @type {Phase | null} */
  let current = null;
  /** @type {{ name: string, counted: boolean } | null} */
  let task = null;
  for (const line of text.split('\n')) {
    const start = /^INFO\s+\[[^\]>]+> ([a-z_]+)\] Executing/.exec(line);
    if (start !== null) {
      current = { phase: start[1] ?? '', tasks: 0, roleTasks: 0, seconds: null };
      phases.push(current);
      task = null;
      continue;
    }
    if (current === null) continue;
    const header = /^(?:TASK|RUNNING HANDLER) \[(.*)\] \**$/.exec(line);
    if (header !== null) {
      task = { name: header[1] ?? '', counted: false };
      continue;
    }
    if (task !== null && !task.counted && /^(ok|changed|fatal|failed): \[/.test(line)) {
      task.counted = true;
      current.tasks++;
      if (/^edpm_update_(services|system) : /.test(task.name)) current.roleTasks++;
    }
    const recap = /^\w+ \d+ \w+ \d+\s+[\d:]+ [+-]\d+ \([\d:.]+\)\s+(\d+):(\d+):([\d.]+) \**$/.exec(line);
    if (recap !== null) current.seconds = Number(recap[1]) * 3600 + Number(recap[2]) * 60 + Number(recap[3]);
  }
  return phases.filter(/** @returns {p is Phase & { seconds: number }} */ (p) => p.seconds !== null && p.tasks > 0);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const log of process.argv.slice(2)) {
    console.log(basename(log, '.log'));
    for (const p of phasesOf(readFileSync(log, 'utf8'))) {
      console.log(`  ${p.phase.padEnd(12)} ${String(p.tasks).padStart(3)} tasks run (${String(p.roleTasks).padStart(2)} of the role's own)  ${p.seconds.toFixed(1).padStart(6)} s`);
    }
  }
}
