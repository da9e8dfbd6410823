/** wait, edit, replace (k8s.io/kubectl/pkg/cmd/{wait,edit,replace}). */
import type { CommandRun } from '../../command';
import type { KInput, KObject } from '../../api/types';
import { ApiError } from '../../api/errors';
import { parseDuration } from '../../clock';
import {
  DRY_RUN_FLAGS,
  FILENAME_FLAGS,
  OUTPUT_FLAGS,
  SELECTOR_FLAGS,
  dryRunOf,
} from '../commonflags';
import { CommandError, namespaceOf, type Ctx, type KubectlCommand } from '../context';
import { jsonPathValues, relaxedJsonPath } from '../printers/jsonpath';
import { parseManifestText, readManifests } from '../manifests';
import { kindPrefix, qualified, resourceForKindName } from '../resources';
import { printResult } from '../writes';
import { createAndPrint } from './create';
import { targets, writeBack } from './mutate';

/** kubectl wait's default --timeout. */
const WAIT_DEFAULT_TIMEOUT = '30s';

type Condition = (o: KObject | undefined) => boolean;

function parseFor(spec: string): { cond: Condition; deletion: boolean } {
  if (spec === 'delete') return { cond: (o) => !o, deletion: true };
  if (spec.startsWith('condition=')) {
    const body = spec.slice('condition='.length);
    const [type, value = 'true'] = body.split('=');
    return {
      cond: (o) =>
        (o?.status?.conditions ?? []).some(
          (c: { type: string; status: string }) =>
            c.type.toLowerCase() === type.toLowerCase() &&
            c.status.toLowerCase() === value.toLowerCase(),
        ),
      deletion: false,
    };
  }
  if (spec.startsWith('jsonpath=')) {
    const body = spec.slice('jsonpath='.length);
    const m = /^(\{[^}]*\}|[^=]+)(?:=(.*))?$/.exec(body);
    if (!m)
      throw new CommandError(
        `jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3`,
      );
    const path = relaxedJsonPath(m[1]);
    const want = m[2];
    return {
      cond: (o) => {
        if (!o) return false;
        const vals = jsonPathValues(path, o);
        if (want === undefined) return vals.length > 0 && vals[0] !== undefined;
        return vals.length > 0 && String(vals[0]) === want.replace(/^['"]|['"]$/g, '');
      },
      deletion: false,
    };
  }
  if (spec.startsWith('create')) return { cond: (o) => !!o, deletion: false };
  throw new CommandError(`unrecognized condition: "${spec}"`);
}

function* wait(ctx: Ctx): CommandRun {
  const forSpec = ctx.flags.str('for');
  if (!forSpec) throw new CommandError('--for must be specified');
  const { cond, deletion } = parseFor(forSpec);
  let list;
  try {
    list = targets(ctx);
  } catch (e) {
    if (deletion && e instanceof ApiError && e.reason === 'NotFound') return 0;
    throw e;
  }
  if (list.length === 0) throw new CommandError('no matching resources found');
  const timeout = parseDuration(ctx.flags.str('timeout') || WAIT_DEFAULT_TIMEOUT) ?? 30_000;
  const deadline = ctx.sim.now() + timeout;
  for (const { info, obj } of list) {
    const current = () => {
      const cur = ctx.sim.store.get(info.kind, obj.metadata.namespace, obj.metadata.name);
      return cur && cur.metadata.uid === obj.metadata.uid ? cur : deletion ? undefined : cur;
    };
    const ok = yield { until: () => cond(current()), timeoutAt: deadline };
    if (!ok) {
      ctx.io.err(
        `error: timed out waiting for the condition on ${qualified(info)}/${obj.metadata.name}\n`,
      );
      return 1;
    }
    ctx.io.out(`${kindPrefix(info)}/${obj.metadata.name} condition met\n`);
  }
  return 0;
}

export const waitCommand: KubectlCommand = {
  name: 'wait',
  short: 'Experimental: Wait for a specific condition on one or many resources',
  usage:
    "kubectl wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]] [options]",
  flags: {
    ...OUTPUT_FLAGS,
    ...FILENAME_FLAGS,
    ...SELECTOR_FLAGS,
    for: { type: 'string' },
    timeout: { type: 'string' },
    all: { type: 'bool' },
    'all-namespaces': { type: 'bool', short: 'A' },
    'field-selector': { type: 'string' },
  },
  run: wait,
};

/** Replaces live objects with the given ones (edit from stdin, replace -f). */
function replaceWith(ctx: Ctx, objs: KInput[], verb: string): number {
  const dry = dryRunOf(ctx.flags.str('dry-run'));
  for (const o of objs) {
    const info = resourceForKindName(o.kind ?? '');
    if (!info)
      throw new CommandError(`no matches for kind "${o.kind}" in version "${o.apiVersion}"`);
    const ns = info.namespaced ? o.metadata?.namespace || namespaceOf(ctx) : undefined;
    const live = ctx.sim.store.mustGet(info.kind, ns, o.metadata?.name ?? '');
    const next = { ...o, metadata: { ...o.metadata, namespace: ns } } as KObject;
    const changed = writeBack(ctx, live, next, dry);
    if (!changed && verb === 'edited') {
      ctx.io.out('Edit cancelled, no changes made.\n');
      continue;
    }
    printResult(ctx, changed ?? live, verb, dry);
  }
  return 0;
}

function edit(ctx: Ctx): number {
  if (!ctx.stdin) {
    throw new CommandError(
      'kubectl edit needs an interactive editor, which Kubeplay does not have. Pipe the edited object into it (kubectl edit deploy/web < web.yaml), or use kubectl apply -f, kubectl patch, kubectl set image or kubectl scale.',
    );
  }
  const parsed = parseManifestText(ctx.stdin, 'STDIN');
  if (parsed.error) throw parsed.error;
  targets(ctx);
  return replaceWith(
    ctx,
    parsed.objects.map(({ source: _s, ...o }) => o),
    'edited',
  );
}

export const editCommand: KubectlCommand = {
  name: 'edit',
  short: 'Edit a resource on the server',
  usage: 'kubectl edit (RESOURCE/NAME | -f FILENAME) [options]',
  flags: {
    ...OUTPUT_FLAGS,
    ...FILENAME_FLAGS,
    ...DRY_RUN_FLAGS,
    'output-patch': { type: 'bool' },
    'windows-line-endings': { type: 'bool' },
    'save-config': { type: 'bool' },
    record: { type: 'bool' },
    subresource: { type: 'string' },
  },
  run: edit,
};

function replace(ctx: Ctx): number {
  const { objects, error } = readManifests(ctx, ctx.flags.strs('filename'));
  if (error) throw error;
  if (ctx.flags.bool('force')) {
    for (const { source: _s, ...o } of objects) {
      const info = resourceForKindName(o.kind ?? '');
      if (!info) continue;
      const ns = info.namespaced ? o.metadata?.namespace || namespaceOf(ctx) : undefined;
      if (ctx.sim.store.get(info.kind, ns, o.metadata?.name ?? '')) {
        ctx.sim.store.delete(info.kind, ns, o.metadata!.name!, { gracePeriodSeconds: 0 });
        ctx.io.out(
          `${kindPrefix(info)} "${o.metadata!.name}" deleted${ns ? ` from ${ns} namespace` : ''}\n`,
        );
      }
      createAndPrint(ctx, o, 'none');
    }
    return 0;
  }
  return replaceWith(
    ctx,
    objects.map(({ source: _s, ...o }) => o),
    'replaced',
  );
}

export const replaceCommand: KubectlCommand = {
  name: 'replace',
  short: 'Replace a resource by file name or stdin',
  usage: 'kubectl replace -f FILENAME [options]',
  flags: {
    ...OUTPUT_FLAGS,
    ...FILENAME_FLAGS,
    ...DRY_RUN_FLAGS,
    force: { type: 'bool' },
    'grace-period': { type: 'int', default: -1 },
    cascade: { type: 'string' },
    wait: { type: 'bool' },
    'save-config': { type: 'bool' },
    validate: { type: 'string' },
  },
  run: replace,
};
