/**
 * `npm run bench`: runs every benchmark module in bench/ (files named
 * `*.bench.ts`, compiled to dist/bench/*.bench.js), in name order. Each module
 * exports `run(): Promise<void>` and prints its own figures next to its targets.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const modules = readdirSync(here)
  .filter((name) => name.endsWith('.bench.js'))
  .sort();
for (const name of modules) {
  const mod = (await import(pathToFileURL(join(here, name)).href)) as { run: () => Promise<void> };
  await mod.run();
}
