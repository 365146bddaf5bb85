/**
 * Compiles the TypeScript before the tests when a source is newer than the
 * compiled CLI, so that tests can run the real `edpm-rolegen` executable from
 * dist/. tsc is incremental (dist/.tsbuildinfo); with nothing changed since
 * the last compile the step is skipped (a few milliseconds to see it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The newest modification time of the files under `path`, in ms. */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

export default function setup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const outputs = ['dist/edpm-rolegen.mjs', 'dist/edpm-rolegen-program.cjs', 'dist/edpm-rolegen-program.code-cache', 'dist/.tsbuildinfo'].map((f) => join(root, f));
  const sources = ['src', 'bench', 'scripts', 'tsconfig.json', 'package-lock.json'].map((f) => newest(join(root, f)));
  if (outputs.every(existsSync) && Math.max(...sources) < Math.min(...outputs.map((f) => statSync(f).mtimeMs))) return;
  execFileSync('npm', ['run', '--silent', 'compile'], { cwd: root, stdio: 'inherit' });
}
