/**
 * Facts about the shared Molecule resources in the repository's `molecule/`
 * folder, as the generated scenarios use them: package names of the RPM
 * fixtures, image names, where things are on the test node.
 */

/** Every fixture package, installed at its baseline version by prepare. */
export const FIXTURE_PACKAGES = [
  'openstack-selinux',
  'kernel',
  'kernel-core',
  'openvswitch',
  'rdo-openvswitch',
  'kpatch',
  'edpm-fixture-tools',
  'edpm-fixture-libs',
  'edpm-fixture-pinned',
] as const;

/** Ordinary packages: an update of every package updates them. */
export const ORDINARY_PACKAGES = ['edpm-fixture-tools', 'edpm-fixture-libs'] as const;
/** The package the scenarios ask the roles to leave alone, through the user exclude lists. */
export const USER_EXCLUDED_PACKAGE = 'edpm-fixture-pinned';
/** Versions: baseline and update. */
export const BASELINE = { version: '1.0', kernelRelease: '1' } as const;
export const UPDATE = { version: '2.0', kernelRelease: '2' } as const;

/** On the test node. */
export const NODE = {
  stateDir: '/var/lib/edpm-fixture',
  journal: '/var/lib/edpm-fixture/journal',
  markers: '/var/lib/edpm-fixture/markers',
  rpmsBefore: '/var/lib/edpm-fixture/rpms-before.txt',
  repos: '/srv/edpm-fixture/repos',
  images: '/srv/edpm-fixture/images',
  serviceImage: 'localhost/edpm-fixture/service',
} as const;

/** The test-node image (molecule/node/build.sh tags it). */
export const NODE_IMAGE = 'localhost/edpm-rolegen-node:latest';

/** Environment variables the scenarios' molecule.yml sets, with the values Molecule expands. */
export const SCENARIO_ENV = {
  EDPM_FIXTURES: '${MOLECULE_PROJECT_DIRECTORY}/../../.cache/molecule',
  EDPM_FIXTURE_ROLE: '${MOLECULE_PROJECT_DIRECTORY}/../../molecule/fixture-collection/service_role',
} as const;

/** The command that prepares the host (image, repositories, service images). */
export const PREPARE_HOST = 'bash "${MOLECULE_PROJECT_DIRECTORY}/../../molecule/prepare-host.sh"';
