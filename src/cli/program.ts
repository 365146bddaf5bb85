/**
 * The command line: parses arguments (commander), calls the library, prints,
 * and maps errors to exit codes. Thin on purpose.
 */
import { Command, CommanderError, Option } from 'commander';
import { InputError, printable } from '../core/diagnostics.js';
import { BAD_INPUT_IO_CODES, describeIoError, ioErrorAdvice } from '../core/io-error.js';
import { OutputLockedError } from '../write/output-lock.js';
import { HandEditError } from '../write/write-tree.js';
import { readFileSync } from 'node:fs';
import { packageVersion, planSchemaPath } from '../package-root.js';
import { EXIT, type CliIo } from './io.js';
import { buildCommand, checkCommand } from './build-commands.js';
import type { RolloutOptions } from './rollout-commands.js';
import type { ProgramIdentity } from './build-inputs.js';

/**
 * Runs the CLI with arguments (without `node` and the script); resolves to
 * the exit code. The executable gives the running program's `identity`
 * (main.ts): with it, `build` can find an output folder up to date without
 * compiling (build-commands.ts).
 */
export async function runCli(args: readonly string[], io: CliIo, identity?: ProgramIdentity): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('edpm-rolegen')
    .description('Compile the EDPM minor-update plan into the edpm_update_services and edpm_update_system Ansible roles.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError('(run edpm-rolegen --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  program.addHelpText(
    'after',
    '\nExit codes: 0 success, 1 drift or failure, 2 bad input or usage.\nWithout --plan the built-in plan is used; without --out, dist-roles/ in the current folder.',
  );

  const planOption = () => new Option('-p, --plan <file>', 'plan file (YAML or JSON); default: the built-in plan');
  const outOption = () => new Option('-o, --out <dir>', 'output folder; default: dist-roles/ in the current folder');

  program
    .command('build')
    .description('compile the plan and write the roles, playbooks and service manifests (atomically)')
    .addOption(planOption())
    .addOption(outOption())
    .option('-f, --force', 'overwrite generated files edited by hand')
    .option('-r, --roles <dir>', 'audit the plan against this roles tree first; refuse to build on errors')
    .action(async (opts: { plan?: string; out?: string; force?: boolean; roles?: string }) => {
      exitCode = await buildCommand(opts, io, identity);
    });

  program
    .command('check')
    .description('exit 1 and print a unified diff when the output folder differs from what the plan compiles to')
    .addOption(planOption())
    .addOption(outOption())
    .option('-r, --roles <dir>', 'the roles tree the output was built with (build --roles): task file names as they exist there')
    .action(async (opts: { plan?: string; out?: string; roles?: string }) => {
      exitCode = await checkCommand(opts, io);
    });

  program
    .command('discover')
    .description('list the update entry points of a roles tree and audit the plan against it (exit 1 on errors)')
    .requiredOption('-r, --roles <dir>', 'roles folder in the standard layout (<role>/tasks/*.yml)')
    .addOption(planOption())
    .option('--json', 'print JSON for machines instead of a table')
    .action(async (opts: { roles: string; plan?: string; json?: boolean }) => {
      // Each command loads what only it needs (the roles-tree scan): `build`
      // starts without it.
      const { discoverCommand } = await import('./discover-command.js');
      exitCode = discoverCommand(opts, io);
    });

  program
    .command('init')
    .description('write a plan file derived from a roles tree, or from a hand-written role (to stdout without --out)')
    .option('-r, --roles <dir>', 'roles folder in the standard layout (<role>/tasks/*.yml)')
    .option('--from-role <dir>', 'the same as import --role DIR: the plan of a hand-written edpm_update_services role')
    .option('-o, --out <file>', 'plan file to write')
    .option('-f, --force', 'overwrite the plan file if it exists')
    .action(async (opts: { roles?: string; fromRole?: string; out?: string; force?: boolean }) => {
      if ((opts.roles === undefined) === (opts.fromRole === undefined)) {
        io.err('edpm-rolegen init: error: give either --roles DIR or --from-role DIR\n');
        exitCode = EXIT.badInput;
        return;
      }
      const { importCommand } = await import('./import-command.js');
      const { initCommand } = await import('./init-command.js');
      exitCode =
        opts.fromRole !== undefined
          ? importCommand({ role: opts.fromRole, ...(opts.out === undefined ? {} : { out: opts.out }), force: opts.force === true }, io)
          : initCommand({ roles: opts.roles!, ...(opts.out === undefined ? {} : { out: opts.out }), force: opts.force === true }, io);
    });

  program
    .command('import')
    .description('write the plan of a hand-written edpm_update_services role (to stdout without --out); report what a plan cannot hold')
    .requiredOption('--role <dir>', 'folder of the hand-written edpm_update_services role (tasks/containers.yml, tasks/packages.yml, defaults/main.yml)')
    .option('-o, --out <file>', 'plan file to write')
    .option('-f, --force', 'overwrite the plan file if it exists')
    .option('--check', 'compile the imported plan and print how the generated role differs from the hand-written one (nothing when equivalent)')
    .action(async (opts: { role: string; out?: string; force?: boolean; check?: boolean }) => {
      const { importCommand } = await import('./import-command.js');
      exitCode = importCommand(opts, io);
    });

  const rolloutOptions = (command: Command): Command =>
    command
      .addOption(planOption())
      .addOption(new Option('--phase <phase>', 'the phase: update-services or update-system').default('update-services'))
      .requiredOption('--node-set <name>', 'the OpenStackDataPlaneNodeSet')
      .requiredOption('--rollout-id <id>', 'id of this rollout: the same for its resume, a new one for the next update')
      .requiredOption('--nodes <file>', 'the nodes: a list (one a line) or an Ansible inventory, YAML or INI')
      .option('--group <group>', 'the inventory group of the nodes (default: the group named after the node set, else every host)')
      .option('-o, --out <file>', 'write the manifests there instead of stdout')
      .option('-f, --force', 'overwrite --out if it exists');

  rolloutOptions(
    program.command('rollout').description('write the OpenStackDataPlaneDeployment of each wave of a phase over a node set (canary first), in the order to apply them'),
  ).action(async (opts: RolloutOptions) => {
    const { rolloutCommand } = await import('./rollout-commands.js');
    exitCode = rolloutCommand(opts, io);
  });

  rolloutOptions(
    program.command('resume').description("write the deployment that finishes a stopped rollout, from the deployments' status: its failed, unreachable and never-reached nodes"),
  )
    .requiredOption('--status <file...>', 'status of the rollout\'s deployments (oc get osdpd ... -o yaml|json; a node set\'s status serves too)')
    .option('--attempt <n>', 'number of this resume, in its name (deployments cannot be changed)', '1')
    .action(async (opts: RolloutOptions & { status: string[]; attempt: string }) => {
      const { resumeCommand } = await import('./rollout-commands.js');
      exitCode = resumeCommand(opts, io);
    });

  program
    .command('explain')
    .description('print the plan entry behind a generated file line (FILE:LINE, as Ansible and linters print it), or every generated line a plan line made (PLAN:LINE)')
    .argument('<target>', 'FILE[:LINE] of a generated file, or PLAN:LINE')
    .addOption(new Option('-o, --out <dir>', 'output folder (default: the one holding FILE, else dist-roles/ in the current folder)'))
    .option('--json', 'print JSON for machines')
    .action(async (target: string, opts: { out?: string; json?: boolean }) => {
      const { explainCommand } = await import('./explain-command.js');
      const { defaultOutDir } = await import('./build-commands.js');
      exitCode = explainCommand(target, opts, io, defaultOutDir);
    });

  program
    .command('lint')
    .description("run the project's ansible-lint and yamllint (.venv) on a built output folder; each finding also at its plan entry (exit 1 on findings)")
    .addOption(outOption())
    .option('--json', 'print JSON for machines')
    .action(async (opts: { out?: string; json?: boolean }) => {
      const { lintCommand } = await import('./lint-command.js');
      const { defaultOutDir } = await import('./build-commands.js');
      exitCode = lintCommand(opts, io, defaultOutDir);
    });

  program
    .command('show')
    .description('print what a node runs in each phase, for the service types it runs and the variables it is given, without a node')
    .addOption(planOption())
    .option('-s, --services <types>', 'service types running on the node, comma-separated (edpm_service_types; without it, and without -e edpm_service_types, phase 1 fails as the role does)')
    .option(
      '-e, --extra-vars <vars>',
      'variables exactly as ansible-playbook -e takes them: key=value pairs, several in one argument separated by spaces, ' +
        'each value a STRING (x=true is "true", x=[a] is "[a]"; quotes group words and are taken off; words without = become _raw_params); ' +
        'an argument starting with { or [ is a JSON (else YAML) mapping; @FILE reads a YAML/JSON file of variables; repeatable, later ones win. ' +
        "The roles' argument validation, bool filter and in tests then read the values as Ansible does (notes say where that surprises)",
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .option('--bootc', 'the node is an image-mode (bootc) host (as -e \'{"ansible_local": {"bootc": true}}\')')
    .option('-t, --tags <tags>', 'only the tasks with these tags, comma-separated, as ansible-playbook --tags')
    .option('--skip-tags <tags>', 'not the tasks with these tags, comma-separated, as ansible-playbook --skip-tags')
    .option('-r, --roles <dir>', 'the roles tree the roles are built with (build --roles): task file names as they exist there')
    .option('--json', 'print JSON for machines')
    .action(async (opts: { plan?: string; services?: string; extraVars?: string[]; bootc?: boolean; tags?: string; skipTags?: string; roles?: string; json?: boolean }) => {
      const { showCommand } = await import('./show-command.js');
      exitCode = showCommand(opts, io);
    });

  program
    .command('schema')
    .description('print the JSON Schema of plan files')
    .action(() => {
      io.out(readFileSync(planSchemaPath(), 'utf8'));
    });

  if (args.length === 0) {
    io.err(program.helpInformation());
    io.err('edpm-rolegen: error: no command given\n');
    return EXIT.badInput;
  }
  try {
    await program.parseAsync([...args], { from: 'user' });
    return exitCode;
  } catch (err) {
    return exitCodeOf(err, io);
  }
}

function exitCodeOf(err: unknown, io: CliIo): number {
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
    return EXIT.badInput;
  }
  if (err instanceof InputError) {
    io.err(`${err.message}\n`);
    return EXIT.badInput;
  }
  if (err instanceof HandEditError || err instanceof OutputLockedError) {
    io.err(`edpm-rolegen: ${err.message}\n`);
    return EXIT.failure;
  }
  const io_ = err as NodeJS.ErrnoException;
  if (typeof io_?.code === 'string' && typeof io_.syscall === 'string') {
    // A file system error nobody turned into a diagnostic: one line, the path, what to do.
    const where = [io_.path, (io_ as { dest?: string }).dest].filter((p): p is string => typeof p === 'string').map(printable).join(' -> ');
    io.err(`edpm-rolegen: error: ${where === '' ? '' : `${where}: `}${describeIoError(err)} (${io_.syscall}); ${ioErrorAdvice(err)}\n`);
    return BAD_INPUT_IO_CODES.has(io_.code) ? EXIT.badInput : EXIT.failure;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.err(`edpm-rolegen: error: ${printable(message)}\n`);
  if (process.env.EDPM_ROLEGEN_DEBUG === '1' && err instanceof Error && err.stack !== undefined) io.err(`${err.stack}\n`);
  return EXIT.failure;
}
