import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { compilePlan } from '../../../src/compile/compile-plan.js';
import { parsePlan } from '../../../src/plan/load.js';
import { CLI } from '../../support/paths.js';
import { defaultPlanData } from '../../support/plans.js';

/** A copy of data whose mappings have their keys in another order, chosen by `pick`. */
function shuffleKeys(value: unknown, pick: (n: number) => number): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffleKeys(v, pick));
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    const shuffled: [string, unknown][] = [];
    while (entries.length > 0) shuffled.push(entries.splice(pick(entries.length), 1)[0]!);
    return Object.fromEntries(shuffled.map(([k, v]) => [k, shuffleKeys(v, pick)]));
  }
  return value;
}

const asText = (tree: ReadonlyMap<string, string>): string => [...tree].map(([p, c]) => `${p}\n${c}`).join('\u0000');

describe('determinism', () => {
  const reference = asText(compilePlan(parsePlan(stringify(defaultPlanData()), 'plan.yaml')));

  it('gives the same bytes on every compile', () => {
    const again = asText(compilePlan(parsePlan(stringify(defaultPlanData()), 'plan.yaml')));
    expect(again).toBe(reference);
  });

  it('does not depend on the order of keys in the plan file', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 64, maxLength: 64 }), (choices) => {
        let i = 0;
        const shuffled = shuffleKeys(defaultPlanData(), (n) => (choices[i++ % choices.length] ?? 0) % n);
        const text = stringify(shuffled);
        expect(asText(compilePlan(parsePlan(text, 'plan.yaml')))).toBe(reference);
      }),
      { numRuns: 25 },
    );
  });

  it('does not depend on the plan being JSON or YAML, nor on its file name', () => {
    const json = JSON.stringify(defaultPlanData(), null, 1);
    expect(asText(compilePlan(parsePlan(json, '/somewhere/else/plan.json')))).toBe(reference);
  });

  it('writes the same bytes whatever the locale, time zone and clock', () => {
    const outs = ['C', 'tr_TR.UTF-8'].map((locale, n) => {
      const dir = mkdtempSync(join(tmpdir(), 'rolegen-det-'));
      try {
        execFileSync(process.execPath, [CLI, 'build', '--out', join(dir, 'out')], {
          env: { ...process.env, LANG: locale, LC_ALL: locale, TZ: n === 0 ? 'UTC' : 'Pacific/Kiritimati' },
        });
        return readFileSync(join(dir, 'out', '.edpm-rolegen-manifest.json'), 'utf8');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
    expect(outs[0]).toBe(outs[1]);
    expect(outs[0]).toContain('edpm_update_services/tasks/main.yml');
  });
});
