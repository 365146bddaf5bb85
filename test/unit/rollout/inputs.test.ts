import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/diagnostics.js';
import { parseNodeList } from '../../../src/rollout/node-list.js';
import { parseDeploymentStatus } from '../../../src/rollout/deployment-status.js';

function diagnostics(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    if (err instanceof InputError) return err.message;
    throw err;
  }
  throw new Error('no InputError');
}

describe('node lists and inventories', () => {
  it('reads a plain list, skipping comments and blank lines, each node once', () => {
    const list = parseNodeList('# computes\ncompute-0\n\ncompute-1  # rack 2\ncompute-0\n', 'nodes.txt');
    expect(list).toEqual({ file: 'nodes.txt', nodes: ['compute-0', 'compute-1'], format: 'list' });
  });

  // The shape the dataplane operator writes for a node set: a group named
  // after the node set, its hosts with their variables.
  const yamlInventory = `
openstack-edpm:
  hosts:
    edpm-compute-0:
      ansible_host: 192.168.122.100
    edpm-compute-1:
      ansible_host: 192.168.122.101
  vars:
    edpm_service_types: [ovn, nova]
networkers:
  hosts:
    edpm-networker-0: {}
  children:
    extra:
      hosts:
        edpm-networker-1:
`;
  it('reads a YAML inventory: every host, or one group with its children', () => {
    expect(parseNodeList(yamlInventory, 'inventory.yml').nodes).toEqual(['edpm-compute-0', 'edpm-compute-1', 'edpm-networker-0', 'edpm-networker-1']);
    expect(parseNodeList(yamlInventory, 'inventory.yml', 'openstack-edpm').nodes).toEqual(['edpm-compute-0', 'edpm-compute-1']);
    expect(parseNodeList(yamlInventory, 'inventory.yml', 'networkers').nodes).toEqual(['edpm-networker-0', 'edpm-networker-1']);
    expect(diagnostics(() => parseNodeList(yamlInventory, 'inventory.yml', 'nope'))).toMatch(/^inventory\.yml:1:1: error: no group "nope" in the inventory/);
  });

  it('an inventory of two YAML documents: where the second starts, in words', () => {
    expect(diagnostics(() => parseNodeList('all:\n  hosts: {compute-0: }\n---\nother: {}\n', 'inv.yml'))).toBe(
      'inv.yml:3:1: error: invalid YAML: a second document starts here (a --- line after content); an inventory is one YAML document: remove the --- line or split the file',
    );
  });

  it('takes --group all as Ansible does: every host, whether or not the inventory writes the group all', () => {
    // Without an all: key (it was refused: no group "all"), and with one, as an INI inventory already was.
    expect(parseNodeList(yamlInventory, 'inventory.yml', 'all').nodes).toEqual(['edpm-compute-0', 'edpm-compute-1', 'edpm-networker-0', 'edpm-networker-1']);
    const written = `all:\n  children:\n${yamlInventory.replace(/^(?=.)/gmu, '    ')}`;
    expect(parseNodeList(written, 'inventory.yml', 'all').nodes).toEqual(['edpm-compute-0', 'edpm-compute-1', 'edpm-networker-0', 'edpm-networker-1']);
    expect(parseNodeList('[computes]\ncompute-0\n[networkers]\nnet-0\n', 'hosts.ini', 'all').nodes).toEqual(['compute-0', 'net-0']);
  });

  it('reads an INI inventory with [group], [group:vars] and [group:children]', () => {
    const ini = '[computes]\ncompute-0 ansible_host=10.0.0.1\ncompute-1\n\n[computes:vars]\nfoo=bar\n\n[edpm:children]\ncomputes\nnetworkers\n\n[networkers]\nnet-0\n';
    expect(parseNodeList(ini, 'hosts.ini')).toEqual({ file: 'hosts.ini', nodes: ['compute-0', 'compute-1', 'net-0'], format: 'ini-inventory' });
    expect(parseNodeList(ini, 'hosts.ini', 'edpm').nodes).toEqual(['compute-0', 'compute-1', 'net-0']);
  });

  it('refuses what is not a node name, at its line and column', () => {
    expect(diagnostics(() => parseNodeList('compute-0\n  compute,1\n', 'nodes.txt'))).toBe(
      'nodes.txt:2:3: error: "compute,1" is not a node name: expected letters, digits and . _ - (a letter or digit first and last)',
    );
    expect(diagnostics(() => parseNodeList('[computes]\ncompute-[0:9]\n', 'hosts.ini'))).toMatch(/^hosts\.ini:2:1: error: "compute-\[0:9\]" is not a node name: .*host ranges/);
    expect(diagnostics(() => parseNodeList('all:\n  hosts:\n    "{{ x }}": {}\n', 'inv.yml'))).toMatch(/^inv\.yml:3:5: error: "\{\{ x \}\}" is not a node name/);
    expect(diagnostics(() => parseNodeList('# nothing\n', 'nodes.txt'))).toBe('nodes.txt:1:1: error: no nodes found');
  });
});

describe('deployment status', () => {
  it('reads a deployment: Ready condition, execution summaries under status, the limit', () => {
    const text = JSON.stringify({
      apiVersion: 'dataplane.openstack.org/v1beta1',
      kind: 'OpenStackDataPlaneDeployment',
      metadata: { name: 'edpm-r1-update-services-wave-2' },
      spec: { nodeSets: ['edpm'], ansibleLimit: 'compute-3,compute-4' },
      status: {
        conditions: [{ type: 'Ready', status: 'False', message: 'Deployment error occurred' }],
        ansibleExecutionSummaries: { 'update-services-edpm-r1-update-services-wave-2-edpm': { totalHosts: 2, failedHosts: 1, unreachableHosts: 0, failurePercent: 50, failedHostList: ['compute-4'], unreachableHostList: [] } },
      },
    });
    expect(parseDeploymentStatus(text, 'status.json')).toEqual([
      { name: 'edpm-r1-update-services-wave-2', ready: false, ran: true, failed: ['compute-4'], unreachable: [], limit: ['compute-3', 'compute-4'] },
    ]);
  });

  it("reads a node set's deploymentExecutionSummaries, one outcome per deployment, and Lists", () => {
    const yaml = `
apiVersion: v1
kind: List
items:
  - kind: OpenStackDataPlaneDeployment
    metadata: {name: edpm-r1-update-services-canary}
    status:
      conditions:
        - {type: Ready, status: "True"}
  - kind: OpenStackDataPlaneNodeSet
    metadata: {name: edpm}
    status:
      deploymentExecutionSummaries:
        edpm-r1-update-services-wave-1:
          update-services-edpm-r1-update-services-wave-1-edpm:
            failedHostList: [compute-2]
            unreachableHostList: [compute-1]
`;
    expect(parseDeploymentStatus(yaml, 'status.yaml')).toEqual([
      { name: 'edpm-r1-update-services-canary', ready: true, ran: false, failed: [], unreachable: [], limit: null },
      { name: 'edpm-r1-update-services-wave-1', ready: false, ran: true, failed: ['compute-2'], unreachable: ['compute-1'], limit: null },
    ]);
  });

  it('reads a bare execution summary (the AEE termination message) as one run', () => {
    expect(parseDeploymentStatus('{"totalHosts":3,"failedHosts":1,"unreachableHosts":1,"failurePercent":67,"failedHostList":["host-b"],"unreachableHostList":["host-c"]}', 's.json')).toEqual([
      { name: null, ready: false, ran: true, failed: ['host-b'], unreachable: ['host-c'], limit: null },
    ]);
  });

  it('refuses other objects and bad host names, at their place', () => {
    expect(diagnostics(() => parseDeploymentStatus('kind: Pod\nmetadata: {name: x}\n', 's.yaml'))).toBe('s.yaml:1:1: error: expected kind OpenStackDataPlaneDeployment or OpenStackDataPlaneNodeSet, found "Pod"');
    expect(diagnostics(() => parseDeploymentStatus('failedHostList:\n  - "a b"\n', 's.yaml'))).toMatch(/^s\.yaml:2:5: error: failedHostList: expected a node name/);
    expect(diagnostics(() => parseDeploymentStatus('{"kind": ', 's.json'))).toMatch(/^s\.json:1:\d+: error: invalid YAML/);
  });
});
