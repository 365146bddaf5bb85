import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { compilePlan } from '../../src/compile/compile-plan.js';
import { DNF_UPDATE_ONLY_NOT_INSTALLED } from '../../src/compile/package-update.js';
import { parsePlanWithSource, readPlanText } from '../../src/plan/load.js';
import { boolFilter } from '../../src/show/ansible-values.js';
import { collectionLayout, runTool, stubsOf, venvBinOf, VENV_BIN, type CollectionLayout } from '../support/ansible-toolchain.js';
import { DEFAULT_PLAN, ROOT } from '../support/paths.js';

// The ansible-core matrix (`npm run test:matrix`): the generated roles of the
// built-in plan on every ansible-core their users run, without a version
// conditional in them:
// - 2.16, the oldest that edpm-ansible's execution environment accepts
//   (`ansible-core>=2.16.1`), .venv-core2.16 (requirements-python-core2.16.txt);
// - 2.19, the project's pinned toolchain, .venv (requirements-python.txt);
// - 2.21, the newest on the package registry (Python 3.12), .venv-core2.21.
// Each core: its own `ansible-playbook --syntax-check` of both playbooks,
// `ansible-doc` of both roles, the argument specs enforced (a good call
// accepted, wrongly typed variables refused) and the update_services and
// update_system Molecule scenarios whole; ansible-lint once (it only needs
// one core: the pinned toolchain's). EDPM_MATRIX_CORES chooses the cores
// (default all three); scripts/test-matrix.sh makes the virtualenvs.

/** The exact ansible-core a requirement file pins. */
function pinnedCore(file: string): string {
  const m = /^ansible-core==(\d+\.\d+\.\d+)$/m.exec(readFileSync(join(ROOT, file), 'utf8'));
  if (m === null) throw new Error(`${file} pins no ansible-core`);
  return m[1]!;
}
const minor = (version: string) => version.split('.').slice(0, 2).join('.');
const PINNED = pinnedCore('requirements-python.txt');
const CORES = (process.env.EDPM_MATRIX_CORES ?? `2.16 ${minor(PINNED)} 2.21`).split(/\s+/).filter((c) => c !== '');
const exactOf = (core: string) => (core === minor(PINNED) ? PINNED : pinnedCore(`requirements-python-core${core}.txt`));
const binOf = (core: string) => venvBinOf(core, minor(PINNED));

const { plan } = parsePlanWithSource(readPlanText(DEFAULT_PLAN), DEFAULT_PLAN);
const tree = compilePlan(plan);
let lint: CollectionLayout;
let run: CollectionLayout;
beforeAll(() => {
  lint = collectionLayout(tree, plan.collection);
  run = collectionLayout(tree, plan.collection, stubsOf(plan));
});
afterAll(() => {
  rmSync(lint.root, { recursive: true, force: true });
  rmSync(run.root, { recursive: true, force: true });
});

it(`the generated roles pass ansible-lint, profile production (pinned ansible-core ${PINNED})`, () => {
  const r = runTool('ansible-lint', ['--profile', 'production', '--offline', '--strict', '--nocolor', '-f', 'pep8', '-c', '/dev/null', '.'], lint.dir, lint.root);
  expect(r.status, r.output).toBe(0);
  expect(r.output).toMatch(/Profile 'production' was required, and it passed/);
});

it('the roles claim the range the matrix proves: meta min_ansible_version is its oldest core', () => {
  const oldest = [...CORES].sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]))[0]!;
  for (const role of ['edpm_update_services', 'edpm_update_system']) {
    expect(tree.get(`${role}/meta/main.yml`), role).toContain(`min_ansible_version: "${oldest}"`);
  }
});

for (const core of CORES) {
  describe(`ansible-core ${core}`, () => {
    const bin = binOf(core);
    const tool = (name: string, args: readonly string[], extraEnv: Record<string, string> = {}) => runTool(name, args, run.dir, run.root, extraEnv, bin);

    it(`is the pinned ${exactOf(core)}`, () => {
      const r = tool('ansible', ['--version']);
      expect(r.status, r.output).toBe(0);
      expect(r.output.split('\n')[0]).toContain(`[core ${exactOf(core)}]`);
    });

    it('ansible-playbook --syntax-check passes both playbooks', () => {
      for (const playbook of ['update_services.yml', 'update_system.yml']) {
        const r = tool('ansible-playbook', ['--syntax-check', '-i', 'localhost,', join('playbooks', playbook)]);
        expect(r.status, `${playbook}\n${r.output}`).toBe(0);
        expect(r.output).toContain(`playbook: playbooks/${playbook}`);
        expect(r.output, 'no deprecation or warning').not.toMatch(/\[(DEPRECATION )?WARNING\]/);
      }
    });

    it('ansible-doc renders both roles\' argument specs', () => {
      for (const role of ['edpm_update_services', 'edpm_update_system']) {
        const r = tool('ansible-doc', ['-t', 'role', `${plan.collection}.${role}`]);
        expect(r.status, r.output).toBe(0);
        const specs = tree.get(`${role}/meta/argument_specs.yml`)!;
        const options = [...specs.matchAll(/^ {6}([a-z_]+):$/gm)].map((m) => m[1]!);
        expect(options.length).toBeGreaterThan(3);
        for (const option of options) expect(r.output, option).toContain(option);
      }
    });

    // The essential packages' install runs only when the update before it
    // (`update_only`) reported a name it left alone for want of an installed
    // package: by this text of the dnf backends (dnf4, where ansible-core
    // 2.21 moved it into module_utils/_embed, and dnf5). The node-side proof is
    // the update_services_contracts scenario (a missing essential package installed).
    it(`the dnf backends report a name update_only left alone as the role's condition expects ("${DNF_UPDATE_ONLY_NOT_INSTALLED}")`, () => {
      const script = [
        'import ansible, json, os',
        'base = os.path.dirname(ansible.__file__)',
        "embed = os.path.join(base, 'module_utils', '_embed', 'dnf.py')",
        "files = [embed if os.path.exists(embed) else os.path.join(base, 'modules', 'dnf.py'), os.path.join(base, 'modules', 'dnf5.py')]",
        "print(json.dumps({os.path.relpath(f, base): open(f).read() for f in files}))",
      ].join('\n');
      const r = tool('python3', ['-c', script]);
      expect(r.status, r.output).toBe(0);
      const sources = JSON.parse(r.output) as Record<string, string>;
      expect(Object.keys(sources)).toHaveLength(2);
      for (const [file, text] of Object.entries(sources)) {
        expect(text, file).toMatch(new RegExp(`Packages providing (%s|\\{\\w*\\}) ${DNF_UPDATE_ONLY_NOT_INSTALLED}`));
      }
    });

    // `show` applies the bool filter of the pinned core (2.19): the same
    // decisions on every core of the matrix, a deprecation warning for a
    // value it does not know from 2.19 on, none on 2.16.
    it("the bool filter decides every spelling as show's does", () => {
      const values = ['yes', 'On', 'TRUE', '1', 't', 'T', 'y', ' yes', 'yes ', 'no', 'off', '0', 'False', 'f', 'n', 'maybe', '', 1, 0, 2, true, false, null];
      const script = [
        'import json, sys, warnings',
        'from ansible.plugins.filter.core import to_bool',
        'from ansible.utils.display import Display',
        'seen = []',
        'Display.deprecated = lambda self, msg, *a, **k: seen.append(msg)',
        'out = []',
        'for v in json.load(sys.stdin):',
        '    seen.clear()',
        '    out.append([bool(to_bool(v)), len(seen) > 0])',
        'print(json.dumps(out))',
      ].join('\n');
      const r = spawnSync(join(bin, 'python3'), ['-c', script], { input: JSON.stringify(values), encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const real = JSON.parse(r.stdout) as [boolean, boolean][];
      values.forEach((v, i) => {
        const ours = boolFilter(v);
        expect(real[i]![0], JSON.stringify(v)).toBe(ours.value);
        expect(real[i]![1], `${JSON.stringify(v)} warns`).toBe(core === '2.16' ? false : ours.warning !== null);
      });
    });


    function validate(role: string, vars: Record<string, unknown>) {
      const playbook = join(run.dir, `validate-${role}-${core}.yml`);
      // ansible_local defined: the roles' first task (local facts, tagged always, become) is skipped, only the validation runs.
      writeFileSync(
        playbook,
        stringify([{ name: 'Validate', hosts: 'localhost', connection: 'local', gather_facts: false, vars: { ...vars, ansible_local: {} }, tasks: [{ name: 'Role', 'ansible.builtin.import_role': { name: `${plan.collection}.${role}` } }] }]),
      );
      return tool('ansible-playbook', ['-i', 'localhost,', '--tags', 'no-such-tag', playbook]);
    }

    it('argument specs: well-typed variables accepted, wrongly typed ones refused', () => {
      const good = validate('edpm_update_services', { edpm_update_services_include_packages: ['openstack-selinux'], edpm_service_types: ['ovn'] });
      expect(good.status, good.output).toBe(0);
      expect(good.output).toMatch(/Validating arguments against arg spec/);
      const badServices = validate('edpm_update_services', { edpm_update_services_include_packages: { a: 1 }, edpm_service_types: [] });
      expect(badServices.status).not.toBe(0);
      expect(badServices.output).toMatch(/Validation of arguments failed[\s\S]*edpm_update_services_include_packages/);
      const badSystem = validate('edpm_update_system', { edpm_update_system_enable_kpatch: 'maybe' });
      expect(badSystem.status).not.toBe(0);
      expect(badSystem.output).toMatch(/Validation of arguments failed[\s\S]*edpm_update_system_enable_kpatch/);
    });
  });
}

/** Runs `molecule/run-scenario.sh SCENARIO test` with a core of the matrix. */
function scenario(name: string, core: string): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, EDPM_ANSIBLE_CORE: core === minor(PINNED) ? '' : core, PATH: `${VENV_BIN}:${process.env.PATH ?? ''}` };
    const child = spawn('bash', [join(ROOT, 'molecule', 'run-scenario.sh'), name, 'test'], { env });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (status) => resolve({ status, output }));
  });
}

// Independent nodes (named after scenario and core), run side by side up to
// the project's maxConcurrency (EDPM_MOLECULE_JOBS).
describe.concurrent('Molecule scenarios on each ansible-core', () => {
  for (const core of CORES) {
    for (const name of ['update_services', 'update_system']) {
      it(`${name} passes on ansible-core ${core}`, async () => {
        const r = await scenario(name, core);
        console.log(r.output.trim().split('\n').at(-1));
        expect(r.status, r.output).toBe(0);
        expect(r.output).toMatch(new RegExp(`-s ${name} \\(dist-roles/edpm_update_[a-z]+/molecule/${name}[^)]*\\): passed in \\d+s`));
      });
    }
  }
});
