/**
 * `kubectl delete`: deletes what the arguments, -f, -l or --all select, prints
 * `pod "x" deleted from default namespace` (1.35 wording), then waits until the objects are gone (k8s.io/kubectl/pkg/cmd/delete).
 */
import type { CommandRun } from '../../command';
import type { KObject } from '../../api/types';
import { ApiError } from '../../api/errors';
import { parseDuration } from '../../clock';
import { DRY_RUN_FLAGS, FILENAME_FLAGS, SELECTOR_FLAGS, dryRunOf } from '../commonflags';
import {
  CommandError,
  NO_RESOURCES,
  apiErrorText,
  type Ctx,
  type KubectlCommand,
} from '../context';
import {
  kindPrefix,
  parseResourceArgs,
  resourceForKindName,
  type ResourceInfo,
} from '../resources';
import { collect } from './get';

/** kubectl waits a week when --timeout=0 (delete.go effectiveTimeout). */
const WAIT_FOREVER_MS = 168 * 3600 * 1000;

function* run(ctx: Ctx): CommandRun {
  const f = ctx.flags;
  let grace = f.int('grace-period', -1);
  if (f.bool('now')) {
    if (grace !== -1)
      throw new CommandError('--now and --grace-period cannot be specified together');
    grace = 1;
  }
  if (grace === 0 && !f.bool('force')) grace = 1;
  if (f.bool('force') && grace < 0) grace = 0;
  const output = f.str('output');
  if (output && output !== 'name')
    throw new CommandError(`unexpected -o output mode: ${output}. We only support '-o name'`);
  if (f.bool('all') && f.str('selector'))
    throw new CommandError('cannot set --all and --selector at the same time');
  if (grace === 0 && f.bool('force')) {
    ctx.io.err(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
    );
  } else if (grace > 0 && f.bool('force'))
    throw new CommandError(
      '--force and --grace-period greater than 0 cannot be specified together',
    );
  const cascade = f.str('cascade') || 'background';
  const policy = {
    background: 'Background',
    foreground: 'Foreground',
    orphan: 'Orphan',
    true: 'Background',
    false: 'Orphan',
  }[cascade] as 'Background' | 'Foreground' | 'Orphan' | undefined;
  if (!policy)
    throw new CommandError(
      `invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan"`,
    );
  const dry = dryRunOf(f.str('dry-run'));
  const files = f.strs('filename');
  if (ctx.args.length === 0 && files.length === 0) {
    throw new CommandError(NO_RESOURCES);
  }
  if (files.length === 0) {
    const reqs = parseResourceArgs(ctx.args);
    if (
      reqs.some((r) => r.names.length === 0) &&
      !f.bool('all') &&
      !f.str('selector') &&
      !f.str('field-selector')
    ) {
      throw new CommandError(`resource(s) were provided, but no name was specified`);
    }
  }
  const { groups, errors } = collect(ctx, {
    allNamespaces: f.bool('all-namespaces'),
    selector: f.str('selector'),
    fieldSelector: f.str('field-selector'),
  });
  const store = ctx.sim.store;
  const deleted: { info: ResourceInfo; obj: KObject }[] = [];
  const ignoreNotFound = f.bool('ignore-not-found') || f.bool('all') || !!f.str('selector');
  const op = grace === 0 ? 'force deleted' : 'deleted';
  const suffix = dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
  for (const g of groups) {
    for (const o of g.objects) {
      const line =
        output === 'name'
          ? `${kindPrefix(g.info)}/${o.metadata.name}\n`
          : `${kindPrefix(g.info)} "${o.metadata.name}" ${op}${g.info.namespaced ? ` from ${o.metadata.namespace} namespace` : ''}${suffix}\n`;
      if (dry !== 'none') {
        ctx.io.out(line);
        continue;
      }
      try {
        store.delete(g.info.kind, o.metadata.namespace, o.metadata.name, {
          gracePeriodSeconds: grace >= 0 ? grace : undefined,
          propagationPolicy: policy,
        });
        deleted.push({ info: g.info, obj: o });
        ctx.io.out(line);
      } catch (e) {
        if (e instanceof ApiError && e.reason === 'NotFound' && ignoreNotFound) continue;
        if (e instanceof ApiError) ctx.io.err(apiErrorText(e) + '\n');
        else throw e;
      }
    }
  }
  for (const e of errors) if (!f.bool('ignore-not-found')) ctx.io.err(apiErrorText(e) + '\n');
  const found = groups.reduce((n, g) => n + g.objects.length, 0);
  if (found === 0 && errors.length === 0) {
    ctx.io.out('No resources found\n');
    return 0;
  }
  if (f.has('wait') && !f.bool('wait')) return errors.length ? 1 : 0;
  if (deleted.length && dry === 'none') {
    const gone = () =>
      deleted.every(
        (d) =>
          store.get(d.info.kind, d.obj.metadata.namespace, d.obj.metadata.name)?.metadata.uid !==
          d.obj.metadata.uid,
      );
    const t = f.str('timeout');
    const ms = t && t !== '0s' && t !== '0' ? parseDuration(t) : WAIT_FOREVER_MS;
    const ok = yield { until: gone, timeoutAt: ctx.sim.now() + (ms ?? WAIT_FOREVER_MS) };
    if (!ok) {
      const left = deleted.find((d) =>
        store.get(d.info.kind, d.obj.metadata.namespace, d.obj.metadata.name),
      );
      if (left) {
        ctx.io.err(
          `error: timed out waiting for the condition on ${left.info.plural}${left.info.group ? '.' + left.info.group : ''}/${left.obj.metadata.name}\n`,
        );
        return 1;
      }
    }
  }
  return errors.length && !f.bool('ignore-not-found') ? 1 : 0;
}

export const deleteCommand: KubectlCommand = {
  name: 'delete',
  short:
    'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  usage:
    'kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]',
  flags: {
    ...FILENAME_FLAGS,
    ...SELECTOR_FLAGS,
    ...DRY_RUN_FLAGS,
    output: { type: 'string', short: 'o' },
    all: { type: 'bool' },
    'all-namespaces': { type: 'bool', short: 'A' },
    'field-selector': { type: 'string' },
    'grace-period': { type: 'int', default: -1 },
    force: { type: 'bool' },
    now: { type: 'bool' },
    cascade: { type: 'string', default: 'background', noOptDefault: 'background' },
    timeout: { type: 'string' },
    wait: { type: 'bool', default: true },
    'ignore-not-found': { type: 'bool' },
    interactive: { type: 'bool', short: 'i' },
    raw: { type: 'string' },
  },
  run,
};

export { resourceForKindName };
