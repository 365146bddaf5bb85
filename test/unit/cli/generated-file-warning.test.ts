/**
 * The warning explain and lint give for a generated file that is not what
 * the build wrote (per the output folder's manifest): one check, worded for
 * each command; explain's wording as it was.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedFileChecker } from '../../../src/cli/generated-file-warning.js';
import { runRolegen } from '../../support/cli.js';

const REL = 'edpm_update_services/tasks/containers.yml';
let dir: string;
let out: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rolegen-generated-file-'));
  out = join(dir, 'out');
  expect((await runRolegen(['build', '--out', out])).status).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const show = (p: string): string => p;

describe('generatedFileChecker', () => {
  it('a file as built, a file the manifest does not know, a file gone: nothing to say', () => {
    for (const command of ['explain', 'lint'] as const) {
      const check = generatedFileChecker(out, show, command);
      expect(check(REL)).toBeNull();
      expect(check('not/generated.yml')).toBeNull();
    }
  });

  it('a file edited since the build: explain as it has always said, lint of its findings', () => {
    const file = join(out, REL);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, `# a line added by hand\n${text}`);
    try {
      expect(generatedFileChecker(out, show, 'explain')(REL)).toBe(
        'changed since the build (its SHA-256 is not the one in the manifest): its lines may have moved since the map was written; build again to explain the file as it is',
      );
      expect(generatedFileChecker(out, show, 'lint')(REL)).toBe(
        'changed since the build (its SHA-256 is not the one in the manifest): its lines may have moved since the map was written, so the plan positions of its findings may be stale',
      );
    } finally {
      writeFileSync(file, text);
    }
  });

  it('a copy elsewhere that is not the file as built: names the file it was taken for', () => {
    const copy = join(dir, 'roles', 'edpm_update_services', 'tasks', 'containers.yml');
    mkdirSync(join(dir, 'roles', 'edpm_update_services', 'tasks'), { recursive: true });
    copyFileSync(join(out, REL), copy);
    const check = generatedFileChecker(out, show, 'explain');
    expect(check(REL, copy)).toBeNull();
    writeFileSync(copy, `# a line added by hand\n${readFileSync(copy, 'utf8')}`);
    expect(check(REL, copy)).toBe(
      `not the file the build wrote as ${join(out, REL)}, whose path it ends with (its SHA-256 is not the one in the manifest): its lines may not be those the map describes; copy the file from the output folder again, or give --out the folder it was built in`,
    );
  });
});
