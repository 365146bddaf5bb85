/**
 * The nodes of a node set, in order, from what an operator has at hand: a
 * plain list (one name a line, `#` comments), or an Ansible inventory, YAML
 * (as the dataplane operator writes it for a node set: a group named after
 * the node set, its `hosts:` mapping) or INI (`[group]` sections). Pure:
 * text in, names out; problems as `file:line:col` diagnostics.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { diagnosticAt, InputError, type Diagnostic } from '../core/diagnostics.js';
import { yamlErrorMessage } from '../core/yaml-error.js';
import { matchesGrammar, nodeName } from '../model/names.js';

/** The node list read from a file. */
export interface NodeList {
  readonly file: string;
  /** Node names, in file order, each once. */
  readonly nodes: readonly string[];
  /** What the file was read as. */
  readonly format: 'list' | 'yaml-inventory' | 'ini-inventory';
}

/** Largest node list read. */
export const MAX_NODES = 100_000;

/**
 * Parses a node list or inventory. `group` selects the hosts of one
 * inventory group (with its children); without it, every host.
 */
export function parseNodeList(text: string, file: string, group?: string): NodeList {
  if (text.includes('\u0000')) throw new InputError([at(file, 1, 1, 'the file contains a NUL character')]);
  const firstLine = text.split('\n').find((l) => l.trim() !== '' && !l.trim().startsWith('#') && !l.trim().startsWith(';')) ?? '';
  if (/^\s*\[[^\]]+\]\s*$/u.test(firstLine)) return parseIni(text, file, group);
  if (/^(---|\{|\[|[A-Za-z0-9_.-]+:\s*(#.*)?$|[A-Za-z0-9_.-]+:\s+\S|-\s)/u.test(firstLine.trimStart()) && !isPlainName(firstLine.trim())) {
    return parseYaml(text, file, group);
  }
  return parsePlain(text, file, group);
}

function isPlainName(line: string): boolean {
  return matchesGrammar(nodeName, line);
}

function at(file: string, line: number, col: number, message: string): Diagnostic {
  return diagnosticAt(file, { line, col }, message);
}

/**
 * Why a well-formed node name cannot stand for one node in a deployment's
 * `ansibleLimit` (a pattern of the node set's inventory), or null: `all`
 * and `ungrouped` are Ansible's implicit groups, so a wave limited to a
 * node of that name would run on every node of the node set (or on all
 * the ungrouped ones) at once.
 */
export function nodeNameMeaningProblem(name: string): string | null {
  return IMPLICIT_GROUPS.has(name)
    ? `${JSON.stringify(name)} is the name of an implicit Ansible group: as a wave's ansibleLimit it would select every node of the node set, not one; rename the node`
    : null;
}

const IMPLICIT_GROUPS: ReadonlySet<string> = new Set(['all', 'ungrouped']);

function checkName(name: string, file: string, line: number, col: number, problems: Diagnostic[]): boolean {
  if (matchesGrammar(nodeName, name)) {
    const meaning = nodeNameMeaningProblem(name);
    if (meaning === null) return true;
    problems.push(at(file, line, col, meaning));
    return false;
  }
  const hint = /\[[^\]]*:[^\]]*\]/u.test(name) ? ' (host ranges such as [0:9] are not expanded: list the nodes)' : '';
  problems.push(at(file, line, col, `${JSON.stringify(name)} is not a node name: expected ${nodeName.rule}${hint}`));
  return false;
}

/** A host named like a group of its inventory: a limit of that name selects the group. */
function groupClash(file: string, host: { name: string; line: number; col: number }): Diagnostic {
  return at(file, host.line, host.col, `host ${JSON.stringify(host.name)} has the name of a group of this inventory: as a wave's ansibleLimit it would select that group's hosts, not this node; rename the host or the group`);
}

function finish(file: string, format: NodeList['format'], found: { name: string; line: number; col: number }[], problems: Diagnostic[]): NodeList {
  if (problems.length > 0) throw new InputError(problems);
  const seen = new Set<string>();
  const nodes: string[] = [];
  for (const f of found) {
    if (seen.has(f.name)) continue;
    seen.add(f.name);
    nodes.push(f.name);
  }
  if (nodes.length === 0) throw new InputError([at(file, 1, 1, 'no nodes found')]);
  if (nodes.length > MAX_NODES) throw new InputError([at(file, 1, 1, `${nodes.length} nodes; at most ${MAX_NODES} are read`)]);
  return { file, nodes, format };
}

function parsePlain(text: string, file: string, group: string | undefined): NodeList {
  if (group !== undefined) throw new InputError([at(file, 1, 1, `a group (${group}) was asked for, but this is a plain node list, not an inventory`)]);
  const problems: Diagnostic[] = [];
  const found: { name: string; line: number; col: number }[] = [];
  text.split('\n').forEach((raw, i) => {
    const content = raw.replace(/#.*$/u, '');
    const name = content.trim();
    if (name === '') return;
    const col = content.indexOf(name) + 1;
    if (checkName(name, file, i + 1, col, problems)) found.push({ name, line: i + 1, col });
  });
  return finish(file, 'list', found, problems);
}

interface IniGroup {
  hosts: { name: string; line: number; col: number }[];
  children: string[];
  line: number;
}

function parseIni(text: string, file: string, group: string | undefined): NodeList {
  const problems: Diagnostic[] = [];
  const groups = new Map<string, IniGroup>();
  const order: string[] = [];
  const groupOf = (name: string, line: number): IniGroup => {
    let g = groups.get(name);
    if (g === undefined) {
      g = { hosts: [], children: [], line };
      groups.set(name, g);
      order.push(name);
    }
    return g;
  };
  let section: { group: IniGroup; kind: 'hosts' | 'children' | 'vars' } = { group: groupOf('ungrouped', 1), kind: 'hosts' };
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/^\s*[#;].*$/u, '').trimEnd();
    if (line.trim() === '') return;
    const header = /^\s*\[([^\]]+)\]\s*$/u.exec(line);
    if (header !== null) {
      const [name, kind] = header[1]!.split(':') as [string, string | undefined];
      if (kind !== undefined && kind !== 'vars' && kind !== 'children') {
        problems.push(at(file, i + 1, 1, `unknown section kind "${kind}" (expected [group], [group:vars] or [group:children])`));
        return;
      }
      section = { group: groupOf(name, i + 1), kind: kind === undefined ? 'hosts' : kind };
      return;
    }
    if (section.kind === 'vars') return;
    const name = line.trim().split(/\s+/u)[0]!;
    const col = line.indexOf(name) + 1;
    if (section.kind === 'children') section.group.children.push(name);
    else if (checkName(name, file, i + 1, col, problems)) section.group.hosts.push({ name, line: i + 1, col });
  });
  if (problems.length > 0) throw new InputError(problems);
  const collect = (name: string, visiting: Set<string>): { name: string; line: number; col: number }[] => {
    const g = groups.get(name);
    if (g === undefined || visiting.has(name)) return [];
    visiting.add(name);
    return [...g.hosts, ...g.children.flatMap((c) => collect(c, visiting))];
  };
  for (const g of groups.values()) for (const h of g.hosts) if (groups.has(h.name)) problems.push(groupClash(file, h));
  if (problems.length > 0) throw new InputError(problems);
  let found: { name: string; line: number; col: number }[];
  if (group === undefined || group === 'all') found = order.flatMap((name) => groups.get(name)!.hosts);
  else {
    if (!groups.has(group)) throw new InputError([at(file, 1, 1, `no group "${group}" in the inventory; groups: ${order.filter((g) => g !== 'ungrouped').join(', ')}`)]);
    found = collect(group, new Set());
  }
  return finish(file, 'ini-inventory', found, problems);
}

function parseYaml(text: string, file: string, group: string | undefined): NodeList {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const where = (node: Node | null | undefined): { line: number; col: number } => lines.linePos(node?.range?.[0] ?? 0);
  if (doc.errors.length > 0) {
    throw new InputError(doc.errors.map((e) => {
      const p = lines.linePos(e.pos[0]);
      return at(file, p.line, p.col, yamlErrorMessage(e, 'an inventory'));
    }));
  }
  const problems: Diagnostic[] = [];
  const root = doc.contents;
  const found: { name: string; line: number; col: number }[] = [];
  // group name -> its mapping node, in document order (groups may be nested under children:).
  const groups = new Map<string, unknown>();
  const addName = (node: unknown): void => {
    const p = where(node as Node);
    if (!isScalar(node) || typeof node.value !== 'string') {
      problems.push(at(file, p.line, p.col, 'expected a node name'));
      return;
    }
    if (!checkName(node.value, file, p.line, p.col, problems)) return;
    if (groups.has(node.value)) problems.push(groupClash(file, { name: node.value, ...p }));
    else found.push({ name: node.value, ...p });
  };
  if (isSeq(root)) {
    if (group !== undefined) throw new InputError([at(file, 1, 1, `a group (${group}) was asked for, but this is a list of nodes, not an inventory`)]);
    for (const item of root.items) addName(item);
    return finish(file, 'list', found, problems);
  }
  if (!isMap(root)) throw new InputError([at(file, 1, 1, 'expected an Ansible inventory (a mapping of groups) or a list of node names')]);
  const visit = (map: unknown): void => {
    if (!isMap(map)) return;
    for (const pair of map.items) {
      if (!isScalar(pair.key)) continue;
      const name = String(pair.key.value);
      if (!groups.has(name)) groups.set(name, pair.value);
      if (isMap(pair.value)) {
        const children = pair.value.get('children', true);
        visit(children);
      }
    }
  };
  visit(root);
  const hostsOf = (name: string, visiting: Set<string>): void => {
    if (visiting.has(name)) return;
    visiting.add(name);
    const g = groups.get(name);
    if (!isMap(g)) return;
    const hosts = g.get('hosts', true);
    if (isMap(hosts)) for (const pair of hosts.items) addName(pair.key);
    else if (hosts !== undefined && hosts !== null && !(isScalar(hosts) && hosts.value === null)) {
      const p = where(hosts as Node);
      problems.push(at(file, p.line, p.col, `hosts of group "${name}": expected a mapping of host names`));
    }
    const children = g.get('children', true);
    if (isMap(children)) for (const pair of children.items) if (isScalar(pair.key)) hostsOf(String(pair.key.value), visiting);
  };
  // `all` is Ansible's implicit group of every host, written or not (as the INI reader takes it).
  if (group === undefined || (group === 'all' && !groups.has('all'))) {
    const visiting = new Set<string>();
    for (const name of groups.keys()) hostsOf(name, visiting);
  } else {
    if (!groups.has(group)) throw new InputError([at(file, 1, 1, `no group "${group}" in the inventory; groups: ${[...groups.keys()].join(', ')}`)]);
    hostsOf(group, new Set());
  }
  return finish(file, 'yaml-inventory', found, problems);
}
