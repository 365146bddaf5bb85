import { describe, expect, it } from 'vitest';
import { compareReport, compareRows, median } from '../../../bench/node/compare-report.mjs';

// Lines as bench/node/compare.sh writes them: phase, run, variant, then the
// JSON line of bench/node/callback_plugins/edpm_bench.py (figures shortened
// from a real run of update_system and update_services).
const RESULTS = [
  'update_system update handwritten {"seconds": 8.06, "tasks": 7, "node_tasks": 5, "service_role_seconds": 0, "service_role_node_tasks": 0}',
  'update_system update generated {"seconds": 6.0, "tasks": 9, "node_tasks": 4, "service_role_seconds": 0, "service_role_node_tasks": 0}',
  'update_system rerun generated {"seconds": 2.5, "tasks": 6, "node_tasks": 2, "service_role_seconds": 0, "service_role_node_tasks": 0}',
  'update_system rerun handwritten {"seconds": 3.6, "tasks": 4, "node_tasks": 3, "service_role_seconds": 0, "service_role_node_tasks": 0}',
  'update_system rerun handwritten {"seconds": 3.0, "tasks": 4, "node_tasks": 3, "service_role_seconds": 0, "service_role_node_tasks": 0}',
  'update_system rerun generated {"seconds": 9.0, "tasks": 6, "node_tasks": 2, "service_role_seconds": 0, "service_role_node_tasks": 0}',
  'update_system rerun generated {"seconds": 2.7, "tasks": 6, "node_tasks": 2, "service_role_seconds": 0, "service_role_node_tasks": 0}',
  'update_system rerun handwritten {"seconds": 3.9, "tasks": 4, "node_tasks": 3, "service_role_seconds": 0, "service_role_node_tasks": 0}',
  'update_services update handwritten {"seconds": 30.0, "tasks": 48, "node_tasks": 13, "service_role_seconds": 20.0, "service_role_node_tasks": 10}',
  'update_services update generated {"seconds": 28.0, "tasks": 50, "node_tasks": 13, "service_role_seconds": 21.0, "service_role_node_tasks": 10}',
  'a line that is not a result',
].join('\n');

describe('bench:node --compare report', () => {
  const rows = compareRows(RESULTS);
  /** The row of phase, run and part; fails when the report has none. */
  const rowOf = (key: string) => {
    const row = rows.find((r) => `${r.phase} ${r.run} ${r.part}` === key);
    if (row === undefined) throw new Error(`no row "${key}" in the report`);
    return row;
  };
  it('pairs the two roles per phase and run, the median of repeated runs, the ratio generated / hand-written', () => {
    expect(rows.map((r) => `${r.phase} ${r.run} ${r.part}`)).toEqual([
      'update_system update whole',
      'update_system rerun whole',
      'update_services update whole',
      'update_services update own',
    ]);
    const rerun = rowOf('update_system rerun whole');
    expect(rerun.generated).toEqual({ seconds: 2.7, nodeTasks: 2, runs: 3 });
    expect(rerun.handwritten).toEqual({ seconds: 3.6, nodeTasks: 3, runs: 3 });
    expect(rerun.ratio).toBeCloseTo(0.75, 5);
    expect(rerun.taskRatio).toBeCloseTo(2 / 3, 5);
  });
  it('gives the role\'s own part apart when service roles ran: the whole minus their tasks', () => {
    const own = rowOf('update_services update own');
    expect(own.handwritten).toEqual({ seconds: 10, nodeTasks: 3, runs: 1 });
    expect(own.generated).toEqual({ seconds: 7, nodeTasks: 3, runs: 1 });
    expect(own.ratio).toBeCloseTo(0.7, 5);
  });
  it('prints one line per row with both ratios and the target', () => {
    const text = compareReport(rows);
    expect(text.split('\n')).toHaveLength(5);
    expect(text).toContain('update_system    rerun   whole   3 node tasks   3.6 s');
    expect(text).toMatch(/update_system +rerun +whole .* 0\.75x, 0\.67x \(target <= 0\.80, median of 3\)/u);
  });
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    // (no runs has no median: an error, where the report once printed NaN)
    expect(() => median([])).toThrow(/median of no values/u);
  });
});
