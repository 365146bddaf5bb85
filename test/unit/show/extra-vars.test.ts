import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/diagnostics.js';
import { loadExtraVars, parseKv, splitArgs, varsFilePath } from '../../../src/show/extra-vars.js';
import { runRolegen as rolegen } from '../../support/cli.js';

const noFile = (path: string): string => {
  throw new Error(`unexpected read of ${path}`);
};
const vars = (...args: string[]) => ({ ...loadExtraVars(args, noFile).vars });
const errorOf = (f: () => unknown): string => {
  try {
    f();
  } catch (err) {
    if (err instanceof InputError) return err.message;
    throw err;
  }
  throw new Error('no error');
};

// What ansible-core's load_extra_vars / parse_kv make of each (checked against
// the real ansible-core by test/toolchain/show-extra-vars.test.ts).
describe('-e as ansible-playbook reads it', () => {
  it('key=value gives strings, never YAML', () => {
    expect(vars('edpm_service_types=[nova]', 'x=true', 'n=5', 'e=')).toEqual({ edpm_service_types: '[nova]', x: 'true', n: '5', e: '' });
    // a space ends a value outside quotes: the rest is a word without =
    expect(vars('x=null y={a: 1}')).toEqual({ x: 'null', y: '{a:', _raw_params: '1}' });
    expect(vars('y="{a: 1}"')).toEqual({ y: '{a: 1}' });
  });

  it('several pairs in one argument, quotes around a value taken off, escapes decoded', () => {
    expect(vars('a=1 b="x y" c=\'q\'')).toEqual({ a: '1', b: 'x y', c: 'q' });
    expect(vars('k=\\x41\\tb', 'm=a\\\\b')).toEqual({ k: 'A\tb', m: 'a\\b' });
    // quotes inside a value stay; only a pair around the whole value goes
    expect(vars('a=x"y z"', 'b="x"y"z"')).toEqual({ a: 'x"y z"', b: 'x"y"z' });
    // the last of a repeated key wins, within an argument and across arguments
    expect(vars('a=1 a=2', 'b=1', 'b=3')).toEqual({ a: '2', b: '3' });
    // the key is taken as written, = escaped is not a separator
    expect(vars('a-b=1', '=x=y')).toEqual({ 'a-b': '1', '=x': 'y' });
    expect(parseKv('a\\=b')).toEqual({ _raw_params: 'a=b' });
  });

  it('words without = become _raw_params, with a note, as in Ansible', () => {
    const r = loadExtraVars(['not a pair'], noFile);
    expect({ ...r.vars }).toEqual({ _raw_params: 'not a pair' });
    expect(r.notes[0]).toContain('_raw_params');
    expect(vars(' {"a": 1}')).toEqual({ _raw_params: '{"a": 1}' });
  });

  it('{...} and [...] are JSON, else YAML as PyYAML resolves it; a mapping is required', () => {
    expect(vars('{"a": "yes", "b": [1, "t"]}')).toEqual({ a: 'yes', b: [1, 't'] });
    expect(vars('{a: yes, b: y, c: 1e3, d: 09, e: 1.5, f: 0x10, g: ~, h: 2024-01-01}')).toEqual({ a: true, b: 'y', c: '1e3', d: '09', e: 1.5, f: 16, g: null, h: '2024-01-01' });
    expect(errorOf(() => vars('[1]'))).toContain('could not be made into a dictionary');
    expect(errorOf(() => vars('{a: [}'))).toMatch(/^-e:1:\d+: error: "\{a: \[\}": not JSON, and not YAML/u);
  });

  it('says that a Jinja template is taken as text, not evaluated', () => {
    const r = loadExtraVars(['x={{ true }}', '{"y": ["{% if a %}b{% endif %}"]}', 'z=plain'], noFile);
    expect(r.notes).toEqual([
      '-e x holds a Jinja template, which Ansible evaluates where a role reads it; show does not: it takes the text as it is',
      '-e y holds a Jinja template, which Ansible evaluates where a role reads it; show does not: it takes the text as it is',
    ]);
  });

  it('refuses what ansible-playbook refuses: a file name without @, unbalanced quotes', () => {
    expect(errorOf(() => vars('./vars.yml'))).toContain('write it -e @./vars.yml');
    expect(errorOf(() => vars('a="b'))).toContain('unbalanced quotes');
    expect(errorOf(() => vars('a={{ b'))).toContain('unbalanced quotes or Jinja block');
    expect(splitArgs('x={{ a b }} c=d')).toEqual(['x={{ a b }}', 'c=d']);
  });

  it('@FILE: read through the reader, YAML or JSON, a mapping, errors at file:line:col', () => {
    const files: Record<string, string> = { 'v.yml': 'a: yes\nb: [1, 2]\n', 'bad.yml': 'a: 1\nb: [\n', 'list.yml': '- a\n' };
    const read = (p: string) => files[p]!;
    expect({ ...loadExtraVars(['@v.yml', 'a=no'], read).vars }).toEqual({ a: 'no', b: [1, 2] });
    expect(errorOf(() => loadExtraVars(['@bad.yml'], read))).toMatch(/^bad\.yml:3:1: error: not JSON, and not YAML/u);
    expect(errorOf(() => loadExtraVars(['@list.yml'], read))).toMatch(/^list\.yml:1:1: error: not a mapping of variables/u);
  });
});

describe('-e @FILE: where ansible-playbook looks for the file (path_dwim)', () => {
  it('quotes off, relative to the working folder, $VAR then ~ expanded, after the join', () => {
    const env = { HOME: '/home/u', D: '/data' };
    expect(varsFilePath('"v.yml"', '/w', env)).toBe('/w/v.yml');
    expect(varsFilePath('../v.yml', '/w/x', env)).toBe('/w/v.yml');
    expect(varsFilePath('~/v.yml', '/w', env)).toBe('/home/u/v.yml');
    expect(varsFilePath('/${D}/v.yml', '/w', env)).toBe('/data/v.yml');
    // a $VAR at the start is joined to ./ first: it stays under the working folder
    expect(varsFilePath('$D/v.yml', '/w', env)).toBe('/w/data/v.yml');
    expect(varsFilePath('/$NOPE/v.yml', '/w', env)).toBe('/$NOPE/v.yml');
  });
});

describe('edpm-rolegen show -e @FILE', () => {
  const dir = mkdtempSync(join(tmpdir(), 'show-vars-'));
  writeFileSync(join(dir, 'vars.yml'), 'edpm_update_system_enable_kpatch: true\n');
  symlinkSync(join(dir, 'vars.yml'), join(dir, 'link.yml'));
  execFileSync('mkfifo', [join(dir, 'fifo')]);
  writeFileSync(join(dir, 'latin1.yml'), Buffer.from([0x61, 0x3a, 0x20, 0xe9, 0x0a]));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a file (through a link, as Ansible), and refuses what is not a UTF-8 regular file with exit 2', async () => {
    for (const file of ['vars.yml', 'link.yml']) {
      const r = await rolegen(['show', '--services', 'nova', '--json', '-e', `@${join(dir, file)}`]);
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).phases[1].steps.map((s: { kind: string }) => s.kind)).toContain('kpatch');
    }
    const latin1 = await rolegen(['show', '-e', `@${join(dir, 'latin1.yml')}`]);
    expect(latin1.status).toBe(2);
    expect(latin1.stderr).toMatch(/latin1\.yml:1:4: error: byte 0xe9 is not valid UTF-8/u);
    const fifo = await rolegen(['show', '-e', `@${join(dir, 'fifo')}`]);
    expect(fifo.status).toBe(2);
    expect(fifo.stderr).toContain('the -e @ file is not a regular file');
    const missing = await rolegen(['show', '-e', `@${join(dir, 'none.yml')}`]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('none.yml:1:1: error: cannot read the -e @ file');
  });
});
