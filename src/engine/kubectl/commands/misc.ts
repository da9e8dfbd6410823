/** expose, autoscale, wait, edit, replace (k8s.io/kubectl/pkg/cmd/{expose,autoscale,wait,edit,replace}). */
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

function selectorOf(o: KObject): Record<string, string> | undefined {
  if (o.kind === 'Pod') return o.metadata.labels;
  if (o.kind === 'Service' || o.kind === 'ReplicationController') return o.spec?.selector;
  return o.spec?.selector?.matchLabels;
}

function expose(ctx: Ctx): number {
  const f = ctx.flags;
  const [{ obj }] = targets(ctx);
  const selector = f.str('selector')
    ? Object.fromEntries(
        f
          .str('selector')
          .split(',')
          .map((kv) => kv.split('=')),
      )
    : selectorOf(obj);
  if (!selector || !Object.keys(selector).length)
    throw new CommandError(
      `couldn't retrieve selectors via --selector flag or introspection: the ${obj.kind} has no selector`,
    );
  let port = f.str('port');
  if (!port) {
    const tpl = obj.kind === 'Pod' ? obj.spec : obj.spec?.template?.spec;
    const p = tpl?.containers?.flatMap(
      (c: { ports?: { containerPort: number }[] }) => c.ports ?? [],
    )[0];
    if (p) port = String(p.containerPort);
    else if (obj.kind === 'Service') port = String(obj.spec?.ports?.[0]?.port ?? '');
  }
  if (!port)
    throw new CommandError(
      `couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples`,
    );
  const target = f.str('target-port');
  const svc: KInput = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      creationTimestamp: null,
      ...(obj.metadata.labels ? { labels: obj.metadata.labels } : {}),
      name: f.str('name') || obj.metadata.name,
    },
    spec: {
      ports: [
        {
          port: Number(port),
          protocol: f.str('protocol') || 'TCP',
          targetPort: target ? (/^\d+$/.test(target) ? Number(target) : target) : Number(port),
        },
      ],
      selector,
      ...(f.str('type') ? { type: f.str('type') } : {}),
    },
    status: { loadBalancer: {} },
  } as unknown as KInput;
  const dry = dryRunOf(f.str('dry-run'));
  const saved = ctx.flags;
  createAndPrintAs(ctx, svc, dry, 'exposed');
  void saved;
  return 0;
}

function createAndPrintAs(
  ctx: Ctx,
  obj: KInput,
  dry: ReturnType<typeof dryRunOf>,
  verb: string,
): void {
  const o = JSON.parse(
    JSON.stringify(obj, (k, v) => (k === 'creationTimestamp' && v === null ? undefined : v)),
  ) as KInput;
  delete o.status;
  o.metadata = { ...o.metadata, namespace: namespaceOf(ctx) };
  if (dry === 'client') {
    printResult(ctx, obj, verb, dry);
    return;
  }
  printResult(ctx, ctx.sim.store.create(o, { dryRun: dry === 'server' }), verb, dry);
}

export const exposeCommand: KubectlCommand = {
  name: 'expose',
  short:
    'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  usage:
    'kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type] [options]',
  flags: {
    ...OUTPUT_FLAGS,
    ...FILENAME_FLAGS,
    ...DRY_RUN_FLAGS,
    port: { type: 'string' },
    'target-port': { type: 'string' },
    type: { type: 'string' },
    name: { type: 'string' },
    protocol: { type: 'string' },
    selector: { type: 'string' },
    labels: { type: 'string', short: 'l' },
    'external-ip': { type: 'string' },
    'cluster-ip': { type: 'string' },
    'session-affinity': { type: 'string' },
    record: { type: 'bool' },
  },
  run: expose,
};

function autoscale(ctx: Ctx): number {
  const f = ctx.flags;
  const max = f.int('max', -1);
  if (max < 1)
    throw new CommandError(`--max=MAXPODS is required and must be at least 1, max: ${max}`);
  const min = f.int('min', -1);
  if (min > max)
    throw new CommandError(
      `--max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`,
    );
  const [{ info, obj }] = targets(ctx);
  if (!['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController'].includes(obj.kind))
    throw new CommandError(`cannot autoscale a ${obj.kind}`);
  const cpu = f.int('cpu-percent', -1);
  const hpa: KInput = {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { creationTimestamp: null, name: f.str('name') || obj.metadata.name },
    spec: {
      maxReplicas: max,
      ...(cpu >= 0
        ? {
            metrics: [
              {
                resource: { name: 'cpu', target: { averageUtilization: cpu, type: 'Utilization' } },
                type: 'Resource',
              },
            ],
          }
        : {}),
      ...(min >= 0 ? { minReplicas: min } : {}),
      scaleTargetRef: { apiVersion: info.apiVersion, kind: obj.kind, name: obj.metadata.name },
    },
    status: { currentMetrics: null, desiredReplicas: 0 },
  } as unknown as KInput;
  createAndPrintAs(ctx, hpa, dryRunOf(f.str('dry-run')), 'autoscaled');
  return 0;
}

export const autoscaleCommand: KubectlCommand = {
  name: 'autoscale',
  short: 'Auto-scale a deployment, replica set, stateful set, or replication controller',
  usage:
    'kubectl autoscale (-f FILENAME | TYPE NAME | TYPE/NAME) [--min=MINPODS] --max=MAXPODS [--cpu-percent=CPU] [options]',
  flags: {
    ...OUTPUT_FLAGS,
    ...FILENAME_FLAGS,
    ...DRY_RUN_FLAGS,
    min: { type: 'int', default: -1 },
    max: { type: 'int', default: -1 },
    'cpu-percent': { type: 'int', default: -1 },
    name: { type: 'string' },
    record: { type: 'bool' },
  },
  run: autoscale,
};

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
        ctx.io.out(`${kindPrefix(info)} "${o.metadata!.name}" deleted\n`);
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
