/**
 * The file names of service roles' task files as they exist in a roles tree:
 * `update.yml` or `update.yaml` (ansible-core 2.19 finds only the file named
 * in `tasks_from`). The compiler emits what this says; without a roles tree,
 * `<base>.yml`.
 */

/** The file name of task file `base` of `role`. */
export type TaskFileNames = (role: string, base: string) => string;

/** Without a roles tree: `<base>.yml`. */
export const YML_TASK_FILES: TaskFileNames = (_role, base) => `${base}.yml`;
