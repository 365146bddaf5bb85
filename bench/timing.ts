/**
 * What every benchmark times with: one run's wall time, a median over
 * repeated runs after warm-up runs, and the quantiles a spread is printed by.
 */

/** The value below which a share `q` of `xs` lies (nearest rank). */
export const quantile = (xs: readonly number[], q: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;

export const median = (xs: readonly number[]): number => quantile(xs, 0.5);

/** Milliseconds (wall time) `fn` takes, once. */
export function msOf(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The median milliseconds of `runs` runs of `fn`, after `warmUps` runs not timed. */
export function medianMs(fn: () => unknown, runs: number, warmUps: number): number {
  for (let i = 0; i < warmUps; i++) fn();
  return median(Array.from({ length: runs }, () => msOf(fn)));
}
