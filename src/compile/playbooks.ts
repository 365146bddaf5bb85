/**
 * The playbooks the dataplane operator runs (`playbooks/update_services.yml`,
 * `playbooks/update_system.yml`) and the OpenStackDataPlaneService manifests
 * that name them.
 */
import { roleTags, type PhaseEntryPoint } from '../model/roles.js';
import { yamlText } from './yaml-text.js';

/** The playbook of a phase, with the variables every EDPM playbook takes. */
export function playbookFile(collection: string, phase: PhaseEntryPoint, header: readonly string[]): string {
  return yamlText(
    [
      {
        name: phase.title,
        hosts: "{{ edpm_override_hosts | default('all', true) }}",
        strategy: 'linear',
        gather_facts: '{{ gather_facts | default(false) }}',
        any_errors_fatal: '{{ edpm_any_errors_fatal | default(true) }}',
        max_fail_percentage: '{{ edpm_max_fail_percentage | default(0) }}',
        tasks: [
          {
            name: `Run ${phase.role}`,
            'ansible.builtin.import_role': { name: `${collection}.${phase.role}` },
            environment: '{{ edpm_playbook_environment | default({}) }}',
            tags: [...roleTags(phase.role)],
          },
        ],
      },
    ],
    { header },
  );
}

/** The OpenStackDataPlaneService manifest of a phase. */
export function serviceManifestFile(collection: string, phase: PhaseEntryPoint, header: readonly string[]): string {
  return yamlText(
    {
      apiVersion: 'dataplane.openstack.org/v1beta1',
      kind: 'OpenStackDataPlaneService',
      metadata: { name: phase.serviceType },
      spec: { playbook: `${collection}.${phase.playbook}`, edpmServiceType: phase.serviceType },
    },
    { header },
  );
}
