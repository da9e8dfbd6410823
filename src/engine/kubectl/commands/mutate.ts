/** scale, set image, patch: commands that change existing objects in place. */
import type { KObject } from '../../api/types';
import { ApiError } from '../../api/errors';
import { jsonEqual } from '../../api/types';
import {
  jsonMergePatch,
  jsonPatch,
  PatchError,
  strategicMergePatch,
  type JsonPatchOp,
} from '../../api/patch';
import {
  DRY_RUN_FLAGS,
  FILENAME_FLAGS,
  OUTPUT_FLAGS,
  SELECTOR_FLAGS,
  dryRunOf,
  type DryRun,
} from '../commonflags';
import { CommandError, reportError, warnRecord, type Ctx, type KubectlCommand } from '../context';
import { parseManifestText } from '../manifests';
import { resourceForKindName, type ResourceInfo } from '../resources';
import { printResult } from '../writes';
import { collect } from './get';

/** Objects the arguments select, failing on NotFound like the resource builder. */
export function targets(
  ctx: Ctx,
  args: string[] = ctx.args,
): { info: ResourceInfo; obj: KObject }[] {
  const saved = ctx.args;
  ctx.args = args;
  try {
    const { groups, errors } = collect(ctx, {
      allNamespaces: ctx.flags.bool('all-namespaces'),
      selector: ctx.flags.str('selector'),
      fieldSelector: '',
    });
    if (errors.length) throw errors[0];
    return groups.flatMap((g) => g.objects.map((obj) => ({ info: g.info, obj })));
  } finally {
    ctx.args = saved;
  }
}

/** Writes a changed copy unless it equals the live object; returns whether anything changed. */
export function writeBack(
  ctx: Ctx,
  live: KObject,
  next: KObject,
  dry: DryRun,
): KObject | undefined {
  if (jsonEqual(next, live)) return undefined;
  if (dry === 'client') return next;
  return ctx.sim.store.update(
    { ...next, metadata: { ...next.metadata, resourceVersion: live.metadata.resourceVersion } },
    { dryRun: dry === 'server' },
  );
}

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

function scale(ctx: Ctx): number {
  warnRecord(ctx);
  if (!ctx.flags.has('replicas')) throw new CommandError(`required flag(s) "replicas" not set`);
  const replicas = ctx.flags.int('replicas');
  if (replicas < 0)
    throw new CommandError(
      'The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0',
    );
  const dry = dryRunOf(ctx.flags.str('dry-run'));
  for (const { obj } of targets(ctx)) {
    if (!SCALABLE.has(obj.kind)) throw new CommandError(`cannot scale ${obj.kind}`);
    const cur = ctx.flags.int('current-replicas', -1);
    if (cur >= 0 && (obj.spec?.replicas ?? 0) !== cur) {
      throw new CommandError(`Expected replicas to be ${cur}, was ${obj.spec?.replicas ?? 0}`);
    }
    const next = JSON.parse(JSON.stringify(obj)) as KObject;
    next.spec = { ...next.spec, replicas };
    writeBack(ctx, obj, next, dry);
    printResult(ctx, next, 'scaled', dry);
  }
  return 0;
}

export const scaleCommand: KubectlCommand = {
  name: 'scale',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  usage:
    'kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [options]',
  flags: {
    ...OUTPUT_FLAGS,
    ...FILENAME_FLAGS,
    ...SELECTOR_FLAGS,
    ...DRY_RUN_FLAGS,
    replicas: { type: 'int' },
    'current-replicas': { type: 'int', default: -1 },
    all: { type: 'bool' },
    record: { type: 'bool' },
    timeout: { type: 'string' },
    'resource-version': { type: 'string' },
  },
  run: scale,
};

/** `kubectl patch TYPE NAME -p '...' [--type strategic|merge|json]`. */
function patch(ctx: Ctx): number {
  const text =
    ctx.flags.str('patch') ||
    (ctx.flags.str('patch-file')
      ? ctx.session.files?.read(ctx.flags.str('patch-file'))
      : undefined);
  if (!text)
    throw new CommandError(
      'must specify --patch or --patch-file containing the contents of the patch',
    );
  const type = ctx.flags.str('type') || 'strategic';
  if (!['strategic', 'merge', 'json'].includes(type))
    throw new CommandError(`--type must be one of [json merge strategic], not "${type}"`);
  const parsed = parseManifestText(text, 'patch');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    if (parsed.error || parsed.objects.length !== 1)
      throw new CommandError(`unable to parse "${text}": yaml: did not find expected node content`);
    const { source: _s, ...rest } = parsed.objects[0];
    body = rest;
  }
  const dry = dryRunOf(ctx.flags.str('dry-run'));
  for (const { info, obj } of targets(ctx)) {
    let next: KObject;
    try {
      if (type === 'json') {
        if (!Array.isArray(body))
          throw new ApiError(
            'BadRequest',
            `json: cannot unmarshal object into Go value of type jsonpatch.Patch`,
          );
        next = jsonPatch(obj, body as JsonPatchOp[]) as KObject;
      } else if (type === 'merge') next = jsonMergePatch(obj, body) as KObject;
      else {
        if (resourceForKindName(obj.kind) === undefined)
          throw new CommandError('strategic merge patch is not supported for this kind');
        next = strategicMergePatch(obj, body, info) as KObject;
      }
    } catch (e) {
      if (e instanceof PatchError) throw new ApiError('Invalid', e.message);
      throw e;
    }
    const changed = writeBack(ctx, obj, next, dry);
    printResult(
      ctx,
      changed ?? obj,
      changed || dry !== 'none' ? 'patched' : 'patched (no change)',
      dry,
    );
  }
  return 0;
}

export const patchCommand: KubectlCommand = {
  name: 'patch',
  short: 'Update fields of a resource',
  usage: 'kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]',
  flags: {
    ...OUTPUT_FLAGS,
    ...FILENAME_FLAGS,
    ...DRY_RUN_FLAGS,
    patch: { type: 'string', short: 'p' },
    'patch-file': { type: 'string' },
    type: { type: 'string', default: 'strategic' },
    local: { type: 'bool' },
    subresource: { type: 'string' },
    'field-manager': { type: 'string' },
    record: { type: 'bool' },
  },
  run: patch,
};

/** `kubectl set image TYPE/NAME container=image ...` (also `*=image`). */
function setCmd(ctx: Ctx): number {
  const sub = ctx.args[0];
  if (sub !== 'image')
    throw new CommandError(
      `kubectl set ${sub ?? ''} is not supported in Kubeplay (supported: set image)`,
    );
  const rest = ctx.args.slice(1);
  const pairs = rest.filter((a) => a.includes('='));
  const res = rest.filter((a) => !a.includes('='));
  if (pairs.length === 0) throw new CommandError('at least one image update is required');
  const dry = dryRunOf(ctx.flags.str('dry-run'));
  for (const { obj } of targets(ctx, res)) {
    const next = JSON.parse(JSON.stringify(obj)) as KObject;
    const spec =
      obj.kind === 'Pod'
        ? next.spec
        : obj.kind === 'CronJob'
          ? next.spec?.jobTemplate?.spec?.template?.spec
          : next.spec?.template?.spec;
    if (!spec) throw new CommandError(`cannot set image on ${obj.kind}`);
    for (const p of pairs) {
      const i = p.indexOf('=');
      const name = p.slice(0, i);
      const image = p.slice(i + 1);
      const all = [...(spec.containers ?? []), ...(spec.initContainers ?? [])];
      const found = all.filter((c: { name: string }) => name === '*' || c.name === name);
      if (found.length === 0) throw new CommandError(`unable to find container named "${name}"`);
      for (const c of found) c.image = image;
    }
    const changed = writeBack(ctx, obj, next, dry);
    printResult(ctx, changed ?? next, 'image updated', dry);
  }
  return 0;
}

export const setCommand: KubectlCommand = {
  name: 'set',
  short: 'Set specific features on objects',
  usage:
    'kubectl set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N [options]',
  flags: {
    ...OUTPUT_FLAGS,
    ...FILENAME_FLAGS,
    ...SELECTOR_FLAGS,
    ...DRY_RUN_FLAGS,
    all: { type: 'bool' },
    local: { type: 'bool' },
    record: { type: 'bool' },
  },
  run: setCmd,
};

export { reportError };
