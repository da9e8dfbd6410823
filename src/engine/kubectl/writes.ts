/** Helpers for commands that write objects and report `<kind>/<name> <verb>`. */
import type { KInput, KObject } from '../api/types';
import { dryRunSuffix, type DryRun } from './commonflags';
import type { Ctx } from './context';
import { nameOf, parseOutput, printObjects } from './printers/output';

/** Prints `deployment.apps/web created (dry run)` or the object in the `-o` format. */
export function printResult(
  ctx: Ctx,
  obj: KObject | KInput,
  verb: string,
  dryRun: DryRun = 'none',
  typed = false,
): void {
  const out = ctx.flags.has('output') ? ctx.flags.str('output') : '';
  const fmt = parseOutput(out, false);
  if (fmt.kind === 'table' || fmt.kind === 'wide')
    ctx.io.out(`${nameOf(obj as KObject)} ${verb}${dryRunSuffix(dryRun)}\n`);
  else if (fmt.kind === 'name') ctx.io.out(nameOf(obj as KObject) + '\n');
  else ctx.io.out(printObjects([obj as KObject], fmt, true, typed));
}

/** An object as `--dry-run=client` prints it: what the client would send, no server fields. */
export function clientDryRunObject(o: KInput): KInput {
  const copy = JSON.parse(JSON.stringify(o)) as KInput;
  copy.metadata = { ...(copy.metadata ?? {}) };
  return copy;
}

/** Drops the typed-object noise (`creationTimestamp: null`, empty status) before sending. */
export function forStore(o: KInput): KInput {
  const copy = JSON.parse(
    JSON.stringify(o, (k, v) => (k === 'creationTimestamp' && v === null ? undefined : v)),
  ) as KInput;
  if (copy.status && Object.keys(copy.status).length === 0) delete copy.status;
  return copy;
}
