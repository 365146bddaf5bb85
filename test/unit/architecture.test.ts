import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths.js';

// ARCHITECTURE.md's table says which part of src/ may import which; this test
// reads the table and every import under src/, so that the rule is written
// once (in the document) and cannot drift from the code.
const SRC = join(ROOT, 'src');

/** Rows of the "Who may import whom" table: a part of src/ and what it may import, as paths relative to src/. */
function importRules(): Map<string, string[]> {
  const text = readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8');
  const rules = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const part = /^`src\/([^`]+)`$/u.exec(cells[1] ?? '')?.[1];
    if (part === undefined) continue;
    const allowed = [...(cells[3] ?? '').matchAll(/`([^`]+)`/gu)].map((m) => m[1]!);
    rules.set(part, allowed);
  }
  return rules;
}

/** Every .ts/.js source under src/, relative to src/. */
function sources(dir = SRC): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|js)$/u.test(name) && !name.endsWith('.d.ts') ? [relative(SRC, path).split('\\').join('/')] : [];
  });
}

/** The relative imports of a source file (static, re-exports and dynamic), resolved to paths relative to src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(SRC, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'(\.{1,2}\/[^']+)'/gu)].map((m) => m[1]!);
  return specifiers.map((s) => posix.join(posix.dirname(file), s).replace(/\.js$/u, '.ts'));
}

/** The part of src/ (a row of the table) a file belongs to. */
function partOf(file: string, rules: Map<string, string[]>): string | undefined {
  return [...rules.keys()].find((part) => (part.endsWith('/') ? file.startsWith(part) : file === part));
}

const allows = (allowed: readonly string[], target: string): boolean =>
  allowed.some((a) => (a.endsWith('/') ? target.startsWith(a) : target === a));

describe('the layout of src/ follows ARCHITECTURE.md', () => {
  const rules = importRules();
  const files = sources();

  it('has a row for every folder and top-level file of src/, and no row for something that is not there', () => {
    expect(rules.size).toBeGreaterThanOrEqual(8);
    const parts = new Set(files.map((f) => (f.includes('/') ? `${f.split('/')[0]}/` : f)));
    expect([...parts].sort()).toEqual([...rules.keys()].sort());
  });

  it('has no import the table does not allow', () => {
    const bad: string[] = [];
    for (const file of files) {
      const part = partOf(file, rules)!;
      for (const target of importsOf(file)) {
        if (partOf(target, rules) === part) continue;
        if (!allows(rules.get(part)!, target)) bad.push(`${file} imports ${target}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('catches an import it does not allow (the checker itself can fail)', () => {
    expect(allows(rules.get('write/')!, 'compile/compile-plan.ts')).toBe(false);
    expect(allows(rules.get('core/')!, 'model/plan.ts')).toBe(false);
    expect(allows(rules.get('roles-tree/')!, 'plan/load.ts')).toBe(false);
    expect(allows(rules.get('cli/')!, 'write/write-tree.ts')).toBe(true);
  });

  it('holds nothing test-only: every module is reached from the executable, the program it starts or the library API', () => {
    const reached = new Set<string>();
    const queue = ['cli/bin.ts', 'cli/main.ts', 'index.ts'];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (reached.has(file)) continue;
      reached.add(file);
      const resolved = importsOf(file).map((t) => (files.includes(t) ? t : t.replace(/\.ts$/u, '.js')));
      queue.push(...resolved.filter((t) => files.includes(t)));
    }
    expect(files.filter((f) => !reached.has(f))).toEqual([]);
  });

  it('ships no hook that a test drives through the environment', () => {
    const hooks = files.filter((f) => /EDPM_ROLEGEN_CRASH|process\.kill\(process\.pid/u.test(readFileSync(join(SRC, f), 'utf8')));
    expect(hooks).toEqual([]);
  });
});

