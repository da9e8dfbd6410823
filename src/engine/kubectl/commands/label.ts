/** label and annotate (k8s.io/kubectl/pkg/cmd/{label,annotate}): set `key=value`, remove `key-`. */
import type { KObject } from '../../api/types';
import {
  DRY_RUN_FLAGS,
  FILENAME_FLAGS,
  OUTPUT_FLAGS,
  SELECTOR_FLAGS,
  dryRunOf,
} from '../commonflags';
import { CommandError, type Ctx, type KubectlCommand } from '../context';
import { printResult } from '../writes';
import { targets, writeBack } from './mutate';

/**
 * label.go updateDataChangeMsg: "not labeled" when nothing changed, "unlabeled" when the object
 * got shorter without --overwrite, else "labeled". (annotate always says "annotated".)
 */
function labelMessage(before: KObject, after: KObject, overwrite: boolean): string {
  const a = JSON.stringify(before);
  const b = JSON.stringify(after);
  if (a === b) return 'not labeled';
  return !overwrite && b.length < a.length ? 'unlabeled' : 'labeled';
}

/** label/annotate: `key=value` sets, `key-` removes; existing keys need --overwrite. */
function labelOrAnnotate(ctx: Ctx, field: 'labels' | 'annotations'): number {
  const sets: [string, string][] = [];
  const removes: string[] = [];
  const resArgs: string[] = [];
  for (const a of ctx.args) {
    if (a.endsWith('-') && !a.includes('=')) removes.push(a.slice(0, -1));
    else if (a.includes('=') && resArgs.length > 0) {
      const i = a.indexOf('=');
      sets.push([a.slice(0, i), a.slice(i + 1)]);
    } else resArgs.push(a);
  }
  const verb = field === 'labels' ? 'labeled' : 'annotated';
  if (sets.length === 0 && removes.length === 0 && !ctx.flags.bool('list'))
    throw new CommandError(
      `at least one ${field === 'labels' ? 'label' : 'annotation'} update is required`,
    );
  const dry = dryRunOf(ctx.flags.str('dry-run'));
  let list = targets(ctx, resArgs);
  if (ctx.flags.bool('all') && resArgs.length === 1) list = targets(ctx, resArgs);
  for (const { obj } of list) {
    const cur = { ...(obj.metadata[field] ?? {}) } as Record<string, string>;
    if (ctx.flags.bool('list')) {
      for (const k of Object.keys(cur).sort()) ctx.io.out(`${k}=${cur[k]}\n`);
      continue;
    }
    for (const [k, v] of sets) {
      if (k in cur && cur[k] !== v && !ctx.flags.bool('overwrite')) {
        throw new CommandError(`'${k}' already has a value (${cur[k]}), and --overwrite is false`);
      }
      cur[k] = v;
    }
    // label.go: a removed label that is not there is reported (not on client dry runs).
    if (field === 'labels' && dry !== 'client')
      for (const k of removes) if (!(k in cur)) ctx.io.out(`label "${k}" not found.\n`);
    for (const k of removes) delete cur[k];
    const next = JSON.parse(JSON.stringify(obj)) as KObject;
    if (Object.keys(cur).length) next.metadata[field] = cur;
    else delete next.metadata[field];
    const changed = writeBack(ctx, obj, next, dry);
    const msg = field === 'labels' ? labelMessage(obj, next, ctx.flags.bool('overwrite')) : verb;
    printResult(ctx, changed ?? obj, msg, dry);
  }
  return 0;
}

const labelFlags = {
  ...OUTPUT_FLAGS,
  ...FILENAME_FLAGS,
  ...SELECTOR_FLAGS,
  ...DRY_RUN_FLAGS,
  overwrite: { type: 'bool' as const },
  all: { type: 'bool' as const },
  'all-namespaces': { type: 'bool' as const, short: 'A' },
  list: { type: 'bool' as const },
  local: { type: 'bool' as const },
  'resource-version': { type: 'string' as const },
  'field-selector': { type: 'string' as const },
};

export const labelCommand: KubectlCommand = {
  name: 'label',
  short: 'Update the labels on a resource',
  usage:
    'kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  flags: labelFlags,
  run: (ctx) => labelOrAnnotate(ctx, 'labels'),
};

export const annotateCommand: KubectlCommand = {
  name: 'annotate',
  short: 'Update the annotations on a resource',
  usage:
    'kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  flags: labelFlags,
  run: (ctx) => labelOrAnnotate(ctx, 'annotations'),
};
