// @ts-check
// Bundles the CLI (see src/cli/program-bundle.ts): the program into one
// CommonJS script, dist/edpm-rolegen-program.cjs (loading one file instead
// of ~150 modules), and the package's bin, dist/edpm-rolegen.mjs, which
// starts it; then makes the program's V8 code cache
// (scripts/code-cache.mjs), so that `edpm-rolegen build` does not parse and
// compile its functions at every start (see bench/compile.bench.ts).
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';

/** @type {import('esbuild').BuildOptions} */
const common = { bundle: true, platform: 'node', target: 'node20', minify: true, legalComments: 'linked', logLevel: 'warning' };

// commander loads node:child_process at its start, for subcommands that are
// separate executables (which this CLI has none of): loading it (and net,
// dgram... with it) was a tenth of the program's start-up. Commander gets
// a stand-in that loads the real module on its first use.
/** @type {import('esbuild').Plugin} */
const lazyChildProcess = {
  name: 'lazy-child-process-for-commander',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[/\\]node_modules[/\\]commander[/\\]/u.test(args.importer) ? { path: 'lazy-child-process', namespace: 'lazy-child-process' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};
await build({
  ...common,
  entryPoints: ['dist/src/cli/main.js'],
  outfile: 'dist/edpm-rolegen-program.cjs',
  format: 'cjs',
  // The script runs inside program-bundle.ts's wrapper, which passes the
  // bundle's URL (package-root.ts finds the package from it).
  define: { 'import.meta.url': '__edpmRolegenModuleUrl' },
  plugins: [lazyChildProcess],
});
await build({ ...common, entryPoints: ['dist/src/cli/bin.js'], outfile: 'dist/edpm-rolegen.mjs', format: 'esm' });
const cache = spawnSync(process.execPath, ['scripts/code-cache.mjs'], { stdio: 'inherit' });
if (cache.status !== 0) process.exit(cache.status ?? 1);
