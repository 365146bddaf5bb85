// Bundles the CLI into one file, dist/edpm-rolegen.mjs (the package's bin):
// loading one file instead of ~150 modules keeps `edpm-rolegen build` within
// its start-up budget (see bench/compile.bench.ts).
import { build } from 'esbuild';

await build({
  entryPoints: ['dist/src/cli/main.js'],
  outfile: 'dist/edpm-rolegen.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'linked',
  logLevel: 'warning',
  // Some CommonJS dependencies call require(); give the ES module one.
  banner: { js: "import { createRequire as __edpmRolegenRequire } from 'node:module'; const require = __edpmRolegenRequire(import.meta.url);" },
});
