/**
 * The JSON Schema of plan files, written with TypeBox so that the TypeScript
 * type of a plan file (`PlanFile`) is derived from the schema itself: the two
 * cannot drift. `schemas/plan.schema.json` is this object written out
 * by `npm run build` (scripts/plan-contract.ts), and a test checks that the
 * committed file is current.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import {
  collectionName,
  nodeName,
  nodePath,
  packagePattern,
  roleName,
  serviceType,
  taskFileName,
  unitName,
  type NameGrammar,
} from '../model/names.js';

/** A string schema for one of the name grammars, carrying its rule as description. */
function nameOf(grammar: NameGrammar, description?: string) {
  return Type.String({
    pattern: grammar.pattern,
    minLength: 1,
    maxLength: grammar.maxLength,
    description: `${description ?? grammar.kind}: ${grammar.rule}`,
  });
}

function listOf<T extends TSchema>(item: T, description: string, minItems = 0) {
  return Type.Array(item, { description, minItems, maxItems: 10000, uniqueItems: true });
}

const Package = nameOf(packagePattern);
const TaskFile = nameOf(taskFileName);

/**
 * Which task files of a step are included with `apply: become: true`: all
 * (`true`, the default), none (`false`: their tasks choose for themselves,
 * e.g. gather facts as the connecting user), or the ones listed.
 */
const Become = Type.Union(
  [
    Type.Boolean(),
    listOf(TaskFile, 'the task files of this step included with become (each must be in tasks)'),
  ],
  {
    description:
      'which task files are included with become: true (all, the default), false (none: their tasks choose for themselves) or a list of some of them',
  },
);

const RoleTasks = Type.Object(
  {
    role: nameOf(roleName, 'role in the collection'),
    tasks: listOf(TaskFile, 'task files of the role to include, in order (base names)', 1),
    become: Type.Optional(Become),
  },
  { additionalProperties: false, description: 'a role and the ordered task files of it to include' },
);

const ContainerStep = Type.Object(
  {
    serviceType: nameOf(serviceType, 'EDPM service type whose presence runs this step'),
    role: nameOf(roleName, 'role in the collection'),
    tasks: listOf(TaskFile, 'task files of the role to include, in order (base names)', 1),
    become: Type.Optional(Become),
  },
  { additionalProperties: false, description: 'one step of the container update' },
);

const UpdateServices = Type.Object(
  {
    essentialPackages: Type.Optional(
      listOf(Package, 'packages updated by the targeted dnf step (default [openstack-selinux])'),
    ),
    alwaysExcludedPackages: Type.Optional(
      listOf(Package, 'packages never updated by phase 1; must keep kernel, kernel-core and openvswitch (default: those and *openvswitch*, every Open vSwitch package)'),
    ),
    alwaysBefore: Type.Optional(
      Type.Array(RoleTasks, { maxItems: 1000, description: 'steps run on every node before the services (registry login)' }),
    ),
    containerSteps: Type.Array(ContainerStep, {
      maxItems: 100000,
      description: 'the ordered container steps',
    }),
    prune: Type.Optional(
      Type.Object(
        {
          images: Type.Optional(Type.Boolean({ description: 'prune unused images (default true)' })),
          volumes: Type.Optional(Type.Boolean({ description: 'prune unused volumes (default true)' })),
        },
        { additionalProperties: false, description: 'pruning after all services were updated' },
      ),
    ),
  },
  { additionalProperties: false, description: 'phase 1: edpm_update_services' },
);

const OpenvswitchStep = Type.Object(
  {
    tasks: Type.Optional(
      Type.Union(
        [
          Type.Literal('inline', { description: 'tasks generated into edpm_update_system' }),
          Type.Object(
            {
              role: nameOf(roleName, 'role that owns the Open vSwitch update tasks'),
              tasks: Type.Union([TaskFile, listOf(TaskFile, 'task files to import from it, in order (base names)', 1)], {
                description: 'task file (or files, in order) to import from it, e.g. [update]',
              }),
            },
            { additionalProperties: false },
          ),
        ],
        { description: 'where the Open vSwitch update tasks come from (default inline)' },
      ),
    ),
    packages: Type.Optional(
      listOf(Package, 'default of edpm_ovs_packages: Open vSwitch package names, no glob, at least one (default [openvswitch])'),
    ),
    reloadAfterUpdate: Type.Optional(
      Type.Boolean({ description: 'default of edpm_ovs_reload_after_update (default false)' }),
    ),
    downloadRetries: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 100, description: 'default of edpm_ovs_download_retries: retries of the package download (default 5)' }),
    ),
    downloadDelay: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 3600, description: 'default of edpm_ovs_download_delay: seconds between download attempts (default 5, as edpm_ovs)' }),
    ),
    serviceName: Type.Optional(nameOf(unitName, 'the Open vSwitch systemd unit (default openvswitch)')),
  },
  { additionalProperties: false, description: 'the Open vSwitch step, run first' },
);

const UpdateSystem = Type.Object(
  {
    openvswitch: Type.Optional(OpenvswitchStep),
    includePackages: Type.Optional(
      listOf(Package, 'default of edpm_update_system_include_packages (default ["*"])', 1),
    ),
    alwaysExcludedPackages: Type.Optional(
      listOf(Package, 'packages the all-packages step never updates; must keep openvswitch (default: openvswitch, openvswitch[0-9]*, rdo-openvswitch, rhoso-openvswitch)'),
    ),
    kpatch: Type.Optional(
      Type.Object(
        {
          enabled: Type.Optional(Type.Boolean({ description: 'default of edpm_update_system_enable_kpatch (default false)' })),
          kernelPackages: Type.Optional(
            listOf(Package, 'packages held back when kpatch is enabled (default [kernel, kernel-core, kernel-modules, kernel-modules-core, kernel-modules-extra])'),
          ),
        },
        { additionalProperties: false, description: 'live kernel patching' },
      ),
    ),
    bootc: Type.Optional(
      Type.Object(
        {
          rebootRequiredFile: Type.Optional(
            nameOf(nodePath, 'file flagged when a bootc deployment is staged'),
          ),
        },
        { additionalProperties: false, description: 'image-mode (bootc) hosts' },
      ),
    ),
  },
  { additionalProperties: false, description: 'phase 2: edpm_update_system' },
);

const WaveSize = Type.Union(
  [
    Type.Integer({ minimum: 1, maximum: 100000, description: 'a number of nodes' }),
    Type.String({ pattern: '^([1-9][0-9]?|100)%$', description: 'a share of the node set, "1%" to "100%"' }),
  ],
  { description: 'a number of nodes (at least 1) or a share of the node set, "1%" to "100%"' },
);

const PhaseRollout = Type.Object(
  {
    canary: Type.Optional(
      Type.Union(
        [
          Type.Integer({ minimum: 1, maximum: 100000, description: 'the first nodes of the node set' }),
          Type.Array(nameOf(nodeName, 'canary node'), { minItems: 1, maxItems: 1000, uniqueItems: true, description: 'named nodes' }),
        ],
        { description: 'the canary: a number of nodes (at least 1) or a list of node names (default: none)' },
      ),
    ),
    waves: Type.Optional(
      Type.Array(WaveSize, { maxItems: 100, description: 'sizes of the waves after the canary, in order; the nodes left after them form the last wave (default: [], one wave)' }),
    ),
    failureBudget: Type.Optional(
      Type.Union(
        [
          Type.Integer({ minimum: 0, maximum: 100000, description: 'nodes of each wave that may fail' }),
          Type.String({ pattern: '^([1-9]?[0-9]|100)%$', description: 'share of each wave that may fail, "0%" to "100%"' }),
        ],
        { description: 'how many nodes of each wave (a number) or what share of it ("N%", 0 to 100) may fail before the rollout stops; the canary may not fail (default 0)' },
      ),
    ),
  },
  { additionalProperties: false, description: 'the rollout of one phase over the nodes of a node set' },
);

const Rollout = Type.Object(
  {
    updateServices: Type.Optional(PhaseRollout),
    updateSystem: Type.Optional(PhaseRollout),
  },
  { additionalProperties: false, description: 'rolling each phase out in waves (default: every node at once)' },
);

/** The schema of a plan file. */
export const PlanFileSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String({ description: 'path or URL of this schema, for editors' })),
    collection: Type.Optional(nameOf(collectionName, 'collection of the roles (default osp.edpm)')),
    ignoredRoles: Type.Optional(
      listOf(
        nameOf(roleName, 'role of the roles tree'),
        'roles of the roles tree that take no part in the update: discover does not warn about them, init does not add them (default [])',
      ),
    ),
    updateServices: UpdateServices,
    updateSystem: Type.Optional(UpdateSystem),
    rollout: Type.Optional(Rollout),
  },
  {
    $id: 'https://edpm-rolegen.invalid/schemas/plan.schema.json',
    title: 'edpm-rolegen update plan',
    description: 'The EDPM minor-update plan that edpm-rolegen compiles into edpm_update_services and edpm_update_system',
    additionalProperties: false,
  },
);

/** A plan file as written: optional fields may be absent. */
export type PlanFile = Static<typeof PlanFileSchema>;

/** The schema as the plain JSON object written to `schemas/plan.schema.json`. */
export function planJsonSchema(): Record<string, unknown> {
  return { $schema: 'http://json-schema.org/draft-07/schema#', ...JSON.parse(JSON.stringify(PlanFileSchema)) };
}
