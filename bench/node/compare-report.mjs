#!/usr/bin/env node
// @ts-check
// Prints the table of bench/node/compare.sh from its results file (lines
// "PHASE RUN VARIANT JSON", JSON from callback_plugins/edpm_bench.py): per
// phase and run, the tasks that reached the node and the wall time (median
// of the repeated runs) of the hand-written stand-in and of the generated
// role, and the ratio generated / hand-written (target: at most 0.8). When
// the phase includes service roles (the same fixture roles in both runs),
// a second line gives the role's own part: the whole minus the tasks of the
// included service roles.
//   node bench/node/compare-report.mjs RESULTS
import { readFileSync } from 'node:fs';

/** The target of issue 17: generated / hand-written, at most. */
export const TARGET_RATIO = 0.8;

/**
 * One run of a role, as the callback plugin records it.
 * @typedef {{ seconds: number, node_tasks: number, service_role_seconds?: number, service_role_node_tasks?: number }} RunResult
 */
/**
 * One side of a row: the medians of its runs.
 * @typedef {{ seconds: number, nodeTasks: number, runs: number }} Side
 */
/**
 * A row of the report.
 * @typedef {{ phase: string, run: string, part: string, handwritten: Side, generated: Side, ratio: number, taskRatio: number }} CompareRow
 */

/**
 * Median of a non-empty list of numbers.
 * @param {readonly number[]} values
 * @returns {number}
 */
export function median(values) {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const at = (/** @type {number} */ i) => /** @type {number} */ (sorted[i]);
  return sorted.length % 2 === 1 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}

/**
 * Rows of the report: one per phase, run and part ("whole", "own"), in the order of the file.
 * @param {string} text
 * @returns {CompareRow[]}
 */
export function compareRows(text) {
  /** @type {Map<string, { phase: string, run: string, handwritten: RunResult[], generated: RunResult[] }>} */
  const groups = new Map();
  for (const line of text.split('\n')) {
    const m = /^(\S+) (\S+) (handwritten|generated) (\{.*\})$/.exec(line.trim());
    if (m === null) continue;
    const [, phase = '', run = '', variant, json = ''] = m;
    const key = `${phase} ${run}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { phase, run, handwritten: [], generated: [] };
      groups.set(key, group);
    }
    (variant === 'handwritten' ? group.handwritten : group.generated).push(/** @type {RunResult} */ (JSON.parse(json)));
  }
  const rows = [];
  for (const g of groups.values()) {
    if (g.handwritten.length === 0 || g.generated.length === 0) continue;
    /** @type {[string, (r: RunResult) => number, (r: RunResult) => number][]} */
    const parts = [['whole', (r) => r.seconds, (r) => r.node_tasks]];
    if ([...g.handwritten, ...g.generated].some((r) => (r.service_role_node_tasks ?? 0) > 0)) {
      parts.push(['own', (r) => r.seconds - (r.service_role_seconds ?? 0), (r) => r.node_tasks - (r.service_role_node_tasks ?? 0)]);
    }
    for (const [part, seconds, tasks] of parts) {
      const side = (/** @type {RunResult[]} */ list) => ({ seconds: median(list.map(seconds)), nodeTasks: median(list.map(tasks)), runs: list.length });
      const hw = side(g.handwritten);
      const gen = side(g.generated);
      rows.push({ phase: g.phase, run: g.run, part, handwritten: hw, generated: gen, ratio: gen.seconds / hw.seconds, taskRatio: gen.nodeTasks / hw.nodeTasks });
    }
  }
  return rows;
}

/**
 * The report's text.
 * @param {readonly CompareRow[]} rows
 * @returns {string}
 */
export function compareReport(rows) {
  const lines = ['phase            run     part   hand-written (stand-in)   generated                 generated/hand-written: time, node tasks'];
  for (const r of rows) {
    const cell = (/** @type {Side} */ s) => `${String(s.nodeTasks).padStart(2)} node tasks ${s.seconds.toFixed(1).padStart(5)} s`.padEnd(26);
    const median = r.generated.runs > 1 ? `, median of ${r.generated.runs}` : '';
    lines.push(
      `${r.phase.padEnd(16)} ${r.run.padEnd(7)} ${r.part.padEnd(6)} ${cell(r.handwritten)} ${cell(r.generated)} ${r.ratio.toFixed(2)}x, ${r.taskRatio.toFixed(2)}x (target <= ${TARGET_RATIO.toFixed(2)}${median})`,
    );
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = process.argv[2];
  if (results === undefined) {
    process.stderr.write('usage: compare-report.mjs RESULTS\n');
    process.exit(2);
  }
  console.log(compareReport(compareRows(readFileSync(results, 'utf8'))));
}
