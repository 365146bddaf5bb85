/**
 * The Molecule scenarios emitted with each role, in
 * `dist-roles/<role>/molecule/<scenario>/`. Their playbooks are fixed text,
 * kept with the other templates in `templates/molecule/` (part of the
 * program, not of the input; each role module names its scenarios), each file once:
 * `common/` holds what every scenario has, a scenario's folder what is its
 * own. Their one plan-dependent file, `data/scenario.yml`, is made here
 * from the plan.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { UpdatePlan } from '../../model/plan.js';
import { packageRoot } from '../../package-root.js';
import { FileTreeBuilder, type FileTree } from '../../model/file-tree.js';
import { yamlText } from '../yaml-text.js';
import { contractsScenarioData, contractsSkipTags } from './contracts-scenario-data.js';
import { servicesScenarioData } from './services-scenario-data.js';
import { RESUME_SCENARIO, ROLLOUT_SCENARIO, rolloutScenarioData } from './rollout-scenario-data.js';
import { systemScenarioData } from './system-scenario-data.js';

/**
 * Where each scenario's playbooks come from: folders of templates/molecule,
 * a later one's file replacing an earlier one's of the same name. The kpatch
 * variant runs the update_system playbooks on other data and other nodes
 * (its own molecule.yml).
 */
const SOURCES: Readonly<Record<string, readonly string[]>> = {
  update_services: ['common', 'update_services'],
  update_system: ['common', 'update_system'],
  update_system_kpatch: ['common', 'update_system', 'update_system_kpatch'],
  update_system_bootc: ['common', 'update_system_bootc'],
  update_services_rollout: ['common', 'update_services_rollout'],
  update_services_rollout_resume: ['common', 'update_services_rollout', 'update_services_rollout_resume'],
  update_services_contracts: ['common', 'update_services_contracts'],
};

const scenarioDir = (folder: string): string => join(packageRoot(), 'templates', 'molecule', folder);

/** The one plan-dependent file of a scenario. */
const DATA_FILE = 'data/scenario.yml';

/**
 * The data of each scenario made so far, by plan (plans are frozen): the
 * compiler writes it, and the provenance map then reads its origins from
 * the same objects, without making a 5,000-service plan's data twice.
 */
const madeData = new WeakMap<UpdatePlan, Map<string, Record<string, unknown>>>();

/** `data/scenario.yml` of a scenario, for a plan (the same object each time for the same plan: not to be changed). */
export function scenarioData(plan: UpdatePlan, scenario: string): Record<string, unknown> {
  let made = madeData.get(plan);
  if (made === undefined) {
    made = new Map();
    madeData.set(plan, made);
  }
  let data = made.get(scenario);
  if (data === undefined) {
    data = makeScenarioData(plan, scenario);
    made.set(scenario, data);
  }
  return data;
}

function makeScenarioData(plan: UpdatePlan, scenario: string): Record<string, unknown> {
  if (scenario === 'update_services') return servicesScenarioData(plan);
  if (scenario === ROLLOUT_SCENARIO || scenario === RESUME_SCENARIO) return rolloutScenarioData(plan, scenario)!;
  if (scenario === 'update_system' || scenario === 'update_system_kpatch') return systemScenarioData(plan, scenario);
  if (scenario === 'update_services_contracts') return contractsScenarioData(plan);
  // The bootc scenario depends on the plan through its collection only:
  // what it proves is about the stand-in bootc.
  const data = parse(readFileSync(join(scenarioDir(scenario), DATA_FILE), 'utf8')) as Record<string, unknown>;
  const scenarioPart = data.edpm_scenario as Record<string, unknown>;
  return { ...data, edpm_scenario: { ...scenarioPart, collection: plan.collection } };
}

/** The files of each of a role's scenarios, by scenario name. */
export function roleScenarios(plan: UpdatePlan, scenarios: readonly string[], header: readonly string[]): Map<string, FileTree> {
  const out = new Map<string, FileTree>();
  for (const scenario of scenarios) {
    if (SOURCES[scenario] === undefined) throw new Error(`internal error: no playbooks for the Molecule scenario ${scenario}`);
    const playbooks = new Map<string, string>();
    for (const folder of SOURCES[scenario] ?? []) {
      for (const name of readdirSync(scenarioDir(folder)).filter((n) => n.endsWith('.yml'))) {
        playbooks.set(name, readFileSync(join(scenarioDir(folder), name), 'utf8'));
      }
    }
    const files = new FileTreeBuilder();
    if (scenario === 'update_services_contracts') playbooks.set('molecule.yml', withSkipTags(playbooks.get('molecule.yml')!, contractsSkipTags(plan)));
    for (const name of [...playbooks.keys()].sort()) files.add(name, playbooks.get(name)!);
    files.add(
      DATA_FILE,
      yamlText(scenarioData(plan, scenario), {
        header: [...header, '', `Data of the Molecule scenario ${scenario}: what depends on the plan (shape: molecule/README.md).`],
      }),
    );
    out.set(scenario, files.build());
  }
  return out;
}

/** The line of the contracts scenario's molecule.yml that edpm-rolegen sets. */
const SKIP_TAGS_PLACEHOLDER = /^ {4}skip-tags: \(set by edpm-rolegen\)$/mu;

/**
 * molecule.yml of update_services_contracts with its skip-tags option set:
 * the fixed text (comments kept) with the placeholder line of
 * `provisioner.options.skip-tags` replaced by that option as the YAML
 * serializer writes it at that place, which a build makes without parsing
 * the whole file and writing it again.
 */
function withSkipTags(text: string, skipTags: string): string {
  const lines = yamlText({ provisioner: { options: { 'skip-tags': skipTags } } }).split('\n');
  // ---, provisioner:, options:, the option, and the final newline
  if (lines.length !== 5 || !SKIP_TAGS_PLACEHOLDER.test(text)) {
    throw new Error('internal error: the skip-tags option of update_services_contracts/molecule.yml is not one line under provisioner.options');
  }
  return text.replace(SKIP_TAGS_PLACEHOLDER, () => lines[3]!);
}
