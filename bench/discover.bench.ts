/**
 * Discovery speed: scanning and auditing a synthetic roles tree of 10,000
 * roles (target: under 1 s).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPlanFileWithSource } from '../src/plan/load.js';
import { builtInPlanPath } from '../src/package-root.js';
import { auditRolesTree } from '../src/roles-tree/audit.js';
import { scanRolesTree } from '../src/roles-tree/scan.js';
import { msOf } from './timing.js';

export async function run(): Promise<void> {
  const roles = 10_000;
  const dir = mkdtempSync(join(tmpdir(), 'rolegen-bench-tree-'));
  try {
    for (let i = 0; i < roles; i++) {
      const tasks = join(dir, `edpm_role_${i}`, 'tasks');
      mkdirSync(tasks, { recursive: true });
      const files = i % 3 === 0 ? ['main', 'update', 'run'] : i % 3 === 1 ? ['main', 'update', 'install'] : ['main', 'configure'];
      for (const f of files) writeFileSync(join(tasks, `${f}.yml`), '---\n[]\n');
    }
    const { plan, source } = loadPlanFileWithSource(builtInPlanPath());
    const times: number[] = [];
    let findings = 0;
    for (let i = 0; i < 4; i++) {
      times.push(msOf(() => (findings = auditRolesTree(scanRolesTree(dir), plan, source).diagnostics.length)));
    }
    const best = Math.min(...times.slice(1));
    const cold = times[0]!;
    console.log('discover: scan + audit of a synthetic tree of %d roles (%d findings)', roles, findings);
    console.log('  first run %s ms, best of 3 more %s ms; target < 1000 ms %s', cold.toFixed(1), best.toFixed(1), cold < 1000 ? 'OK' : 'OVER');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
