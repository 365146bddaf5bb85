#!/usr/bin/env node
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

/** Median of a non-empty list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Rows of the report: one per phase, run and part ("whole", "own"), in the order of the file. */
export function compareRows(text) {
  const groups = new Map();
  for (const line of text.split('\n')) {
    const m = /^(\S+) (\S+) (handwritten|generated) (\{.*\})$/.exec(line.trim());
    if (m === null) continue;
    const key = `${m[1]} ${m[2]}`;
    if (!groups.has(key)) groups.set(key, { phase: m[1], run: m[2], handwritten: [], generated: [] });
    groups.get(key)[m[3]].push(JSON.parse(m[4]));
  }
  const rows = [];
  for (const g of groups.values()) {
    if (g.handwritten.length === 0 || g.generated.length === 0) continue;
    const parts = [['whole', (r) => r.seconds, (r) => r.node_tasks]];
    if ([...g.handwritten, ...g.generated].some((r) => (r.service_role_node_tasks ?? 0) > 0)) {
      parts.push(['own', (r) => r.seconds - (r.service_role_seconds ?? 0), (r) => r.node_tasks - (r.service_role_node_tasks ?? 0)]);
    }
    for (const [part, seconds, tasks] of parts) {
      const side = (list) => ({ seconds: median(list.map(seconds)), nodeTasks: median(list.map(tasks)), runs: list.length });
      const hw = side(g.handwritten);
      const gen = side(g.generated);
      rows.push({ phase: g.phase, run: g.run, part, handwritten: hw, generated: gen, ratio: gen.seconds / hw.seconds, taskRatio: gen.nodeTasks / hw.nodeTasks });
    }
  }
  return rows;
}

/** The report's text. */
export function compareReport(rows) {
  const lines = ['phase            run     part   hand-written (stand-in)   generated                 generated/hand-written: time, node tasks'];
  for (const r of rows) {
    const cell = (s) => `${String(s.nodeTasks).padStart(2)} node tasks ${s.seconds.toFixed(1).padStart(5)} s`.padEnd(26);
    const median = r.generated.runs > 1 ? `, median of ${r.generated.runs}` : '';
    lines.push(
      `${r.phase.padEnd(16)} ${r.run.padEnd(7)} ${r.part.padEnd(6)} ${cell(r.handwritten)} ${cell(r.generated)} ${r.ratio.toFixed(2)}x, ${r.taskRatio.toFixed(2)}x (target <= ${TARGET_RATIO.toFixed(2)}${median})`,
    );
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(compareReport(compareRows(readFileSync(process.argv[2], 'utf8'))));
}
