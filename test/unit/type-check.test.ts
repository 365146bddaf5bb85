/**
 * The tests are type-checked as strictly as the tool. Vitest strips types
 * without checking them, and `npm run build`'s tsc (tsconfig.json) compiles
 * src/, bench/ and scripts/ only, so a test broken by a renamed function or
 * a changed type would show only when it ran, and some did not run at all
 * (the matrix). tsconfig.test.json checks the whole project, every
 * TypeScript file under test/ and the Vitest configs included, with
 * tsconfig.json's options, and the project's JavaScript modules (the
 * `.mjs` scripts under scripts/, bench/ and test/, which the tests import or
 * run): each opts in with `// @ts-check` and types its functions in JSDoc
 * (tsconfig.json's `checkJs` is off, for the generated `.js` of src/); two
 * of them import the built library, whose declarations the suite's global
 * setup builds into dist/ first. It emits nothing (dist/ stays what the
 * build makes) and keeps its incremental build info under .cache/tsc/ (not
 * committed). Its one other option, lib ES2023 (tsconfig.json's target
 * ES2022 implies lib ES2022 and the DOM): the tests run only on Node
 * (>= 20.19, package.json's engines), which has all of ES2023
 * (`findLastIndex`, `toSorted`, ...) and no DOM.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths.js';

const ts = createRequire(import.meta.url)('typescript') as typeof import('typescript');

const TEST_CONFIG = 'tsconfig.test.json';

/** A tsconfig file of the project as tsc reads it (its `extends` resolved). */
function parsedConfig(name: string): import('typescript').ParsedCommandLine {
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, name), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (config === undefined) throw new Error(`${name}: not read`);
  expect(config.errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  return config;
}

/** The files under `dir` whose names `pattern` matches, absolute paths (node_modules left out). */
function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => pattern.test(f) && !f.split('/').includes('node_modules'))
    .map((f) => join(ROOT, dir, f));
}

/** The TypeScript sources (not JavaScript) under `dir`, absolute paths. */
const typescriptFilesUnder = (dir: string): string[] => filesUnder(dir, /\.[cm]?tsx?$/u);

/** The project's JavaScript modules: the `.mjs` files under scripts/, bench/ and test/. */
const javascriptModules = (): string[] => ['scripts', 'bench', 'test'].flatMap((dir) => filesUnder(dir, /\.mjs$/u));

describe(`the type check of the tests (${TEST_CONFIG})`, () => {
  it('covers everything tsconfig.json compiles, every TypeScript file under test/ and the Vitest configs', () => {
    const checked = new Set(parsedConfig(TEST_CONFIG).fileNames);
    const tests = typescriptFilesUnder('test');
    expect(tests.length).toBeGreaterThan(80);
    const vitestConfigs = readdirSync(ROOT).filter((f) => /^vitest\..*\.[cm]?ts$/u.test(f)).map((f) => join(ROOT, f));
    expect(vitestConfigs).toContain(join(ROOT, 'vitest.config.ts'));
    expect([...parsedConfig('tsconfig.json').fileNames, ...tests, ...vitestConfigs].filter((f) => !checked.has(f))).toEqual([]);
  });

  it('checks every .mjs module of scripts/, bench/ and test/: each is in it and opts in with // @ts-check', () => {
    const checked = new Set(parsedConfig(TEST_CONFIG).fileNames);
    const modules = javascriptModules();
    expect(modules.length).toBeGreaterThanOrEqual(6);
    expect(modules.filter((f) => !checked.has(f))).toEqual([]);
    // (after a shebang, if any: tsc reads the directive among the comments before the first statement)
    const optedOut = modules.filter((f) => !/^(#![^\n]*\n)?\/\/ @ts-check\n/u.test(readFileSync(f, 'utf8')));
    expect(optedOut).toEqual([]);
  });

  it("has tsconfig.json's options (its strictness), but for the four that make it a check of the tests", () => {
    const build = parsedConfig('tsconfig.json').options;
    const { noEmit, lib, tsBuildInfoFile, configFilePath, ...options } = parsedConfig(TEST_CONFIG).options;
    const { tsBuildInfoFile: buildInfo, configFilePath: buildConfig, ...buildOptions } = build;
    expect(options).toEqual(buildOptions);
    expect(buildOptions).toMatchObject({ strict: true, noUncheckedIndexedAccess: true });
    expect(noEmit).toBe(true);
    expect(lib).toEqual(['lib.es2023.d.ts']);
    expect(tsBuildInfoFile).toBe(join(ROOT, '.cache', 'tsc', 'test.tsbuildinfo'));
    expect([buildInfo, buildConfig, configFilePath]).toEqual([join(ROOT, 'dist', '.tsbuildinfo'), join(ROOT, 'tsconfig.json'), join(ROOT, TEST_CONFIG)]);
  });

  it('finds no type error', () => {
    const started = process.hrtime.bigint();
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, TEST_CONFIG), '--pretty', 'false'], { cwd: ROOT, encoding: 'utf8' });
    console.log(`tsc -p ${TEST_CONFIG}: ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s`);
    expect(tsc.error).toBeUndefined();
    expect(`${tsc.stdout}${tsc.stderr}`).toBe('');
    expect(tsc.status).toBe(0);
  });
});
