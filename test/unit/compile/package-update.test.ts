import { memberOriginOf } from '../../../src/compile/origin.js';
import { describe, expect, it } from 'vitest';
import { dnfUpdateTask, packageListVariables, packageUpdateVars, switchVariable } from '../../../src/compile/package-update.js';

describe('the package update both roles make', () => {
  const vars = packageUpdateVars('edpm_update_services');
  it('names its variables after the role, as the hand-written roles did', () => {
    expect(vars).toEqual({
      enablePackages: 'edpm_update_services_enable_packages_update',
      includePackages: 'edpm_update_services_include_packages',
      excludePackages: 'edpm_update_services_exclude_packages',
      alwaysExcluded: 'edpm_update_services_always_excluded_packages',
      exclusionPattern: 'edpm_update_services_exclusion_pattern',
      refusedPackages: 'edpm_update_services_refused_packages',
      updateResult: 'edpm_update_services_packages_update',
    });
  });
  it('updates only installed packages to their latest version, unique applied to the whole sum of exclusions', () => {
    const task = dnfUpdateTask('Update', vars, [vars.alwaysExcluded, vars.excludePackages, '(x if y else [])'], { [vars.alwaysExcluded]: ['kernel'] }, ['t']);
    expect(task['ansible.builtin.dnf']).toEqual({
      name: '{{ edpm_update_services_include_packages }}',
      state: 'latest',
      update_only: true,
      update_cache: true,
      exclude: '{{ (edpm_update_services_always_excluded_packages + edpm_update_services_exclude_packages + (x if y else [])) | unique }}',
    });
    expect(task).toMatchObject({ name: 'Update', become: true, tags: ['t'], vars: { edpm_update_services_always_excluded_packages: ['kernel'] } });
  });
  it('describes the include list with its default and the exclude list empty', () => {
    const from = { pointer: '/updateServices/essentialPackages', rule: 'the plan says so' };
    const [include, exclude] = packageListVariables(vars, { default: ['openstack-selinux'], description: 'Included.', from }, ['Excluded.']);
    expect(include).toMatchObject({ name: vars.includePackages, type: 'list', elements: 'str', default: ['openstack-selinux'], description: ['Included.'], from });
    // provenance: each package of the default points at its plan entry
    expect(memberOriginOf(include!.default, 0)).toMatchObject({ pointer: '/updateServices/essentialPackages/0', rule: 'the plan says so' });
    expect(exclude).toMatchObject({ name: vars.excludePackages, default: [], description: ['Excluded.'] });
    expect(switchVariable(vars.enablePackages, true, 'On.')).toEqual({ name: vars.enablePackages, type: 'bool', default: true, description: ['On.'] });
  });
});
