import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { compilePlan } from '../../../src/compile/compile-plan.js';
import { InputError } from '../../../src/core/diagnostics.js';
import { parsePlan } from '../../../src/plan/load.js';

// Arbitrary plans of the shapes and name grammars the schema accepts (and,
// now and then, values it does not): parsing and compiling never throw
// anything but InputError, and every generated YAML file parses as YAML 1.1
// and gives back the same data when written again.
const lower = 'abcdefghijklmnopqrstuvwxyz';
const chars = (alphabet: string, min: number, max: number) =>
  fc.array(fc.constantFrom(...alphabet.split('')), { minLength: min, maxLength: max }).map((a) => a.join(''));
const roleName = fc.tuple(chars(lower, 1, 1), chars(`${lower}0123456789_`, 0, 12)).map(([a, b]) => a + b);
const serviceType = fc.array(chars(`${lower}0123456789`, 1, 6), { minLength: 1, maxLength: 3 }).map((w) => w.join('-'));
const taskFile = fc.tuple(chars(`${lower}0123456789`, 1, 1), chars(`${lower}0123456789_-`, 0, 8)).map(([a, b]) => a + b);
const pkg = fc.oneof(
  fc.tuple(chars(`${lower}ABC0123456789_+`, 1, 1), chars(`${lower}0123456789._+*?-`, 0, 14)).map(([a, b]) => a + b),
  fc.constantFrom('*', 'kernel*', 'python3-[ab]*', 'openstack-selinux'),
);
// Rules by meaning (src/plan/plan-rules.ts): the targeted update takes exact names, exclusions keep a
// literal part, kpatch holds back kernel packages, the reboot flag lives in edpm_reboot's folder.
const exactPkg = fc.tuple(chars(`${lower}ABC0123456789_+`, 1, 1), chars(`${lower}0123456789._+-`, 0, 14)).map(([a, b]) => a + b);
const exclusionPkg = pkg.filter((p) => p.replace(/\[[^\]]*\]/gu, '').replace(/[*?]/gu, '') !== '');
const kernelPkg = chars(`${lower}0123456789-`, 0, 8).map((s) => `kernel${s}`);
const ovsPkg = fc
  .tuple(fc.constantFrom('', 'rdo-', 'rhoso-', 'python3-'), fc.constantFrom('', '3.1', '3.3'), fc.constantFrom('', '-devel'))
  .map(([pre, stream, post]) => `${pre}openvswitch${stream}${post}`);
const anyString = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('{{ x }}', "'; id", '\n', '-x', '..'));
const maybeHostile = <T>(good: fc.Arbitrary<T>) => fc.oneof({ weight: 40, arbitrary: good }, { weight: 1, arbitrary: anyString });
const list = <T>(item: fc.Arbitrary<T>, min = 0, max = 4) => fc.uniqueArray(item, { minLength: min, maxLength: max });

const step = fc.record({ serviceType: maybeHostile(serviceType), role: maybeHostile(roleName), tasks: list(maybeHostile(taskFile), 1, 3) });
const planData = fc.record(
  {
    collection: fc.tuple(roleName, roleName).map(([a, b]) => `${a}.${b}`),
    updateServices: fc.record(
      {
        essentialPackages: list(maybeHostile(fc.oneof({ weight: 20, arbitrary: exactPkg }, { weight: 1, arbitrary: pkg }))),
        alwaysExcludedPackages: list(exclusionPkg).map((extra) => ['kernel', 'kernel-core', 'openvswitch', ...extra.filter((p) => !['kernel', 'kernel-core', 'openvswitch'].includes(p))]),
        alwaysBefore: fc.array(fc.record({ role: roleName, tasks: list(taskFile, 1, 2) }), { maxLength: 2 }),
        containerSteps: fc.array(step, { maxLength: 12 }),
        prune: fc.record({ images: fc.boolean(), volumes: fc.boolean() }, { requiredKeys: [] }),
      },
      { requiredKeys: ['containerSteps'] },
    ),
    updateSystem: fc.record(
      {
        openvswitch: fc.record(
          {
            tasks: fc.oneof(fc.constant('inline'), fc.record({ role: roleName, tasks: fc.oneof(taskFile, list(taskFile, 1, 2)) })),
            // Mostly Open vSwitch names (the only ones a plan may list), some not.
            packages: list(maybeHostile(fc.oneof({ weight: 6, arbitrary: ovsPkg }, { weight: 1, arbitrary: pkg })), 1),
            downloadDelay: fc.integer({ min: 0, max: 3600 }),
            reloadAfterUpdate: fc.boolean(),
            downloadRetries: fc.integer({ min: 0, max: 100 }),
            serviceName: fc.constantFrom('openvswitch', 'ovsdb-server', 'ovs-vswitchd.service'),
          },
          { requiredKeys: [] },
        ),
        includePackages: list(pkg, 1, 3),
        alwaysExcludedPackages: list(exclusionPkg).map((extra) => ['openvswitch', ...extra.filter((p) => p !== 'openvswitch')]),
        kpatch: fc.record({ enabled: fc.boolean(), kernelPackages: list(fc.oneof({ weight: 20, arbitrary: kernelPkg }, { weight: 1, arbitrary: pkg })) }, { requiredKeys: [] }),
        bootc: fc.record(
          {
            rebootRequiredFile: fc.oneof(
              { weight: 20, arbitrary: taskFile.map((f) => `/var/lib/openstack/reboot_required/${f}`) },
              { weight: 1, arbitrary: fc.array(taskFile, { minLength: 1, maxLength: 4 }).map((p) => `/${p.join('/')}`) },
            ),
          },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['updateServices'] },
);

describe('any plan', () => {
  it('compiles, or is refused with an InputError; output is always YAML 1.1 that round-trips', () => {
    let compiled = 0;
    let refused = 0;
    // Most files are the same text from plan to plan (the fixed Molecule
    // playbooks, much of each role): each distinct text is checked once.
    const checked = new Set<string>();
    fc.assert(
      fc.property(planData, (data) => {
        let plan;
        try {
          plan = parsePlan(stringify(data), 'arbitrary.yaml');
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
          refused++;
          return;
        }
        const tree = compilePlan(plan);
        compiled++;
        for (const [path, text] of tree) {
          if (!/\.ya?ml$/u.test(path) || checked.has(text)) continue;
          checked.add(text);
          const docs = parseAllDocuments(text, { version: '1.1' });
          expect(Array.isArray(docs) ? docs.length : 0, path).toBe(1);
          const [doc] = docs as unknown as { errors: unknown[]; toJS(): unknown }[];
          expect(doc!.errors, path).toEqual([]);
          const value = doc!.toJS();
          expect(parse(stringify(value, { version: '1.1' }), { version: '1.1' }), path).toEqual(value);
        }
      }),
      { numRuns: 300 },
    );
    console.log(`property: ${compiled} plans compiled, ${refused} refused, ${checked.size} distinct YAML files checked`);
    expect(compiled).toBeGreaterThan(100);
  }, 120_000);
});
