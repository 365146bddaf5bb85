/**
 * The digest of a build's inputs (src/cli/build-inputs.ts) changes with
 * each thing the compiled tree depends on, and only names the plan's
 * place when the provenance sidecar does.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildInputsDigest, folderDigest } from '../../../src/cli/build-inputs.js';
import { readPlanText } from '../../../src/plan/plan-text.js';
import { DEFAULT_PLAN } from '../../support/paths.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rolegen-inputs-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const program = { digest: 'a'.repeat(64) };

describe('buildInputsDigest', () => {
  const text = readPlanText(DEFAULT_PLAN);

  it('is the same for the same inputs, and for the built-in plan whatever the output folder', () => {
    const a = buildInputsDigest(program, DEFAULT_PLAN, text, join(dir, 'out'));
    expect(a).toMatch(/^[0-9a-f]{64}$/u);
    expect(buildInputsDigest(program, DEFAULT_PLAN, text, join(dir, 'out'))).toBe(a);
    expect(buildInputsDigest(program, DEFAULT_PLAN, text, join(dir, 'deeper', 'still', 'out'))).toBe(a);
  });

  it('changes with the program, the plan text, and a plan file\'s path from the output folder', () => {
    const out = join(dir, 'out');
    const plan = join(dir, 'plan.yaml');
    const base = buildInputsDigest(program, plan, text, out);
    const others = [
      buildInputsDigest({ digest: 'b'.repeat(64) }, plan, text, out),
      buildInputsDigest(program, plan, `${text}# a comment\n`, out),
      buildInputsDigest(program, join(dir, 'sub', 'plan.yaml'), text, out),
      buildInputsDigest(program, plan, text, join(dir, 'sub', 'out')),
      buildInputsDigest(program, DEFAULT_PLAN, text, out),
    ];
    expect(new Set([base, ...others]).size).toBe(others.length + 1);
  });
});

describe('folderDigest (the package\'s templates/)', () => {
  beforeEach(() => {
    mkdirSync(join(dir, 't', 'molecule', 'common'), { recursive: true });
    writeFileSync(join(dir, 't', 'molecule', 'common', 'create.yml'), '---\n- hosts: all\n');
    writeFileSync(join(dir, 't', 'molecule', 'common', 'destroy.yml'), '---\n');
  });
  const digest = () => folderDigest(join(dir, 't'));

  it('changes with a file\'s content, a new or renamed file, a new empty folder', () => {
    const seen = new Set([digest()]);
    expect(digest()).toBe([...seen][0]);
    writeFileSync(join(dir, 't', 'molecule', 'common', 'destroy.yml'), '---\n# changed\n');
    seen.add(digest());
    writeFileSync(join(dir, 't', 'molecule', 'common', 'prepare.yml'), '---\n');
    seen.add(digest());
    renameSync(join(dir, 't', 'molecule', 'common', 'prepare.yml'), join(dir, 't', 'molecule', 'common', 'verify.yml'));
    seen.add(digest());
    mkdirSync(join(dir, 't', 'molecule', 'update_new'));
    seen.add(digest());
    expect(seen.size).toBe(5);
  });

  it('follows a link to a file, as the compiler reads it; refuses a FIFO rather than wait on it', () => {
    const before = digest();
    writeFileSync(join(dir, 'elsewhere.yml'), '---\n');
    rmSync(join(dir, 't', 'molecule', 'common', 'destroy.yml'));
    symlinkSync(join(dir, 'elsewhere.yml'), join(dir, 't', 'molecule', 'common', 'destroy.yml'));
    expect(digest()).toBe(before);
    execFileSync('mkfifo', [join(dir, 't', 'molecule', 'common', 'pipe.yml')]);
    expect(() => digest()).toThrow(/pipe\.yml: not a file or folder/u);
  });
});
