/**
 * explain with sloppy and hostile input: targets whose line is not a line,
 * plan lines that are not in the plan, a plan reached through a link, a
 * provenance map that is corrupt, a generated file edited since the build.
 * Each is one line naming the file, exit 2 (a warning for the edit), never
 * a stack trace nor an answer for a line that is not there.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRolegen } from '../../support/cli.js';
import { CLI, DEFAULT_PLAN } from '../../support/paths.js';

let dir: string;
let out: string;
let plan: string;
let main: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rolegen-explain-input-'));
  out = join(dir, 'out');
  plan = join(dir, 'plan.yaml');
  copyFileSync(DEFAULT_PLAN, plan);
  expect((await runRolegen(['build', '--plan', plan, '--out', out])).status).toBe(0);
  main = join(out, 'edpm_update_services', 'tasks', 'main.yml');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('explain FILE:LINE with a line that is not a line', () => {
  for (const [suffix, value, what] of [
    ['abc', 'abc', 'line'],
    ['0', '0', 'line'],
    ['-3', '-3', 'line'],
    ['', '', 'line'],
    ['1e3', '1e3', 'line'],
    ['3:0', '0', 'column'],
    ['3:x', 'x', 'column'],
  ] as const) {
    it(`${suffix === '' ? '(empty)' : suffix}: exit 2, says which part is wrong`, async () => {
      const r = await runRolegen(['explain', `${main}:${suffix}`]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`${main}:1:1: error: "${value}" is not a ${what} number: give FILE:LINE or FILE:LINE:COL, each a whole number from 1\n`);
    });
  }

  it('an empty target', async () => {
    const r = await runRolegen(['explain', '']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('(empty path):1:1: error: give a generated file, FILE[:LINE], or a line of the plan, PLAN:LINE\n');
  });

  it('a line past the end of the generated file', async () => {
    const lines = readFileSync(main, 'utf8').split('\n').length - 1;
    const r = await runRolegen(['explain', `${main}:${lines + 1}`]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${main}:1:1: error: line ${lines + 1} is past the end of the file (${lines} lines)\n`);
  });
});

describe('explain PLAN:LINE', () => {
  it('a line past the end of the plan: exit 2, not the answer of the last entry', async () => {
    const lines = readFileSync(plan, 'utf8').split('\n').length - 1;
    expect((await runRolegen(['explain', '--out', out, `${plan}:${lines}`])).status).toBe(0);
    const r = await runRolegen(['explain', '--out', out, `${plan}:${lines + 1}`]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${plan}:1:1: error: line ${lines + 1} is past the end of the plan (${lines} lines)\n`);
  });

  it('a comment line above the first entry made nothing (not the fixed text of the Molecule playbooks)', async () => {
    const r = await runRolegen(['explain', '--out', out, `${plan}:1`]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${plan}:1: no generated line comes from here\n`);
  });

  it('the plan through a symbolic link to it', async () => {
    const link = join(dir, 'link.yaml');
    symlinkSync(plan, link);
    const line = readFileSync(plan, 'utf8').split('\n').findIndex((l) => l.startsWith('collection:')) + 1;
    const r = await runRolegen(['explain', '--out', out, `${link}:${line}`]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/ \/collection -> /u);
  });
});

describe('explain with a corrupt provenance map', () => {
  // Shapes a map takes when edited by hand, cut short by a full disk, or written by something else.
  const corrupt: Record<string, unknown> = {
    'an origin that is not a list': { origins: [1] },
    'a file whose ranges are not a list': { files: { 'a.yml': 5 } },
    'a run naming an origin that is not there': { files: { 'a.yml': [2, 7] } },
    'a run that is null': { files: { 'a.yml': [null, 0] } },
    'a run without its origin (cut short)': { origins: [['/collection', 7, 13, 0]], files: { 'a.yml': [1, 0, 2] } },
    'runs in the old shape (a list per range)': { origins: [['/collection', 7, 13, 0]], files: { 'a.yml': [[1, 2, 0]] } },
    'a run ending before it starts': { origins: [['/collection', 7, 13, 0]], files: { 'a.yml': [2, 0, 1, 0] } },
    'a run ending at line 0': { origins: [['/collection', 7, 13, 0]], files: { 'a.yml': [0, 0] } },
    'a rule that is not there': { origins: [['/collection', 7, 13, 3]], files: { 'a.yml': [2, 0] } },
  };
  for (const [name, change] of Object.entries(corrupt)) {
    it(`${name}: exit 2, the map named, both ways`, async () => {
      const folder = mkdtempSync(join(dir, 'corrupt-'));
      const map = { generator: 'edpm-rolegen', plan: '../plan.yaml', rules: ['a rule'], origins: [], files: { 'a.yml': [] }, ...(change as object) };
      writeFileSync(join(folder, '.edpm-rolegen-provenance.json'), JSON.stringify(map));
      writeFileSync(join(folder, 'a.yml'), 'a: 1\nb: 2\n');
      for (const target of [`${join(folder, 'a.yml')}:1`, join(folder, 'a.yml'), `${plan}:7`]) {
        const r = await runRolegen(['explain', '--out', folder, target]);
        expect(r.status, target).toBe(2);
        expect(r.stderr, target).toBe(`${join(folder, '.edpm-rolegen-provenance.json')}:1:1: error: not an edpm-rolegen provenance map, or a corrupt one; build the folder again (edpm-rolegen build --out ${folder})\n`);
      }
    });
  }
});

describe('explain a generated file edited since the build', () => {
  it('answers from the map, with a warning that its lines may have moved', async () => {
    const edited = join(dir, 'edited');
    expect((await runRolegen(['build', '--plan', plan, '--out', edited])).status).toBe(0);
    const file = join(edited, 'edpm_update_services', 'tasks', 'main.yml');
    const asBuilt = await runRolegen(['explain', `${file}:3`]);
    expect(asBuilt.stderr).toBe('');
    writeFileSync(file, `# a line added by hand\n${readFileSync(file, 'utf8')}`);
    const r = await runRolegen(['explain', `${file}:3`]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(asBuilt.stdout);
    expect(r.stderr).toBe(
      `${file}:1:1: warning: changed since the build (its SHA-256 is not the one in the manifest): its lines may have moved since the map was written; build again to explain the file as it is\n`,
    );
  });
});

describe('explain with a provenance map that is not a regular file', () => {
  // A FIFO blocked explain for ever; a link to /dev/zero made it read until the memory ran out (abort, exit 134).
  // In a child process with a time limit: without the check, the read blocks (or fills) the process that runs it.
  const explainProcess = (args: string[]) => spawnSync(process.execPath, [CLI, 'explain', ...args], { encoding: 'utf8', timeout: 10_000 });

  it('a FIFO: refused at once, exit 2', { timeout: 20_000 }, () => {
    const folder = mkdtempSync(join(dir, 'fifo-'));
    expect(spawnSync('mkfifo', [join(folder, '.edpm-rolegen-provenance.json')]).status).toBe(0);
    writeFileSync(join(folder, 'a.yml'), 'a: 1\n');
    const r = explainProcess([`${join(folder, 'a.yml')}:1`]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${join(folder, '.edpm-rolegen-provenance.json')}:1:1: error: the provenance map is not a regular file; remove it and build again\n`);
  });

  it('a link to /dev/zero: refused at once, exit 2', { timeout: 20_000 }, () => {
    const folder = mkdtempSync(join(dir, 'zero-'));
    symlinkSync('/dev/zero', join(folder, '.edpm-rolegen-provenance.json'));
    const r = explainProcess(['--out', folder, `${join(folder, 'a.yml')}:1`]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${join(folder, '.edpm-rolegen-provenance.json')}:1:1: error: the provenance map is a symbolic link; edpm-rolegen reads it only as a regular file: remove it and build again\n`);
  });
});
