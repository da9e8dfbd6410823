/** What every kubectl command receives, and the error wording kubectl uses. */
import type { CommandRun, Io, Session } from '../command';
import type { Simulation } from '../sim';
import { ApiError } from '../api/errors';
import { SelectorError } from '../api/selectors';
import { Flags, UsageError, type FlagSpecs } from './flags';
import { ResourceArgError } from './resources';
import { JsonPathError } from './printers/jsonpath';

export interface Ctx {
  session: Session;
  sim: Simulation;
  io: Io;
  stdin?: string;
  flags: Flags;
  args: string[];
  /** Words after `--`. */
  dash?: string[];
  /** `get`, `rollout`, ... (for `See 'kubectl get --help' for usage.`). */
  command: string;
  /** The line ended with `&`: a long-running command (port-forward) returns once it is set up. */
  background?: boolean;
}

export interface KubectlCommand {
  name: string;
  aliases?: string[];
  short: string;
  /** Usage line for `--help`. */
  usage: string;
  flags: FlagSpecs;
  /** A generator when the command lets simulated time pass, else the exit code directly. */
  run(ctx: Ctx): CommandRun | number;
}

/** A failure that prints `error: <message>` and exits 1. */
export class CommandError extends Error {}

export function namespaceOf(ctx: Ctx): string {
  return ctx.flags.str('namespace') || ctx.session.namespace;
}

/** `Error from server (NotFound): pods "x" not found` */
export function apiErrorText(e: ApiError): string {
  return `Error from server (${e.reason}): ${e.message}`;
}

/** resource.Builder's error when no resource is named (delete, expose, edit...). */
export const NO_RESOURCES = `You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'`;

/** Writes any error the way kubectl's `CheckErr` does; returns the exit code. */
export function reportError(io: Io, e: unknown, command?: string): number {
  if (e instanceof ApiError) io.err(apiErrorText(e) + '\n');
  else if (e instanceof UsageError && command)
    io.err(`error: ${e.message}\nSee 'kubectl ${command} -h' for help and examples\n`);
  else if (
    e instanceof CommandError ||
    e instanceof UsageError ||
    e instanceof ResourceArgError ||
    e instanceof SelectorError ||
    e instanceof JsonPathError
  ) {
    // cmdutil fatal(): a newline is added only when the message has none.
    io.err(`error: ${e.message}${e.message.endsWith('\n') ? '' : '\n'}`);
  } else throw e;
  return 1;
}

/** Deprecated `--record`: accepted and ignored, with kubectl's warning. */
export function warnRecord(ctx: Ctx): void {
  if (ctx.flags.has('record'))
    ctx.io.err('Flag --record has been deprecated, --record will be removed in the future\n');
}
