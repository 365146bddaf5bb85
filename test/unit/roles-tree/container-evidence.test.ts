/**
 * What counts as managing containers in a task file (issue 13, contract 10).
 * The lines are shaped like edpm-ansible's task files.
 */
import { describe, expect, it } from 'vitest';
import { containerEvidence } from '../../../src/roles-tree/container-evidence.js';

describe('container evidence in a task file', () => {
  it.each([
    ['- ansible.builtin.include_role:\n    name: osp.edpm.edpm_container_manage\n', 'edpm_container_manage', 2],
    ['- import_role:\n    name: edpm_container_standalone\n', 'edpm_container_standalone', 2],
    ['- name: x\n  containers.podman.podman_container:\n    name: ovn_controller\n', 'containers.podman', 2],
    ['- podman_image:\n    name: foo\n', 'a podman module', 1],
    ['- ansible.builtin.command: podman rm -f nova_compute\n', 'the podman command', 1],
    ['- ansible.builtin.copy:\n    dest: /etc/containers/systemd/ovn.container\n', 'a quadlet', 2],
    ['- ansible.builtin.template:\n    dest: "/etc/x/{{ name }}.container"\n', 'a quadlet', 2],
    ['- ansible.builtin.systemd_service:\n    name: edpm_kepler.service\n    state: restarted\n', 'a container unit (edpm_<container>.service)', 2],
  ])('finds %j', (text, what, line) => {
    expect(containerEvidence(text)).toEqual({ what, line });
  });

  it.each([
    // edpm_nftables run.yml: a host command
    '- ansible.builtin.command: nft -f /etc/nftables/edpm-chains.nft\n',
    // edpm_sshd run.yml: a host service
    '- ansible.builtin.systemd:\n    name: sshd\n    enabled: true\n',
    // edpm_instanceha_monitoring run.yml: a timer
    '- ansible.builtin.systemd_service:\n    name: instanceha-heartbeat.timer\n    state: started\n',
    // edpm_timezone run.yml
    '- ansible.builtin.systemd:\n    name: "{{ time_svc }}"\n    state: restarted\n  loop: [rsyslog, crond]\n',
    // a comment is not a task
    '# podman run is done by edpm_container_manage elsewhere\n- ansible.builtin.debug:\n    msg: hi\n',
    // words that only look alike
    '- ansible.builtin.set_fact:\n    containers: []\n    edpm_containers_enabled: true\n',
  ])('finds none in %j', (text) => {
    expect(containerEvidence(text)).toBeNull();
  });
});
