/** expose and autoscale: typed objects generated from a workload (k8s.io/kubectl/pkg/cmd/{expose,autoscale}). */
import type { KInput, KObject } from '../../api/types';
import { DRY_RUN_FLAGS, FILENAME_FLAGS, OUTPUT_FLAGS, dryRunOf } from '../commonflags';
import { CommandError, NO_RESOURCES, namespaceOf, type Ctx, type KubectlCommand } from '../context';
import { printResult } from '../writes';
import { targets } from './mutate';

function selectorOf(o: KObject): Record<string, string> | undefined {
  if (o.kind === 'Pod') return o.metadata.labels;
  if (o.kind === 'Service' || o.kind === 'ReplicationController') return o.spec?.selector;
  return o.spec?.selector?.matchLabels;
}

function expose(ctx: Ctx): number {
  const f = ctx.flags;
  if (ctx.args.length === 0 && f.strs('filename').length === 0)
    throw new CommandError(NO_RESOURCES);
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
    printResult(ctx, obj, verb, dry, true);
    return;
  }
  printResult(ctx, ctx.sim.store.create(o, { dryRun: dry === 'server' }), verb, dry, true);
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
