/**
 * `rollout` and `resume`: read the files, call src/rollout/, write or print.
 */
import { readFileSync, statSync } from 'node:fs';
import { fileError, InputError, printable } from '../core/diagnostics.js';
import { describeIoError } from '../core/io-error.js';
import { decodeUtf8 } from '../core/utf8-text.js';
import { loadPlanFileWithSource } from '../plan/load.js';
import { builtInPlanPath } from '../package-root.js';
import { parseNodeList, type NodeList } from '../rollout/node-list.js';
import { parseDeploymentStatus } from '../rollout/deployment-status.js';
import { resumeManifestText, rolloutManifestText, type RolloutRequest } from '../rollout/rollout-request.js';
import { EXIT, type CliIo } from './io.js';
import { checkPlanOutput, writeWholeFile, type OutputKind } from './plan-file-output.js';

/** Options both commands take. */
export interface RolloutOptions {
  readonly plan?: string;
  readonly phase: string;
  readonly nodeSet: string;
  readonly rolloutId: string;
  readonly nodes: string;
  readonly group?: string;
  readonly out?: string;
  readonly force?: boolean;
}

/** Largest node list, inventory or status file read. */
const MAX_INPUT_BYTES = 32 * 1024 * 1024;

function readInput(path: string, what: string): string {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new InputError([fileError(path, `${what}: not a regular file`)]);
    if (stat.size > MAX_INPUT_BYTES) throw new InputError([fileError(path, `${what} is ${stat.size} bytes; the limit is ${MAX_INPUT_BYTES}`)]);
    return decodeUtf8(readFileSync(path), path);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError([fileError(path, `cannot read ${what}: ${describeIoError(err)}`)]);
  }
}

/** The node set: an inventory's group named after it when there is one, else every node of the file. */
function readNodes(opts: RolloutOptions): NodeList {
  const text = readInput(opts.nodes, 'node list');
  if (opts.group !== undefined) return parseNodeList(text, opts.nodes, opts.group);
  const all = parseNodeList(text, opts.nodes);
  if (all.format === 'list') return all;
  try {
    return parseNodeList(text, opts.nodes, opts.nodeSet);
  } catch {
    return all;
  }
}

function request(opts: RolloutOptions): RolloutRequest {
  const { plan, source } = loadPlanFileWithSource(opts.plan ?? builtInPlanPath());
  return { plan, planSource: source, phase: opts.phase, nodeSet: opts.nodeSet, rolloutId: opts.rolloutId, nodes: readNodes(opts) };
}

/** What rollout and resume write with --out. */
const MANIFESTS: OutputKind = { name: 'deployment manifests', example: 'waves.yaml' };

/** Writes beside the target and renames, so that the file is whole or untouched (never a folder, never over a file without --force). */
function writeOutput(path: string, text: string, force: boolean): void {
  writeWholeFile(path, text, force, MANIFESTS);
}

/** Refuses an --out that cannot be written before any work (and before resume reports its nodes); checked again when writing. */
function checkOutput(opts: RolloutOptions): void {
  if (opts.out !== undefined) checkPlanOutput(opts.out, opts.force === true, MANIFESTS);
}

/** `edpm-rolegen rollout`: the per-wave deployments. */
export function rolloutCommand(opts: RolloutOptions, io: CliIo): number {
  checkOutput(opts);
  const { text, waves } = rolloutManifestText(request(opts));
  const summary = waves.map((w) => `${w.name}: ${w.nodes.length} node(s), ${w.allowedFailures} may fail`).join('; ');
  if (opts.out === undefined) io.out(text);
  else {
    writeOutput(opts.out, text, opts.force === true);
    io.out(`wrote ${waves.length} deployment(s) to ${printable(opts.out)}\n`);
  }
  io.err(`${opts.phase} over ${opts.nodeSet}: ${summary}\n`);
  return EXIT.ok;
}

/** `edpm-rolegen resume`: the deployment that finishes a stopped rollout. */
export function resumeCommand(opts: RolloutOptions & { status: readonly string[]; attempt: string }, io: CliIo): number {
  const attempt = Number(opts.attempt);
  if (!Number.isInteger(attempt) || attempt < 1 || attempt > 99) {
    throw new InputError([fileError('<command line>', `--attempt "${opts.attempt}": expected a whole number from 1 to 99`)]);
  }
  checkOutput(opts);
  const outcomes = opts.status.flatMap((file) => parseDeploymentStatus(readInput(file, 'deployment status'), file));
  const result = resumeManifestText(request(opts), outcomes, attempt);
  for (const line of result.lines) io.err(`${line}\n`);
  if (result.text === null) {
    io.err(`every node finished ${opts.phase} under rollout ${opts.rolloutId}: nothing to resume\n`);
    return EXIT.ok;
  }
  if (opts.out === undefined) io.out(result.text);
  else {
    writeOutput(opts.out, result.text, opts.force === true);
    io.out(`wrote the resume deployment (${result.remaining.length} node(s)) to ${printable(opts.out)}\n`);
  }
  return EXIT.ok;
}
