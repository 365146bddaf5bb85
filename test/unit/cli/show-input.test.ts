/**
 * show with sloppy and hostile input: a service type that no step can
 * match (a typo), `__proto__` in an -e mapping, the header when -e sets
 * the service types, JSON nested deeper than anything Ansible reads.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRolegen } from '../../support/cli.js';

describe('show --services', () => {
  it('refuses a name that is not a service type (no step could ever match it), exit 2', async () => {
    const r = await runRolegen(['show', '--services', 'Nova,ovn,x y']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      '<command line>:1:1: error: --services: "Nova" is not a service type: expected lowercase letters and digits, words joined by single -\n' +
        '<command line>:1:1: error: --services: "x y" is not a service type: expected lowercase letters and digits, words joined by single -\n',
    );
  });
});

describe('show -e', () => {
  it('a mapping with __proto__ is a variable of that name, not the value of every variable', async () => {
    const r = await runRolegen(['show', '--json', '-e', '{"__proto__": {"edpm_service_types": ["nova"]}}']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { vars: Record<string, unknown>; phases: { steps: { text: string }[] }[] };
    // As on a node: edpm_service_types is not set, so phase 1 stops at the argument validation.
    expect(doc.phases[0]!.steps.map((s) => s.text).join('\n')).not.toContain('service type nova');
    expect(doc.phases[0]!.steps.map((s) => s.text).join('\n')).toContain('edpm_service_types is undefined');
    expect(Object.keys(doc.vars)).toEqual(['__proto__']);
  });

  it('the header says the service types -e gives, not "(not set)"', async () => {
    const r = await runRolegen(['show', '-e', '{"edpm_service_types": ["nova", "ovn"]}']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('update-services (edpm_update_services), service types: nova, ovn (-e edpm_service_types)');
    expect(r.stdout).toContain('(service type nova)');
    // key=value gives a string, as ansible-playbook does (a space ends it): the header quotes it
    const kv = await runRolegen(['show', '-e', 'edpm_service_types=[nova,ovn]']);
    expect(kv.stdout.split('\n')[0]).toBe('update-services (edpm_update_services), service types: "[nova,ovn]" (-e edpm_service_types)');
  });

  it('JSON nested 100,000 levels deep (JSON.parse reads it): refused at the file, exit 2; 999 levels are read, text and --json', async () => {
    // Before: "edpm-rolegen: error: Maximum call stack size exceeded", exit 1 (a walk of the values recursed).
    // Python's json, which Ansible reads -e with, gives up near 1,000 levels (RecursionError): deeper is no real input.
    const dir = mkdtempSync(join(tmpdir(), 'rolegen-show-deep-'));
    try {
      const nested = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
      writeFileSync(join(dir, 'deep.json'), `{"x": ${nested(100_000)}}`);
      for (const args of [['-e', `@${join(dir, 'deep.json')}`], ['--json', '-e', `@${join(dir, 'deep.json')}`]]) {
        const r = await runRolegen(['show', '--services', 'ovn', ...args]);
        expect(r.stderr).toBe(`${join(dir, 'deep.json')}:1:1: error: values nested 100001 levels deep; show reads at most 1000 (Ansible reads -e with Python's json, which stops near 1,000 with a RecursionError)\n`);
        expect(r.status).toBe(2);
      }
      const inline = await runRolegen(['show', '--services', 'ovn', '-e', `{"x": ${nested(5_000)}}`]);
      expect(inline.status).toBe(2);
      expect(inline.stderr).toMatch(/^-e:1:1: error: ".*": values nested 5001 levels deep; show reads at most 1000 /u);
      writeFileSync(join(dir, 'fine.json'), `{"x": ${nested(998)}}`);
      for (const args of [['-e', `@${join(dir, 'fine.json')}`], ['--json', '-e', `@${join(dir, 'fine.json')}`]]) {
        const r = await runRolegen(['show', '--services', 'ovn', ...args]);
        expect(r.stderr).toBe('');
        expect(r.status).toBe(0);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
