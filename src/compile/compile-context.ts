/**
 * What the compiler knows besides the plan: facts of the roles tree the
 * plan was audited against (`build --roles`), when there is one.
 */
import { YML_TASK_FILES, type TaskFileNames } from '../model/task-files.js';

/** Options of compilePlan. */
export interface CompileOptions {
  /** The task file names as they exist in the roles tree (default: `<base>.yml`). */
  readonly taskFileNames?: TaskFileNames;
}

/** What every role module gets besides the plan. */
export interface CompileContext {
  readonly taskFile: TaskFileNames;
}

/** The context of a compilation. */
export function compileContext(options: CompileOptions): CompileContext {
  return { taskFile: options.taskFileNames ?? YML_TASK_FILES };
}
