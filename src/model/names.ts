/**
 * The grammars of the names a plan may contain. Every value that reaches a
 * generated role (and so Jinja, YAML or a command line on a data-plane node)
 * is checked against one of these first. Each grammar carries a sentence that
 * says the rule in words, used in error messages and in the JSON Schema.
 */
export interface NameGrammar {
  /** Short name of the kind of value, e.g. "RPM package name". */
  readonly kind: string;
  /** Anchored pattern, in the subset of regular expressions JSON Schema shares with JavaScript. */
  readonly pattern: string;
  /** Longest accepted value. */
  readonly maxLength: number;
  /** The rule in words. */
  readonly rule: string;
}

/** RPM package names or the glob patterns dnf accepts for them (`*`, `?`, `[...]`). */
export const packagePattern: NameGrammar = {
  kind: 'package name or dnf glob',
  pattern: '^(?![-.])[A-Za-z0-9._+*?-]*(\\[[A-Za-z0-9._+-]+\\][A-Za-z0-9._+*?-]*)*$',
  maxLength: 200,
  rule: 'ASCII letters, digits and . _ + - (not first), with the dnf globs * ? and [...] (brackets balanced)',
};

/**
 * The name of an Open vSwitch package, as the Open vSwitch step of phase 2
 * takes it (`edpm_ovs_packages`): a plain package name (no dnf glob: the
 * step updates exactly what it is given, with the RPM scriptlets off) that
 * names Open vSwitch (`openvswitch`, `openvswitch3.3`, `rdo-openvswitch`,
 * `rhoso-openvswitch`, ...). The generated role checks the same pattern at
 * run time, before any change.
 */
export const openvswitchPackage: NameGrammar = {
  kind: 'Open vSwitch package name',
  pattern: '^[A-Za-z0-9_+][A-Za-z0-9._+-]*$',
  maxLength: 200,
  rule: 'a package name (ASCII letters, digits and . _ + -, not first; no dnf glob) containing "openvswitch"',
};

/** Whether a value is an Open vSwitch package name (openvswitchPackage and the word openvswitch). */
export function isOpenvswitchPackage(value: string): boolean {
  return matchesGrammar(openvswitchPackage, value) && value.includes('openvswitch');
}

/** Ansible role names as ansible-lint's role-name rule accepts them. */
export const roleName: NameGrammar = {
  kind: 'Ansible role name',
  pattern: '^[a-z][a-z0-9_]*$',
  maxLength: 100,
  rule: 'a lowercase letter, then lowercase letters, digits and _',
};

/** EDPM service types: lowercase letters and digits in words joined by single hyphens. */
export const serviceType: NameGrammar = {
  kind: 'service type',
  pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
  maxLength: 63,
  rule: 'lowercase letters and digits, words joined by single -',
};

/** Ansible collection names, `namespace.name`. */
export const collectionName: NameGrammar = {
  kind: 'collection name',
  pattern: '^[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*$',
  maxLength: 128,
  rule: 'namespace.name, each a lowercase letter then lowercase letters, digits and _',
};

/** Base names of task files in a role's `tasks/` folder, without the `.yml` ending. */
export const taskFileName: NameGrammar = {
  kind: 'task file name',
  pattern: '^[a-z0-9][a-z0-9_-]*$',
  maxLength: 100,
  rule: 'lowercase letters, digits, _ and - (no extension, no path)',
};

/** Absolute paths on the node made of plain path characters. */
export const nodePath: NameGrammar = {
  kind: 'absolute path',
  pattern: '^(?!.*/\\.\\.?(/|$))(/[A-Za-z0-9._+-]+)+$',
  maxLength: 255,
  rule: 'an absolute path of letters, digits and . _ + - in each part',
};

/** Tests a value against a grammar. */
export function matchesGrammar(grammar: NameGrammar, value: string): boolean {
  return value.length >= 1 && value.length <= grammar.maxLength && new RegExp(grammar.pattern, 'u').test(value);
}

/** systemd unit names (without the `.service` suffix or with it). */
export const unitName: NameGrammar = {
  kind: 'systemd unit name',
  pattern: '^[A-Za-z0-9_][A-Za-z0-9_.@-]*$',
  maxLength: 100,
  rule: 'letters, digits and _ . @ - (not first)',
};

/**
 * Node names as they appear in an inventory and in `ansibleLimit`: letters,
 * digits and `. _ -` (so no pattern character: `,` `:` `&` `!` `*` `[`).
 */
export const nodeName: NameGrammar = {
  kind: 'node name',
  pattern: '^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$',
  maxLength: 253,
  rule: 'letters, digits and . _ - (a letter or digit first and last)',
};

/**
 * Rollout ids: what a resumed run must be given again to skip the nodes
 * that finished. Lowercase, as part of Kubernetes object names and labels.
 */
export const rolloutId: NameGrammar = {
  kind: 'rollout id',
  pattern: '^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$',
  maxLength: 40,
  rule: 'lowercase letters, digits and - (a letter or digit first and last), at most 40 characters',
};

/** Kubernetes object names used in labels (RFC 1123 labels): node-set names. */
export const kubernetesLabelName: NameGrammar = {
  kind: 'Kubernetes name',
  pattern: '^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$',
  maxLength: 63,
  rule: 'lowercase letters, digits and - (a letter or digit first and last), at most 63 characters',
};

/**
 * What is wrong with an Open vSwitch package list, by what it would do on a
 * node: the Open vSwitch step updates exactly these packages with the RPM
 * scriptlets off, so an empty list updates nothing (and hides the update), a
 * glob (`*`) would update every matching package without its scriptlets,
 * and a package that is not Open vSwitch would lose its scriptlets. The
 * generated role checks `edpm_ovs_packages` the same way at run time.
 */
export function openvswitchPackageProblems(packages: readonly string[]): { index?: number; message: string }[] {
  if (packages.length === 0) {
    return [{ message: 'the Open vSwitch package list (default of edpm_ovs_packages) is empty: name at least one Open vSwitch package, e.g. openvswitch' }];
  }
  const out: { index?: number; message: string }[] = [];
  packages.forEach((name, index) => {
    if (/[*?[\]]/u.test(name)) {
      out.push({ index, message: `"${name}" is a dnf glob: the Open vSwitch step (edpm_ovs_packages) updates exactly the packages it names, without their RPM scriptlets; name them` });
    } else if (!isOpenvswitchPackage(name)) {
      out.push({ index, message: `"${name}" is not an Open vSwitch package: the Open vSwitch step (edpm_ovs_packages) updates its packages without their RPM scriptlets; expected ${openvswitchPackage.rule}` });
    }
  });
  return out;
}
