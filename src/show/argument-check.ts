/**
 * The argument validation Ansible runs before a role's first task
 * (`meta/argument_specs.yml` -> `ansible.builtin.validate_argument_spec`,
 * tagged `always`): each variable of the spec that the play defines (given
 * with -e, else the role's default, templated) is checked against its type
 * as ansible-core's `module_utils/common/validation.py` checks it (2.19,
 * the project's, which 2.21 keeps; 2.16 differs only for an int, which it
 * reads with int(): "3.0" and "1e2" fail there). The converted values are
 * thrown away: the role's tasks see the values as given (`-e x=yes` stays
 * the string "yes").
 *
 * The spec is the compiled one (the role modules' variables, plus the
 * rollout id of a rolled-out phase), not a list kept here.
 */
import type { UpdatePlan } from '../model/plan.js';
import { UPDATE_SERVICES_ROLE } from '../model/roles.js';
import { rolloutPhaseOfRole } from '../model/rollout.js';
import type { RoleVariable, VariableType } from '../compile/role-variable.js';
import { updateServicesVariables } from '../compile/roles/update-services.js';
import { updateSystemVariables } from '../compile/roles/update-system.js';
import { progressNames, rolloutIdRoleVariable } from '../compile/rollout-progress.js';
import { boolFilter, PY_SPACE_CLASS, pyRepr, pyStrip, pyTypeName } from './ansible-values.js';

/** The variables of a generated role's `meta/argument_specs.yml`, in its order. */
export function roleArgumentSpec(plan: UpdatePlan, role: string): RoleVariable[] {
  const variables = role === UPDATE_SERVICES_ROLE ? updateServicesVariables(plan) : updateSystemVariables(plan);
  const phase = rolloutPhaseOfRole(role);
  const rolledOut = phase !== undefined && plan.rollout[phase.key] !== null;
  return rolledOut ? [...variables, rolloutIdRoleVariable(progressNames(role, phase.service))] : variables;
}

/** Why the argument validation fails, in Ansible's words, one line per variable; empty: it passes. */
export function argumentErrors(spec: readonly RoleVariable[], vars: Readonly<Record<string, unknown>>): string[] {
  const errors: string[] = [];
  for (const variable of spec) {
    const given = Object.hasOwn(vars, variable.name);
    let value: unknown;
    if (given) value = vars[variable.name];
    else if (variable.default === undefined) continue;
    else {
      const templated = templateDefault(variable.default, vars);
      if ('undefined' in templated) {
        // Ansible templates the defaults before it checks them: an undefined variable fails the check.
        errors.push(`${templated.undefined} is undefined, and with it the default of ${variable.name}`);
        continue;
      }
      value = templated.value;
    }
    // a null is not checked when the spec has no default (Ansible's _validate_argument_types)
    const specDefault = variable.templatedDefault === true ? undefined : variable.default;
    if ((value === null || value === undefined) && (specDefault === undefined || specDefault === null)) continue;
    const problem = typeProblem(variable.type, value);
    if (problem !== null) {
      errors.push(`argument '${variable.name}' is of type ${pyTypeName(value)} and we were unable to convert to ${variable.type}: ${problem}`);
      continue;
    }
    if (variable.elements !== undefined && Array.isArray(value)) {
      for (const item of value) {
        const bad = typeProblem(variable.elements, item);
        if (bad !== null) errors.push(`Elements value for option '${variable.name}' is of type ${pyTypeName(item)} and we were unable to convert to ${variable.elements}: ${bad}`);
      }
    }
  }
  return errors;
}

/**
 * A role default as Ansible templates it for the check: plain data as it
 * is; the compiler's two template shapes, `{{ name }}` and
 * `{{ name | default('') }}`, from the variables.
 */
function templateDefault(value: unknown, vars: Readonly<Record<string, unknown>>): { value: unknown } | { undefined: string } {
  if (typeof value !== 'string' || !value.includes('{{')) return { value };
  const m = /^\{\{ ([A-Za-z_][A-Za-z0-9_]*)( \| default\(''\))? \}\}$/u.exec(value);
  if (m === null) throw new Error(`show: a role default it cannot template: ${value}`);
  const name = m[1]!;
  if (Object.hasOwn(vars, name)) return { value: vars[name] };
  return m[2] === undefined ? { undefined: name } : { value: '' };
}

const VALID_BOOLEANS = "'y', 'yes', 'on', '1', 'true', 't', 1, 'n', 'no', 'off', '0', 'false', 'f', 0";
const BOOLEANS_TRUE: ReadonlySet<unknown> = new Set(['y', 'yes', 'on', '1', 'true', 't', 1]);
const BOOLEANS_FALSE: ReadonlySet<unknown> = new Set(['n', 'no', 'off', '0', 'false', 'f', 0]);

/** Python's whitespace, which `Decimal()` takes off. */
const PY_SPACE = `${PY_SPACE_CLASS}*`;
const DIGITS = '[0-9](?:_?[0-9])*';
/** What Python's `decimal.Decimal(str)` reads (ASCII digits). */
const DECIMAL = new RegExp(`^${PY_SPACE}([-+]?)(?:(${DIGITS})?(?:\\.(${DIGITS})?)?(?:[eE]([-+]?${DIGITS}))?|(inf|infinity|nan|snan)[0-9]*)${PY_SPACE}$`, 'iu');

/** Why a value fails Ansible's type check (`check_type_<type>`), or null when it passes. */
function typeProblem(type: VariableType, value: unknown): string | null {
  switch (type) {
    case 'str':
      return null; // converted with str(); None becomes ''
    case 'list':
      if (Array.isArray(value) || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return null;
      return `<class '${pyTypeName(value)}'> cannot be converted to a list`;
    case 'dict':
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) return null;
      if (typeof value === 'string') return dictStringProblem(value);
      return `<class '${pyTypeName(value)}'> cannot be converted to a dict`;
    case 'bool': {
      if (typeof value === 'boolean') return null;
      if (typeof value !== 'string' && typeof value !== 'number') return `<class '${pyTypeName(value)}'> cannot be converted to a bool`;
      const normalized = typeof value === 'string' ? pyStrip(value.toLowerCase()) : value;
      if (BOOLEANS_TRUE.has(normalized) || BOOLEANS_FALSE.has(normalized)) return null;
      return `The value '${String(value)}' is not a valid boolean. Valid booleans include: ${VALID_BOOLEANS}`;
    }
    case 'int':
      return intProblem(value);
  }
}

/** check_type_int (2.19): an int (or bool) passes; else Decimal(value) must be integral. */
function intProblem(value: unknown): string | null {
  if (typeof value === 'boolean' || (typeof value === 'number' && Number.isInteger(value))) return null;
  const cannot = `"${pyRepr(value)}" cannot be converted to an int`;
  if (typeof value === 'number') return Number.isFinite(value) ? cannot : `cannot convert ${Number.isNaN(value) ? 'NaN' : 'Infinity'} to integer`;
  if (typeof value !== 'string') return cannot;
  const m = DECIMAL.exec(value);
  if (m === null || (m[2] === undefined && m[3] === undefined && m[5] === undefined)) return cannot;
  if (m[5] !== undefined) return /^(?:inf|infinity)$/iu.test(m[5]) ? 'cannot convert Infinity to integer' : cannot;
  // integral when no non-zero digit is left after the point once the exponent is applied
  const whole = (m[2] ?? '').replaceAll('_', '');
  const fraction = (m[3] ?? '').replaceAll('_', '');
  const exponent = m[4] === undefined ? 0 : Number.parseInt(m[4].replaceAll('_', ''), 10);
  const digits = `${whole}${fraction}`;
  const point = whole.length + exponent;
  const after = point >= digits.length ? '' : digits.slice(Math.max(point, 0));
  return /[1-9]/u.test(after) ? cannot : null;
}

/** check_type_dict of a string: JSON or Python literal of a mapping when it starts with `{`, else `k=v` pairs. */
function dictStringProblem(value: string): string | null {
  if (value.startsWith('{')) {
    try {
      const parsed = JSON.parse(value) as unknown;
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return null;
    } catch {
      // Ansible then tries a Python literal, which show does not evaluate
    }
    return 'unable to evaluate string as dictionary';
  }
  if (!value.includes('=')) return 'dictionary requested, could not parse JSON or key=value';
  return null;
}

/**
 * The argument validation of a role for these variables: the text of the
 * failure (every variable it refuses, and why), or null when it passes.
 */
export function argumentValidationFailure(plan: UpdatePlan, role: string, vars: Readonly<Record<string, unknown>>): string | null {
  const errors = argumentErrors(roleArgumentSpec(plan, role), vars);
  return errors.length === 0 ? null : errors.join('; ');
}

/**
 * What a reader should know of the values the role's tasks then see (the
 * check converted nothing): Ansible's deprecation warning where the `bool`
 * filter coerces a value the check accepted (`t`, `y`, ` yes`: false), and
 * a list given as a string (a string's `in` is a substring test, a dnf name
 * list splits it at commas).
 */
export function valueNotes(plan: UpdatePlan, role: string, vars: Readonly<Record<string, unknown>>): string[] {
  const notes: string[] = [];
  for (const variable of roleArgumentSpec(plan, role)) {
    let value: unknown;
    let given = `-e ${variable.name}`;
    if (Object.hasOwn(vars, variable.name)) value = vars[variable.name];
    else if (variable.templatedDefault === true) {
      const templated = templateDefault(variable.default, vars);
      if (!('value' in templated)) continue;
      value = templated.value;
      given = `${variable.name} (its default, ${String(variable.default)})`;
    } else continue;
    if (variable.type === 'bool') {
      const { warning } = boolFilter(value);
      if (warning !== null) notes.push(`${given}: the role tests it with | bool, and Ansible (2.19 and later) warns: ${warning}`);
    } else if (variable.type === 'list' && !Array.isArray(value) && value !== null && typeof value !== 'object') {
      notes.push(`${given} is the ${pyTypeName(value)} ${pyRepr(value)}, not a list: the argument check takes it (as a comma-separated list), but the role's tasks see it as it is (Jinja's in is then a substring test; dnf splits it at commas)`);
    }
  }
  return notes;
}
