/**
 * `meta/main.yml` of a generated role.
 */
import { yamlText } from './yaml-text.js';

/**
 * The oldest ansible-core the generated roles are built for: the oldest that
 * edpm-ansible's execution environment accepts (`ansible-core>=2.16.1`), and
 * the oldest end of the ansible-core matrix that proves them (2.16 to 2.21).
 */
export const MIN_ANSIBLE_CORE = '2.16';

/** Galaxy metadata of a generated role. */
export function roleMetaFile(role: string, namespace: string, description: string, tags: readonly string[], header: readonly string[]): string {
  return yamlText(
    {
      galaxy_info: {
        role_name: role,
        namespace,
        author: 'OpenStack',
        description,
        company: 'Red Hat',
        license: 'Apache-2.0',
        min_ansible_version: MIN_ANSIBLE_CORE,
        platforms: [{ name: 'EL', versions: ['9'] }],
        galaxy_tags: [...tags],
      },
      dependencies: [],
    },
    { header },
  );
}
