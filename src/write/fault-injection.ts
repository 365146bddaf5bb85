/**
 * Fault injection for the crash-safety tests: with EDPM_ROLEGEN_CRASH_AT set
 * to `<step>:<n>`, the writer kills its own process (SIGKILL, no clean-up)
 * the n-th time it reaches that step (see WriteOptions.onStep). Unset, it
 * does nothing.
 */

/** The onStep hook the environment asks for, if any. */
export function crashHookFromEnv(env: NodeJS.ProcessEnv = process.env): ((step: string) => void) | undefined {
  const spec = env.EDPM_ROLEGEN_CRASH_AT;
  if (spec === undefined || spec === '') return undefined;
  const [step, nth] = spec.split(':');
  const target = Number(nth ?? '1');
  let seen = 0;
  return (current) => {
    if (current === step && ++seen === target) process.kill(process.pid, 'SIGKILL');
  };
}
