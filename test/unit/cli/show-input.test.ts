/**
 * show with sloppy and hostile input: a service type that no step can
 * match (a typo), `__proto__` in an -e mapping, the header when -e sets
 * the service types.
 */
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
});
