/**
 * Compiles the TypeScript once before the tests, so that tests can run the
 * real `edpm-rolegen` executable from dist/.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  execFileSync('npm', ['run', '--silent', 'compile'], { cwd: root, stdio: 'inherit' });
}
