/**
 * What the dataplane operator says about deployments that ran, read from
 * `oc get ... -o json|yaml` output: an OpenStackDataPlaneDeployment, an
 * OpenStackDataPlaneNodeSet, a List of them, or several YAML documents.
 *
 * The operator keeps, per Ansible job, an execution summary (the AEE pod's
 * termination message): `{totalHosts, failedHosts, unreachableHosts,
 * failurePercent, failedHostList, unreachableHostList}`. A node set keeps
 * them under `status.deploymentExecutionSummaries.<deployment>.<job>`; a
 * deployment keeps its own under its `status`. Summaries are found by their
 * shape (any mapping under `status` with `failedHostList` or
 * `unreachableHostList`), so either object serves. A deployment's `Ready`
 * condition (`status.conditions[type=Ready].status == "True"`) says that all
 * of its nodes finished.
 */
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Node } from 'yaml';
import { diagnosticAt, fileError, InputError, type Diagnostic } from '../core/diagnostics.js';
import { matchesGrammar, nodeName } from '../model/names.js';

/** What is known of one deployment. */
export interface DeploymentOutcome {
  /** The deployment's name; null for a bare execution summary. */
  readonly name: string | null;
  /** Its Ready condition is True: every node it targeted finished. */
  readonly ready: boolean;
  /** At least one execution summary was found: the deployment's Ansible run ended. */
  readonly ran: boolean;
  readonly failed: readonly string[];
  readonly unreachable: readonly string[];
  /** The nodes it was limited to (`spec.ansibleLimit`, when the object has its spec), else null. */
  readonly limit: readonly string[] | null;
}

/** Parses deployment or node-set status documents (JSON or YAML). */
export function parseDeploymentStatus(text: string, file: string): DeploymentOutcome[] {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false });
  const problems: Diagnostic[] = [];
  const error = (node: unknown, message: string): void => {
    const p = lines.linePos((node as Node | null)?.range?.[0] ?? 0);
    problems.push(diagnosticAt(file, p, message));
  };
  if (!Array.isArray(docs)) {
    error(null, 'expected YAML or JSON documents');
    throw new InputError(problems);
  }
  for (const d of docs) {
    for (const e of d.errors) {
      const p = lines.linePos(e.pos[0]);
      problems.push(diagnosticAt(file, p, `invalid YAML: ${e.message.split('\n')[0] ?? e.message}`));
    }
  }
  if (problems.length > 0) throw new InputError(problems);

  const byName = new Map<string | null, { ready: boolean; ran: boolean; failed: string[]; unreachable: string[]; limit: string[] | null }>();
  const entry = (name: string | null) => {
    let e = byName.get(name);
    if (e === undefined) {
      e = { ready: false, ran: false, failed: [], unreachable: [], limit: null };
      byName.set(name, e);
    }
    return e;
  };
  const hostList = (node: unknown, into: string[], what: string): void => {
    if (node === undefined || node === null || (isScalar(node) && node.value === null)) return;
    if (!isSeq(node)) return error(node, `${what}: expected a list of host names`);
    for (const item of node.items) {
      if (!isScalar(item) || typeof item.value !== 'string' || !matchesGrammar(nodeName, item.value)) {
        error(item, `${what}: expected a node name (${nodeName.rule})`);
        continue;
      }
      if (!into.includes(item.value)) into.push(item.value);
    }
  };
  /** Adds every execution summary found under `node` to deployment `name`. */
  const summaries = (node: unknown, name: string | null, depth: number): void => {
    if (!isMap(node) || depth > 8) return;
    if (node.has('failedHostList') || node.has('unreachableHostList')) {
      const e = entry(name);
      e.ran = true;
      hostList(node.get('failedHostList', true), e.failed, 'failedHostList');
      hostList(node.get('unreachableHostList', true), e.unreachable, 'unreachableHostList');
      return;
    }
    for (const pair of node.items) summaries(pair.value, name, depth + 1);
  };
  const object = (node: unknown): void => {
    if (!isMap(node)) return error(node, 'expected an OpenStackDataPlaneDeployment or OpenStackDataPlaneNodeSet object (a mapping)');
    const items = node.get('items', true);
    if (isSeq(items)) {
      for (const item of items.items) object(item);
      return;
    }
    if (node.has('failedHostList') || node.has('unreachableHostList')) return summaries(node, null, 0);
    const kind = scalarText(node.get('kind', true));
    const metadata = node.get('metadata', true);
    const name = isMap(metadata) ? scalarText(metadata.get('name', true)) : null;
    const status = node.get('status', true);
    if (kind === 'OpenStackDataPlaneNodeSet') {
      const perDeployment = isMap(status) ? status.get('deploymentExecutionSummaries', true) : undefined;
      if (isMap(perDeployment)) for (const pair of perDeployment.items) summaries(pair.value, scalarText(pair.key), 0);
      return;
    }
    if (kind !== 'OpenStackDataPlaneDeployment') return error(node, `expected kind OpenStackDataPlaneDeployment or OpenStackDataPlaneNodeSet, found ${kind === null ? 'none' : JSON.stringify(kind)}`);
    if (name === null) return error(node, 'the deployment has no metadata.name');
    const e = entry(name);
    const spec = node.get('spec', true);
    const limit = isMap(spec) ? spec.get('ansibleLimit', true) : undefined;
    if (isScalar(limit) && typeof limit.value === 'string' && limit.value.trim() !== '') {
      const names = limit.value.split(',').map((n) => n.trim());
      const bad = names.find((n) => !matchesGrammar(nodeName, n));
      if (bad !== undefined) return error(limit, `spec.ansibleLimit: "${bad}" is not a node name (patterns are not read: ${nodeName.rule})`);
      e.limit = names;
    }
    if (!isMap(status)) return;
    const conditions = status.get('conditions', true);
    if (isSeq(conditions)) {
      for (const c of conditions.items) {
        if (isMap(c) && scalarText(c.get('type', true)) === 'Ready' && scalarText(c.get('status', true)) === 'True') e.ready = true;
      }
    }
    summaries(status, name, 0);
  };
  for (const d of docs) if (d.contents !== null) object(d.contents);
  if (problems.length > 0) throw new InputError(problems);
  if (byName.size === 0) throw new InputError([fileError(file, 'no deployment status found')]);
  return [...byName.entries()].map(([name, e]) => ({ name, ...e }));
}

function scalarText(node: unknown): string | null {
  return isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') ? String(node.value) : null;
}
