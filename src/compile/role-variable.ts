/**
 * A role's input variables, described once and rendered three ways:
 * `defaults/main.yml` (commented), `meta/argument_specs.yml` and the README.
 */
import { recordMemberOrigin, recordOrigin, type Origin } from './origin.js';
import { yamlText } from './yaml-text.js';

/** Types as Ansible's argument specs name them. */
export type VariableType = 'bool' | 'str' | 'list' | 'int' | 'dict';

/** One input variable of a generated role. */
export interface RoleVariable {
  readonly name: string;
  readonly type: VariableType;
  /** Element type of a list. */
  readonly elements?: VariableType;
  /** Default value; absent for variables of other roles that this one honours but does not define. */
  readonly default?: unknown;
  /**
   * The default is a template over another variable (`{{ edpm_service_types }}`):
   * kept out of meta/argument_specs.yml, where Ansible templates the spec
   * itself and would fail on it even when the variable is set.
   */
  readonly templatedDefault?: boolean;
  /** Sentences describing the variable. */
  readonly description: readonly string[];
  /**
   * The plan entry behind it: where its default comes from, or, for a
   * variable without a default, the plan entry of the step that reads it;
   * none: fixed by the compiler.
   */
  readonly from?: Origin;
}

/** The data of `defaults/main.yml`, each plan-made default with its origin. */
export function defaultsData(variables: readonly RoleVariable[]): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const v of variables) {
    if (v.default === undefined) continue;
    data[v.name] = v.default;
    if (v.from !== undefined) recordMemberOrigin(data, v.name, v.from);
  }
  return data;
}

/** `defaults/main.yml`: every variable that has a default, each with its description as a comment. */
export function defaultsFile(roleName: string, variables: readonly RoleVariable[], header: readonly string[]): string {
  const defined = variables.filter((v) => v.default !== undefined);
  const data = defaultsData(variables);
  const comments = new Map(defined.map((v) => [v.name, [...v.description, `Type: ${typeLabel(v)}.`]]));
  return yamlText(data, {
    header: [...header, '', `Defaults of ${roleName}. Every variable is described in meta/argument_specs.yml and README.md.`, ''],
    keyComments: comments,
  });
}

/** `meta/argument_specs.yml`: the contract of the role's inputs. */
export function argumentSpecsFile(
  shortDescription: string,
  description: readonly string[],
  variables: readonly RoleVariable[],
  header: readonly string[],
): string {
  return yamlText(argumentSpecsData(shortDescription, description, variables), { header });
}

/** The data of `meta/argument_specs.yml`, each plan-made default with its origin. */
export function argumentSpecsData(shortDescription: string, description: readonly string[], variables: readonly RoleVariable[]): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const v of variables) {
    const spec: Record<string, unknown> = { type: v.type };
    if (v.elements !== undefined) spec.elements = v.elements;
    spec.required = false;
    if (v.default !== undefined && v.templatedDefault !== true) spec.default = v.default;
    spec.description = v.description.join(' ');
    if (v.from !== undefined) {
      if (v.default === undefined) recordOrigin(spec, v.from);
      else recordMemberOrigin(spec, 'default', v.from);
    }
    options[v.name] = spec;
  }
  return { argument_specs: { main: { short_description: shortDescription, description: [...description], options } } };
}

/** "list of str", "bool", ... */
export function typeLabel(v: RoleVariable): string {
  return v.elements === undefined ? v.type : `${v.type} of ${v.elements}`;
}
