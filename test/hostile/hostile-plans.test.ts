import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { compilePlan } from '../../src/compile/compile-plan.js';
import { InputError } from '../../src/core/diagnostics.js';
import { parsePlan } from '../../src/plan/load.js';
import { hostileBase, PLAN_FIELDS } from '../support/plan-fields.js';

const corpus = (JSON.parse(readFileSync(new URL('./corpus.json', import.meta.url), 'utf8')) as { strings: string[] }).strings;

/** Characters that can carry meaning to YAML, Jinja or a shell. A value emitted with none of them is inert. */
const INERT = /^[A-Za-z0-9._+*?[\]@/-]+$/u;

/** Every string scalar of a parsed YAML value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)]);
  return [];
}

describe('hostile strings in every plan field', () => {
  const counts = { tried: 0, rejected: 0, inert: 0, unsafe: 0 };
  const unsafe: string[] = [];

  for (const field of PLAN_FIELDS) {
    it(`${field.pointer}: each string is rejected with a clear error, or emitted inert`, () => {
      for (const value of corpus) {
        counts.tried++;
        const data = hostileBase();
        field.set(data, value);
        const text = stringify(data);
        let plan;
        try {
          plan = parsePlan(text, 'hostile.yaml');
        } catch (err) {
          expect(err, `${field.pointer} = ${JSON.stringify(value)}`).toBeInstanceOf(InputError);
          const diagnostics = (err as InputError).diagnostics;
          expect(diagnostics.length).toBeGreaterThan(0);
          for (const d of diagnostics) {
            expect(d.file).toBe('hostile.yaml');
            expect(d.line).toBeGreaterThan(0);
            expect(d.col).toBeGreaterThan(0);
            expect(d.message).not.toMatch(/\n/);
          }
          // The error names the field, or the rule that the value broke elsewhere (a repeated step, a dropped exclusion).
          expect(diagnostics.some((d) => d.path.startsWith(field.pointer) || /already includes|must keep|duplicate|is always excluded/.test(d.message)), JSON.stringify(diagnostics)).toBe(true);
          counts.rejected++;
          continue;
        }
        const tree = compilePlan(plan);
        let found = false;
        for (const [path, content] of tree) {
          if (!/\.ya?ml$/u.test(path)) continue;
          const doc = parse(content, { version: '1.1' });
          for (const s of strings(doc)) {
            if (value.length > 0 && s.includes(value)) found = true;
          }
        }
        if (INERT.test(value)) counts.inert++;
        else {
          counts.unsafe++;
          unsafe.push(`${field.pointer} = ${JSON.stringify(value)} (in output: ${String(found)})`);
        }
      }
    });
  }

  it('leaves nothing unsafe, and says how many it tried', () => {
    console.log(`hostile inputs: ${counts.tried} tried, ${counts.rejected} rejected, ${counts.inert} emitted inert, ${counts.unsafe} unsafe`);
    expect(counts.tried).toBe(corpus.length * PLAN_FIELDS.length);
    expect(counts.rejected + counts.inert + counts.unsafe).toBe(counts.tried);
    expect(unsafe).toEqual([]);
    expect(counts.rejected).toBeGreaterThan(counts.tried / 2);
  });
});

describe('YAML-level attacks on a plan file', () => {
  const base = 'updateServices:\n  containerSteps:\n    - serviceType: ovn\n      role: edpm_ovn\n      tasks: [update, run]\n';
  const rejects = (text: string): string[] => {
    try {
      parsePlan(text, 'p.yaml');
    } catch (err) {
      if (err instanceof InputError) return err.diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`);
      throw err;
    }
    throw new Error('accepted');
  };
  it('refuses tags, even harmless-looking ones, at their position', () => {
    expect(rejects(base.replace('role: edpm_ovn', "role: !unsafe '{{ x }}'"))).toEqual(['4:21 YAML tags are not allowed in a plan (found !unsafe)']);
    expect(rejects(base.replace('role: edpm_ovn', 'role: !!python/object/apply:os.system [id]'))[0]).toMatch(/^4:\d+ YAML tags are not allowed/);
    expect(rejects(base.replace('role: edpm_ovn', 'role: !!str edpm_ovn'))[0]).toMatch(/^4:\d+ YAML tags are not allowed in a plan \(found tag:yaml.org,2002:str\)/);
  });
  it('refuses a billion-laughs alias bomb quickly', () => {
    const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(',')}]`);
    expect(rejects(`${lines.join('\n')}\n${base}`)[0]).toMatch(/expand to more than 100 copies of their anchors; the limit is 100/);
  });
  it('refuses deep nesting and oversized text', () => {
    expect(rejects(`x: ${'{a: '.repeat(5000)}1${'}'.repeat(5000)}\n`)[0]).toMatch(/nested 65 levels deep here; the limit is 64 levels/);
    expect(rejects(`${base}# ${'x'.repeat(6 * 1024 * 1024)}\n`)[0]).toMatch(/the limit is 5242880/);
  });
});
