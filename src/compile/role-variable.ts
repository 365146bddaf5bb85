/**
 * A role's input variables, described once and rendered three ways:
 * `defaults/main.yml` (commented), `meta/argument_specs.yml` and the README.
 */
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
}

/** `defaults/main.yml`: every variable that has a default, each with its description as a comment. */
export function defaultsFile(roleName: string, variables: readonly RoleVariable[], header: readonly string[]): string {
  const defined = variables.filter((v) => v.default !== undefined);
  const data = Object.fromEntries(defined.map((v) => [v.name, v.default]));
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
  const options = Object.fromEntries(
    variables.map((v) => {
      const spec: Record<string, unknown> = { type: v.type };
      if (v.elements !== undefined) spec.elements = v.elements;
      spec.required = false;
      if (v.default !== undefined && v.templatedDefault !== true) spec.default = v.default;
      spec.description = v.description.join(' ');
      return [v.name, spec];
    }),
  );
  return yamlText(
    { argument_specs: { main: { short_description: shortDescription, description: [...description], options } } },
    { header },
  );
}

/** "list of str", "bool", ... */
export function typeLabel(v: RoleVariable): string {
  return v.elements === undefined ? v.type : `${v.type} of ${v.elements}`;
}
