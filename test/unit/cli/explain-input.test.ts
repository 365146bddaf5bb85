/**
 * explain with sloppy and hostile input: targets whose line is not a line,
 * plan lines that are not in the plan, a plan reached through a link, a
 * provenance map that is corrupt, a generated file or the plan edited since
 * the build, the plan gone, an old map without the plan's digest.
 * Each is one line naming the file, exit 2 (a warning for an edit), never
 * a stack trace nor an answer for a line that is not there.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRolegen } from '../../support/cli.js';
import { CLI, DEFAULT_PLAN, DIST_ROLES } from '../../support/paths.js';

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

  it('the line of a plan that is not the default output folder\'s: refused, exit 2, naming the plan that folder was built from and --out', async () => {
    // The user built --plan plan.yaml --out out, then asks without --out: ./dist-roles (here the checkout's) was built from the built-in plan.
    const r = await runRolegen(['explain', `${plan}:47`]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `${plan}:1:1: error: not a file edpm-rolegen generated in ${DIST_ROLES}, nor a copy of one (a path ending in one of its files), nor the plan it was built from (${DEFAULT_PLAN}); give --out the output folder that this file was generated in or, for a plan, built from\n`,
    );
    // --help says where that default folder is: the current folder's dist-roles/ (it said "of the package").
    const help = await runRolegen(['explain', '--help']);
    expect(help.stdout.replace(/\s+/gu, ' ')).toContain('output folder (default: the one holding FILE, else dist-roles/ in the current folder)');
    // A file inside the output folder that it did not generate: no word of another folder.
    const manifest = join(out, '.edpm-rolegen-manifest.json');
    expect((await runRolegen(['explain', `${manifest}:1`])).stderr).toBe(
      `${manifest}:1:1: error: not a file edpm-rolegen generated in ${out}, nor a copy of one (a path ending in one of its files)\n`,
    );
    const withOut = await runRolegen(['explain', '--out', out, `${plan}:47`]);
    expect(withOut.status).toBe(0);
    expect(withOut.stdout).toMatch(/\/updateServices\/containerSteps\/1\/tasks\/1 -> .*containers\.yml:54-70: include of a task file of a container step/u);
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
    'a plan digest that is not a SHA-256': { planSha256: 'abc123' },
    'a plan digest in capitals': { planSha256: 'A'.repeat(64) },
    'a plan digest that is a number': { planSha256: 5 },
    'a plan digest that is null': { planSha256: null },
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

// Ansible prints the task path of the roles it runs: in a deployment, a copy of the output folder's roles
// installed in a collection (ansible_collections/osp/edpm/roles/..., as ansible-galaxy lays them out).
describe('explain a copy of a generated file: the task path Ansible prints from the collection the roles are installed in', () => {
  const installed = (name: string): string => {
    const roles = join(dir, name, 'ansible_collections', 'osp', 'edpm', 'roles');
    mkdirSync(roles, { recursive: true });
    cpSync(join(out, 'edpm_update_services'), join(roles, 'edpm_update_services'), { recursive: true });
    return join(roles, 'edpm_update_services', 'tasks', 'containers.yml');
  };
  const containers = (): string => join(out, 'edpm_update_services', 'tasks', 'containers.yml');

  it('answers as for the generated file its path ends with, without a warning, by line and whole', async () => {
    const copy = installed('collection');
    for (const suffix of [':54', ':54:7', '']) {
      const asBuilt = await runRolegen(['explain', `${containers()}${suffix}`]);
      const r = await runRolegen(['explain', '--out', out, `${copy}${suffix}`]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(asBuilt.stdout);
    }
    const j = JSON.parse((await runRolegen(['explain', '--json', '--out', out, `${copy}:54`])).stdout);
    expect(j.answers[0].file).toBe('edpm_update_services/tasks/containers.yml');
  });

  it('a copy that is not the file as built: the answer, with a warning naming the file it was taken for', async () => {
    const copy = installed('changed');
    const asBuilt = await runRolegen(['explain', `${containers()}:54`]);
    writeFileSync(copy, `# a line added by hand\n${readFileSync(copy, 'utf8')}`);
    const r = await runRolegen(['explain', '--out', out, `${copy}:54`]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(asBuilt.stdout);
    expect(r.stderr).toBe(
      `${copy}:1:1: warning: not the file the build wrote as ${containers()}, whose path it ends with (its SHA-256 is not the one in the manifest): its lines may not be those the map describes; copy the file from the output folder again, or give --out the folder it was built in\n`,
    );
  });

  it('a path that ends in no generated file: refused, exit 2', async () => {
    const other = join(dir, 'collection', 'ansible_collections', 'osp', 'edpm', 'roles', 'edpm_nova', 'tasks', 'update.yml');
    const r = await runRolegen(['explain', '--out', out, `${other}:3`]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `${other}:1:1: error: not a file edpm-rolegen generated in ${out}, nor a copy of one (a path ending in one of its files), nor the plan it was built from (${plan}); give --out the output folder that this file was generated in or, for a plan, built from\n`,
    );
  });
});

describe('explain with a provenance map whose names hold terminal escape sequences', () => {
  // The map is a file of the output folder, edited by hand or handed over: its plan path, JSON pointers,
  // rules and file names reached the terminal as they were (ESC [2J clears the screen, ESC ] 0 ; sets the
  // window title, U+009B is a one-character CSI). Now escaped in the answers, both ways, and in --json.
  const ESC = '\u001b';
  const hostile = (s: string) => `${ESC}[2J${ESC}]0;pwned\u0007\u009b31m\u202e${s}`;
  let folder: string;
  let planLink: string;
  beforeAll(() => {
    folder = mkdtempSync(join(dir, 'escapes-'));
    planLink = join(folder, hostile('plan.yaml'));
    symlinkSync(plan, planLink);
    const file = hostile('a.yml');
    const map = { generator: 'edpm-rolegen', plan: planLink, rules: [hostile('a rule')], origins: [[hostile('/collection'), 7, 13, 0]], files: { [file]: [2, 0] } };
    writeFileSync(join(folder, '.edpm-rolegen-provenance.json'), JSON.stringify(map));
    writeFileSync(join(folder, file), 'a: 1\nb: 2\n');
  });
  const raw = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/u;

  it('a generated line, a plan line, and --json: no control character reaches the output', async () => {
    for (const args of [['--out', folder, `${join(folder, hostile('a.yml'))}:1`], ['--out', folder, `${planLink}:7`], ['--out', folder, '--json', `${planLink}:7`]]) {
      const r = await runRolegen(['explain', ...args]);
      expect(r.status, args.join(' ')).toBe(0);
      expect(r.stdout, args.join(' ')).toMatch(/a rule/);
      expect(raw.test(r.stdout), JSON.stringify(r.stdout)).toBe(false);
      expect(raw.test(r.stderr), JSON.stringify(r.stderr)).toBe(false);
    }
    const text = (await runRolegen(['explain', '--out', folder, `${join(folder, hostile('a.yml'))}:1`])).stdout;
    expect(text).toContain('\\x1b[2J\\x1b]0;pwned\\x07\\x9b31m\\u202ea rule');
  });

  it('--json stays the same JSON: each name parses back to what the map holds', async () => {
    const doc = JSON.parse((await runRolegen(['explain', '--out', folder, '--json', `${planLink}:7`])).stdout);
    expect(doc.answers[0].rule).toBe(hostile('a rule'));
    expect(doc.answers[0].plan.pointer).toBe(hostile('/collection'));
    expect(doc.answers[0].file).toBe(hostile('a.yml'));
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

describe('explain after the plan was edited since the build (the map records the SHA-256 of the plan text it was built from)', () => {
  /** A folder built from its own copy of the built-in plan: the plan, the output, a generated line and the plan line behind it. */
  const built = async (name: string): Promise<{ plan: string; out: string; target: string; planLine: number }> => {
    const folder = mkdtempSync(join(dir, `${name}-`));
    const p = join(folder, 'plan.yaml');
    copyFileSync(DEFAULT_PLAN, p);
    const o = join(folder, 'out');
    expect((await runRolegen(['build', '--plan', p, '--out', o])).status).toBe(0);
    const containers = join(o, 'edpm_update_services', 'tasks', 'containers.yml');
    const target = `${containers}:${readFileSync(containers, 'utf8').split('\n').findIndex((l) => l.includes('name: osp.edpm.edpm_ovn')) + 1}`;
    const planLine = (JSON.parse((await runRolegen(['explain', '--json', target])).stdout) as { answers: { plan: { line: number } }[] }).answers[0]!.plan.line;
    return { plan: p, out: o, target, planLine };
  };
  const sidecar = (o: string): string => join(o, '.edpm-rolegen-provenance.json');
  const edited = (p: string): string =>
    `${p}:1:1: warning: edited since the build (its SHA-256 is not the one in the provenance map): plan lines may have moved, so the plan positions here may be stale; build again to explain the plan as it is`;

  it('the sidecar records the SHA-256 of the plan text, for a plan file and for the built-in plan', async () => {
    const { plan: p, out: o } = await built('digest');
    const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
    expect(JSON.parse(readFileSync(sidecar(o), 'utf8')).planSha256).toBe(sha(p));
    expect(JSON.parse(readFileSync(sidecar(DIST_ROLES), 'utf8')).planSha256).toBe(sha(DEFAULT_PLAN));
  });

  it('unedited: no warning, both ways; the JSON says the plan is as built', async () => {
    const { plan: p, out: o, target, planLine } = await built('unedited');
    for (const args of [[target], ['--out', o, `${p}:${planLine}`]]) {
      const r = await runRolegen(['explain', ...args]);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
      const j = JSON.parse((await runRolegen(['explain', '--json', ...args])).stdout);
      expect(j.planState).toBe('as-built');
      expect(j.warnings).toEqual([]);
    }
  });

  it('edited: the answer as before, with a warning naming the plan, both ways, text and JSON', async () => {
    const { plan: p, out: o, target, planLine } = await built('edited');
    const before = await runRolegen(['explain', target]);
    const reverseBefore = await runRolegen(['explain', '--out', o, `${p}:${planLine}`]);
    expect(reverseBefore.stdout).toContain(target.replace(/:\d+$/u, ':'));
    // Two lines added at the top: every entry moved down, and the map does not know it.
    writeFileSync(p, `# reviewed\n# by hand\n${readFileSync(p, 'utf8')}`);
    const r = await runRolegen(['explain', target]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(before.stdout);
    expect(r.stderr).toBe(`${edited(p)}\n`);
    const back = await runRolegen(['explain', '--out', o, `${p}:${planLine}`]);
    expect(back.status).toBe(0);
    expect(back.stdout).toBe(reverseBefore.stdout);
    expect(back.stderr).toBe(`${edited(p)}\n`);
    for (const args of [[target], ['--out', o, `${p}:${planLine}`]]) {
      const j = JSON.parse((await runRolegen(['explain', '--json', ...args])).stdout);
      expect(j.planState).toBe('edited');
      expect(j.warnings).toEqual([edited(p)]);
      expect(j.answers.length).toBeGreaterThan(0);
    }
    // Built again: the map is of the plan as it is, no warning.
    expect((await runRolegen(['build', '--plan', p, '--out', o])).status).toBe(0);
    expect((await runRolegen(['explain', target])).stderr).toBe('');
  });

  it('an old sidecar without the digest (an earlier version wrote it): read, the answer as before, a note that the plan cannot be checked', async () => {
    const { plan: p, out: o, target, planLine } = await built('old');
    const before = await runRolegen(['explain', target]);
    const text = readFileSync(sidecar(o), 'utf8');
    const old = text.replace(/^ {2}"planSha256": "[0-9a-f]{64}",\n/mu, '');
    expect(old).not.toBe(text);
    writeFileSync(sidecar(o), old);
    const note = `${p}:1:1: note: the provenance map records no digest of the plan (an earlier edpm-rolegen wrote it): whether the plan was edited since the build cannot be told; build again to record it`;
    const r = await runRolegen(['explain', target]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(before.stdout);
    expect(r.stderr).toBe(`${note}\n`);
    const j = JSON.parse((await runRolegen(['explain', '--json', '--out', o, `${p}:${planLine}`])).stdout);
    expect(j.planState).toBe('unrecorded');
    expect(j.warnings).toEqual([note]);
  });

  it('the plan file gone: the answer from the map as built, with a warning, exit 0, both ways', async () => {
    const { plan: p, out: o, target, planLine } = await built('missing');
    const before = await runRolegen(['explain', target]);
    const reverseBefore = await runRolegen(['explain', '--out', o, `${p}:${planLine}`]);
    rmSync(p);
    const gone = `${p}:1:1: warning: the plan file the output folder was built from is not there: the plan positions here are those of the plan as built, and cannot be checked`;
    const r = await runRolegen(['explain', target]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(before.stdout);
    expect(r.stderr).toBe(`${gone}\n`);
    const back = await runRolegen(['explain', '--out', o, `${p}:${planLine}`]);
    expect(back.status).toBe(0);
    expect(back.stdout).toBe(reverseBefore.stdout);
    expect(back.stderr).toBe(`${gone}\n`);
    const j = JSON.parse((await runRolegen(['explain', '--json', target])).stdout);
    expect(j.planState).toBe('missing');
    expect(j.warnings).toEqual([gone]);
  });

  it('a plan that is no longer UTF-8: a warning for a generated line; exit 2 for a plan line, as for any plan that cannot be read', async () => {
    const { plan: p, out: o, target, planLine } = await built('not-utf8');
    writeFileSync(p, Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from('\n'), readFileSync(p)]));
    const r = await runRolegen(['explain', target]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`${p}:1:1: warning: cannot be read to check it against the build (byte 0xe9 is not valid UTF-8; save the file as UTF-8): the plan positions here are those of the plan as built\n`);
    const back = await runRolegen(['explain', '--out', o, `${p}:${planLine}`]);
    expect(back.status).toBe(2);
    expect(back.stderr).toBe(`${p}:1:6: error: byte 0xe9 is not valid UTF-8; save the file as UTF-8\n`);
  });

  // git's autocrlf (a Windows or a packager's checkout) turns every LF of the plan into CRLF: the same lines, columns and values.
  const crlf = (text: string): string => text.replaceAll('\n', '\r\n');

  it('the plan checked out with CRLF line ends: not edited, no warning, both ways; an edit in the CRLF file still is', async () => {
    const { plan: p, out: o, target, planLine } = await built('crlf-checkout');
    const before = await runRolegen(['explain', target]);
    const reverseBefore = await runRolegen(['explain', '--out', o, `${p}:${planLine}`]);
    const lf = readFileSync(p, 'utf8');
    writeFileSync(p, crlf(lf));
    for (const [args, answer] of [
      [[target], before.stdout],
      [['--out', o, `${p}:${planLine}`], reverseBefore.stdout],
    ] as const) {
      const r = await runRolegen(['explain', ...args]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(answer);
      expect(r.stderr).toBe('');
      expect(JSON.parse((await runRolegen(['explain', '--json', ...args])).stdout).planState).toBe('as-built');
    }
    // Saved with a UTF-8 byte order mark as well (an editor on Windows): the loader drops it, so does the digest.
    writeFileSync(p, `\uFEFF${crlf(lf)}`);
    expect(JSON.parse((await runRolegen(['explain', '--json', target])).stdout).planState).toBe('as-built');
    // A real edit, in the file's own line ends: edited.
    writeFileSync(p, crlf(`# reviewed\n${lf}`));
    const r = await runRolegen(['explain', target]);
    expect(r.stdout).toBe(before.stdout);
    expect(r.stderr).toBe(`${edited(p)}\n`);
    // A lone CR is no line break for the plan loader: a change, not a checkout.
    writeFileSync(p, lf.replace('\n', '\r'));
    expect(JSON.parse((await runRolegen(['explain', '--json', target])).stdout).planState).toBe('edited');
  });

  it('built from a CRLF checkout: the same output folder, sidecar included, as from the LF plan; the LF plan is then as built', async () => {
    const { out: lfOut } = await built('lf-build');
    const folder = mkdtempSync(join(dir, 'crlf-build-'));
    const p = join(folder, 'plan.yaml');
    writeFileSync(p, crlf(readFileSync(DEFAULT_PLAN, 'utf8')));
    const o = join(folder, 'out');
    expect((await runRolegen(['build', '--plan', p, '--out', o])).status).toBe(0);
    // Both sidecars name their plan as ../plan.yaml: byte for byte the same map, digest included.
    expect(readFileSync(sidecar(o), 'utf8')).toBe(readFileSync(sidecar(lfOut), 'utf8'));
    expect(JSON.parse(readFileSync(sidecar(o), 'utf8')).planSha256).toBe(createHash('sha256').update(readFileSync(DEFAULT_PLAN)).digest('hex'));
    const main = join(o, 'edpm_update_services', 'tasks', 'main.yml');
    expect((await runRolegen(['explain', `${main}:3`])).stderr).toBe('');
    copyFileSync(DEFAULT_PLAN, p);
    expect((await runRolegen(['explain', `${main}:3`])).stderr).toBe('');
    expect((await runRolegen(['check', '--plan', p, '--out', o])).status).toBe(0);
  });

  it("a sidecar of an earlier version, whose digest is of the CRLF text as it was: still as built while the plan is unchanged, edited once it is not", async () => {
    const folder = mkdtempSync(join(dir, 'crlf-old-'));
    const p = join(folder, 'plan.yaml');
    const text = crlf(readFileSync(DEFAULT_PLAN, 'utf8'));
    writeFileSync(p, text);
    const o = join(folder, 'out');
    expect((await runRolegen(['build', '--plan', p, '--out', o])).status).toBe(0);
    const raw = createHash('sha256').update(text).digest('hex');
    const now = readFileSync(sidecar(o), 'utf8');
    const old = now.replace(/^( {2}"planSha256": )"[0-9a-f]{64}",$/mu, `$1"${raw}",`);
    expect(old).not.toBe(now);
    writeFileSync(sidecar(o), old);
    const main = join(o, 'edpm_update_services', 'tasks', 'main.yml');
    const r = await runRolegen(['explain', '--json', `${main}:3`]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).planState).toBe('as-built');
    writeFileSync(p, `# reviewed\r\n${text}`);
    expect(JSON.parse((await runRolegen(['explain', '--json', `${main}:3`])).stdout).planState).toBe('edited');
  });

  it('a plan built through a symbolic link: read at the file it names, as built, no warning', async () => {
    const folder = mkdtempSync(join(dir, 'linked-'));
    const real = join(folder, 'real.yaml');
    copyFileSync(DEFAULT_PLAN, real);
    const link = join(folder, 'plan.yaml');
    symlinkSync(real, link);
    const o = join(folder, 'out');
    expect((await runRolegen(['build', '--plan', link, '--out', o])).status).toBe(0);
    const r = await runRolegen(['explain', `${join(o, 'edpm_update_services', 'tasks', 'main.yml')}:3`]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });
});
