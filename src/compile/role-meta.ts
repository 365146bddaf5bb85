/**
 * `meta/main.yml` of a generated role.
 */
import { yamlText } from './yaml-text.js';

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
        min_ansible_version: '2.15',
        platforms: [{ name: 'EL', versions: ['9'] }],
        galaxy_tags: [...tags],
      },
      dependencies: [],
    },
    { header },
  );
}
