import { describe, expect, it } from 'vitest';
import { PHASES, roleTags, stepTag, UPDATE_SERVICES_ROLE, UPDATE_SYSTEM_ROLE } from '../../../src/model/roles.js';

describe('the generated roles as every stage names them', () => {
  it('has the two phases in order, each naming its role, playbook and dataplane service type', () => {
    expect(PHASES.map((p) => [p.number, p.role, p.playbook, p.serviceType])).toEqual([
      [1, UPDATE_SERVICES_ROLE, 'update_services', 'update-services'],
      [2, UPDATE_SYSTEM_ROLE, 'update_system', 'update-system'],
    ]);
  });
  it('tags every task with edpm_update and its role, and a step with its own tag', () => {
    expect(roleTags(UPDATE_SYSTEM_ROLE)).toEqual(['edpm_update', 'edpm_update_system']);
    expect(roleTags(UPDATE_SYSTEM_ROLE, 'kpatch')).toEqual(['edpm_update', 'edpm_update_system', 'edpm_update_system_kpatch']);
    expect(stepTag(UPDATE_SERVICES_ROLE, 'packages')).toBe('edpm_update_services_packages');
  });
});
