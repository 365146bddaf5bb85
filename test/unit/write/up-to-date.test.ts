/**
 * The writer's stamp of a build's inputs and the check that finds a folder
 * up to date without compiling (src/write/up-to-date.ts): it says so only
 * when the stamp names these inputs and the manifest on disk, and every
 * generated file is in place, unchanged; it says "not certain" (null) for
 * every other state, and leaves the folder as it found it.
 */
import { spawn } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { upToDate } from '../../../src/write/up-to-date.js';
import { writeTree } from '../../../src/write/write-tree.js';

// A small tree in the shape of a compiled one (a role's files in folders,
// a file at the top); the writer takes any tree.
const tree = new Map([
  ['edpm_update_services/tasks/main.yml', '---\n- name: Update\n  ansible.builtin.debug:\n    msg: one\n'],
  ['edpm_update_services/defaults/main.yml', '---\nedpm_x: 1\n'],
  ['playbooks/update.yml', '---\n- hosts: all\n'],
]);
const otherTree = new Map([...tree, ['playbooks/update.yml', '---\n- hosts: computes\n']]);
const INPUTS = 'a'.repeat(64);
const OTHER_INPUTS = 'b'.repeat(64);

let dir: string;
let out: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rolegen-uptodate-'));
  out = join(dir, 'roles');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const writerFiles = (): string[] => readdirSync(out).filter((f) => f.startsWith('.edpm-rolegen')).sort();

describe('a folder written with its inputs recorded', () => {
  beforeEach(() => {
    expect(writeTree(out, tree, { inputs: INPUTS }).changed).toBe(true);
  });

  it('is up to date for the same inputs, with every generated file counted and nothing left behind', () => {
    expect(writerFiles()).toEqual(['.edpm-rolegen-manifest.json', '.edpm-rolegen-stamp.json']);
    expect(upToDate(out, INPUTS)).toEqual({ outDir: out, files: tree.size, keptFiles: [] });
    expect(writerFiles()).toEqual(['.edpm-rolegen-manifest.json', '.edpm-rolegen-stamp.json']);
  });

  it('is not, for other inputs', () => {
    expect(upToDate(out, OTHER_INPUTS)).toBeNull();
  });

  it('leaves the folder\'s times as they were', () => {
    utimesSync(out, new Date('2020-01-01T00:00:00Z'), new Date('2020-01-02T00:00:00Z'));
    const before = statSync(out).mtimeMs;
    expect(upToDate(out, INPUTS)).not.toBeNull();
    expect(statSync(out).mtimeMs).toBe(before);
  });

  it('counts the files it did not generate as kept, in name order', () => {
    writeFileSync(join(out, 'NOTES.md'), 'mine\n');
    mkdirSync(join(out, 'edpm_update_services', 'files'));
    writeFileSync(join(out, 'edpm_update_services', 'files', 'extra.conf'), 'mine\n');
    expect(upToDate(out, INPUTS)?.keptFiles).toEqual(['NOTES.md', 'edpm_update_services/files/extra.conf']);
  });

  it('is not, when a generated file was edited, emptied, removed, or replaced by a link', () => {
    const file = join(out, 'edpm_update_services', 'tasks', 'main.yml');
    const original = readFileSync(file);
    const states: [string, () => void][] = [
      ['edited', () => writeFileSync(file, `${original.toString()}# mine\n`)],
      ['emptied', () => writeFileSync(file, '')],
      ['removed', () => unlinkSync(file)],
      [
        'a link to the same text',
        () => {
          writeFileSync(join(dir, 'elsewhere.yml'), original);
          unlinkSync(file);
          symlinkSync(join(dir, 'elsewhere.yml'), file);
        },
      ],
    ];
    for (const [name, change] of states) {
      change();
      expect(upToDate(out, INPUTS), name).toBeNull();
      rmSync(file, { force: true });
      writeFileSync(file, original);
      expect(upToDate(out, INPUTS), `${name}, then put back`).not.toBeNull();
    }
  });

  it('is not, when the manifest was edited, even to list an edited file with its new hash', () => {
    const manifestPath = join(out, '.edpm-rolegen-manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { files: Record<string, string> };
    writeFileSync(join(out, 'playbooks', 'update.yml'), '---\n- hosts: mine\n');
    manifest.files['playbooks/update.yml'] = '0'.repeat(64);
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    expect(upToDate(out, INPUTS)).toBeNull();
    // Only its layout changed: a build rewrites it, so it is not up to date either.
    writeTree(out, tree, { inputs: INPUTS, force: true });
    writeFileSync(manifestPath, readFileSync(manifestPath, 'utf8').replace(/^\{\n/u, '{\n  "note": "an older layout",\n'));
    expect(upToDate(out, INPUTS)).toBeNull();
  });

  it('is not, when the stamp was edited or removed', () => {
    const stamp = join(out, '.edpm-rolegen-stamp.json');
    const text = readFileSync(stamp, 'utf8');
    writeFileSync(stamp, text.replace(/"manifest": "[0-9a-f]/u, '"manifest": "x'));
    expect(upToDate(out, INPUTS)).toBeNull();
    unlinkSync(stamp);
    expect(upToDate(out, INPUTS)).toBeNull();
    writeFileSync(stamp, text);
    expect(upToDate(out, INPUTS)).not.toBeNull();
  });

  it('is not, while a build has work to finish or clear away: a journal, its draft, a staging folder', () => {
    for (const [name, make] of [
      ['.edpm-rolegen-journal.json', (p: string) => writeFileSync(p, '{}')],
      ['.edpm-rolegen-journal.json.draft', (p: string) => writeFileSync(p, '{}')],
      ['.edpm-rolegen-staging', (p: string) => mkdirSync(p)],
    ] as const) {
      make(join(out, name));
      expect(upToDate(out, INPUTS), name).toBeNull();
      rmSync(join(out, name), { recursive: true });
    }
    expect(upToDate(out, INPUTS)).not.toBeNull();
  });

  it('is not while another build holds the lock, and leaves its lock alone', async () => {
    const holder = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      writeFileSync(join(out, '.edpm-rolegen.lock'), `${holder.pid}\n`);
      expect(upToDate(out, INPUTS)).toBeNull();
      expect(readFileSync(join(out, '.edpm-rolegen.lock'), 'utf8')).toBe(`${holder.pid}\n`);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('follows the tree written last: the stamp then names its manifest, the very file', () => {
    writeTree(out, otherTree, { inputs: OTHER_INPUTS });
    expect(upToDate(out, INPUTS)).toBeNull();
    expect(upToDate(out, OTHER_INPUTS)).not.toBeNull();
    // A write without inputs (the library, a build given a roles tree) records none; the stamp left
    // names the other inputs and their manifest, which is no longer the one on disk.
    writeTree(out, tree);
    expect(upToDate(out, OTHER_INPUTS)).toBeNull();
    expect(upToDate(out, INPUTS)).toBeNull();
    // Back to the other tree (by a write without inputs): the stamp named the manifest file that build left,
    // and this is another one (the same text): not certain, so the next build compiles, and records it again.
    writeTree(out, otherTree);
    expect(upToDate(out, OTHER_INPUTS)).toBeNull();
    writeTree(out, otherTree, { inputs: OTHER_INPUTS });
    expect(upToDate(out, OTHER_INPUTS)).not.toBeNull();
  });
});

describe('a folder without a recorded stamp', () => {
  it('a write without inputs records none, and the folder is never found up to date', () => {
    writeTree(out, tree);
    expect(writerFiles()).toEqual(['.edpm-rolegen-manifest.json']);
    expect(upToDate(out, INPUTS)).toBeNull();
  });

  it('no folder, a file, a link: not up to date, nothing made', () => {
    expect(upToDate(out, INPUTS)).toBeNull();
    expect(() => lstatSync(out)).toThrow();
    writeFileSync(out, 'a file\n');
    expect(upToDate(out, INPUTS)).toBeNull();
    const real = join(dir, 'real');
    writeTree(real, tree, { inputs: INPUTS });
    symlinkSync(real, join(dir, 'link'));
    expect(upToDate(join(dir, 'link'), INPUTS)).toBeNull();
    expect(upToDate(real, INPUTS)).not.toBeNull();
  });

  it('an up-to-date write records the stamp it lacked', () => {
    writeTree(out, tree);
    const r = writeTree(out, tree, { inputs: INPUTS });
    expect(r.changed).toBe(false);
    expect(upToDate(out, INPUTS)).not.toBeNull();
  });
});
