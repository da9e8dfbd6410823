/** logs, exec, top: commands that reach into pods (kubelet/exec.ts, kubelet/metrics.ts). */
import type { CommandRun } from '../../command';
import type { KObject } from '../../api/types';
import { parseDuration } from '../../clock';
import { ApiError } from '../../api/errors';
import { containerLogs, execInContainer } from '../../kubelet/exec';
import { nodeUsage, podUsage } from '../../kubelet/metrics';
import { labelSelectorMatches } from '../../api/selectors';
import { formatBytes } from '../../cluster/quantity';
import { CommandError, namespaceOf, type Ctx, type KubectlCommand } from '../context';
import { renderTable } from '../printers/table';
import { findResource } from '../resources';
import { SELECTOR_FLAGS } from '../commonflags';

/** `deploy/web`, `pod/x`, `x`: the pod a logs/exec/port-forward argument names (polymorphichelpers AttachablePodForObject). */
export function podFor(ctx: Ctx, arg: string): KObject {
  const ns = namespaceOf(ctx);
  const store = ctx.sim.store;
  const slash = arg.indexOf('/');
  if (slash < 0) return store.mustGet('Pod', ns, arg);
  const info = findResource(arg.slice(0, slash));
  if (!info)
    throw new CommandError(`the server doesn't have a resource type "${arg.slice(0, slash)}"`);
  const obj = store.mustGet(info.kind, ns, arg.slice(slash + 1));
  if (obj.kind === 'Pod') return obj;
  const selector =
    obj.kind === 'Service' ? { matchLabels: obj.spec?.selector } : obj.spec?.selector;
  const pods = store
    .list('Pod', { namespace: ns })
    .filter((p) => labelSelectorMatches(selector, p.metadata.labels));
  // The first pod by `podutils.ByLogging`: running and ready first, then older.
  pods.sort(
    (a, b) =>
      rank(b) - rank(a) || (a.metadata.creationTimestamp < b.metadata.creationTimestamp ? -1 : 1),
  );
  if (!pods.length)
    throw new CommandError(`no pods found for ${obj.kind.toLowerCase()} "${obj.metadata.name}"`);
  return pods[0];
}

function rank(p: KObject): number {
  const ready = (p.status?.conditions ?? []).some(
    (c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True',
  );
  return (p.status?.phase === 'Running' ? 2 : 0) + (ready ? 1 : 0);
}

function containerOf(ctx: Ctx, pod: KObject, verb: string): string {
  const names = (pod.spec?.containers ?? []).map((c: { name: string }) => c.name);
  const c = ctx.flags.str('container');
  if (c) {
    const all = [
      ...names,
      ...(pod.spec?.initContainers ?? []).map((x: { name: string }) => x.name),
    ];
    if (!all.includes(c))
      throw new CommandError(`container ${c} is not valid for pod ${pod.metadata.name}`);
    return c;
  }
  if (names.length > 1 && verb === 'logs' && !ctx.flags.bool('all-containers')) {
    const dflt = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
    if (dflt) return dflt;
    throw new CommandError(
      `a container name must be specified for pod ${pod.metadata.name}, choose one of: [${names.join(' ')}]`,
    );
  }
  if (names.length > 1 && verb === 'exec')
    ctx.io.err(`Defaulted container "${names[0]}" out of: ${names.join(', ')}\n`);
  return names[0];
}

function* logs(ctx: Ctx): CommandRun {
  const arg = ctx.args[0];
  if (!arg)
    throw new CommandError(
      `expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples`,
    );
  const pod = podFor(ctx, arg);
  const container = ctx.args[1] ?? containerOf(ctx, pod, 'logs');
  const tail = ctx.flags.int('tail', -1);
  const since = ctx.flags.str('since') ? parseDuration(ctx.flags.str('since')) : undefined;
  const opts = {
    previous: ctx.flags.bool('previous'),
    tail: tail >= 0 ? tail : undefined,
    timestamps: ctx.flags.bool('timestamps'),
    sinceSeconds: since ? since / 1000 : undefined,
  };
  const lines = containerLogs(ctx.sim, pod, container, opts);
  // Both come from the API server's pods/log handler (kubelet GetContainerLogs) as BadRequest.
  if (lines === undefined) {
    if (opts.previous)
      throw new ApiError(
        'BadRequest',
        `previous terminated container "${container}" in pod "${pod.metadata.name}" not found`,
      );
    const waiting =
      (pod.status?.containerStatuses ?? []).find((c: { name: string }) => c.name === container)
        ?.state?.waiting?.reason ?? 'ContainerCreating';
    // kubelet kuberuntime validateContainerLogStatus: the two image-pull reasons get prose.
    const why =
      waiting === 'ErrImagePull'
        ? "image can't be pulled"
        : waiting === 'ImagePullBackOff'
          ? 'trying and failing to pull image'
          : waiting;
    throw new ApiError(
      'BadRequest',
      `container "${container}" in pod "${pod.metadata.name}" is waiting to start: ${why}`,
    );
  }
  const prefix = ctx.flags.bool('prefix') ? `[pod/${pod.metadata.name}/${container}] ` : '';
  for (const l of lines) ctx.io.out(prefix + l + '\n');
  if (!ctx.flags.bool('follow')) return 0;
  let seen = lines.length;
  const uid = pod.metadata.uid;
  const followedId = (pod.status?.containerStatuses ?? []).find(
    (c: { name: string }) => c.name === container,
  )?.containerID as string | undefined;
  const follow = () => {
    const cur = ctx.sim.store.get('Pod', pod.metadata.namespace, pod.metadata.name);
    if (!cur || cur.metadata.uid !== uid) return true;
    const all = containerLogs(ctx.sim, cur, container, { timestamps: opts.timestamps }) ?? [];
    if (all.length < seen) seen = 0;
    for (const l of all.slice(seen)) ctx.io.out(prefix + l + '\n');
    seen = all.length;
    const cs = (cur.status?.containerStatuses ?? []).find(
      (c: { name: string }) => c.name === container,
    );
    // The stream is of one container instance: it ends when that instance exits.
    return !cs?.state?.running || (followedId !== undefined && cs.containerID !== followedId);
  };
  yield { until: follow, timeoutAt: Infinity, untilIdle: true };
  return 0;
}

export const logsCommand: KubectlCommand = {
  name: 'logs',
  short: 'Print the logs for a container in a pod',
  usage: 'kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]',
  flags: {
    ...SELECTOR_FLAGS,
    follow: { type: 'bool', short: 'f' },
    previous: { type: 'bool', short: 'p' },
    tail: { type: 'int', default: -1 },
    container: { type: 'string', short: 'c' },
    timestamps: { type: 'bool' },
    since: { type: 'string' },
    'all-containers': { type: 'bool' },
    prefix: { type: 'bool' },
    'max-log-requests': { type: 'int' },
  },
  run: logs,
};

function exec(ctx: Ctx): number {
  const arg = ctx.args[0];
  if (!arg) throw new CommandError(`pod, type/name or --filename must be specified`);
  if (!ctx.dash?.length) {
    if (ctx.args.length > 1)
      throw new CommandError(
        `exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead`,
      );
    throw new CommandError(`you must specify at least one command for the container`);
  }
  if (
    ctx.flags.bool('tty') &&
    ctx.flags.bool('stdin') &&
    ['sh', 'bash', '/bin/sh', '/bin/bash', 'ash'].includes(ctx.dash[0]) &&
    ctx.dash.length === 1
  ) {
    throw new CommandError(
      'interactive shells (kubectl exec -it ... -- sh) are not supported in Kubeplay; run single commands instead, e.g. kubectl exec POD -- ls /',
    );
  }
  const pod = podFor(ctx, arg);
  const container = containerOf(ctx, pod, 'exec');
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed')
    throw new CommandError(
      `cannot exec into a container in a completed pod; current phase is ${pod.status.phase}`,
    );
  const r = execInContainer(ctx.sim, pod, container, ctx.dash);
  if (r.stdout) ctx.io.out(r.stdout);
  if (r.stderr) ctx.io.err(r.stderr);
  if (r.exitCode !== 0 && r.exitCode !== 1)
    ctx.io.err(`command terminated with exit code ${r.exitCode}\n`);
  else if (r.exitCode === 1 && !r.stderr.includes('not supported'))
    ctx.io.err(`command terminated with exit code 1\n`);
  return r.exitCode;
}

export const execCommand: KubectlCommand = {
  name: 'exec',
  short: 'Execute a command in a container',
  usage: 'kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]',
  flags: {
    container: { type: 'string', short: 'c' },
    stdin: { type: 'bool', short: 'i' },
    tty: { type: 'bool', short: 't' },
    quiet: { type: 'bool', short: 'q' },
    filename: { type: 'strings', short: 'f' },
    'pod-running-timeout': { type: 'string' },
  },
  run: exec,
};

const mi = (b: number) => `${Math.round(b / 2 ** 20)}Mi`;

function top(ctx: Ctx): number {
  const what = ctx.args[0];
  const store = ctx.sim.store;
  if (what === 'pod' || what === 'pods' || what === 'po') {
    const allNs = ctx.flags.bool('all-namespaces');
    let pods = store.list('Pod', {
      namespace: allNs ? undefined : namespaceOf(ctx),
      labelSelector: ctx.flags.str('selector') || undefined,
    });
    if (ctx.args[1]) pods = pods.filter((p) => p.metadata.name === ctx.args[1]);
    const rows: string[][] = [];
    for (const p of pods) {
      if (p.status?.phase !== 'Running') continue;
      const u = podUsage(ctx.sim, p);
      if (!u) throw new CommandError('Metrics API not available');
      rows.push([
        ...(allNs ? [p.metadata.namespace!] : []),
        p.metadata.name,
        `${Math.round(u.total.cpu)}m`,
        mi(u.total.memory),
      ]);
    }
    if (rows.length === 0) {
      if (ctx.args[1]) throw new CommandError(`pods "${ctx.args[1]}" not found`);
      ctx.io.err(
        allNs ? 'No resources found\n' : `No resources found in ${namespaceOf(ctx)} namespace.\n`,
      );
      return 0;
    }
    ctx.io.out(
      renderTable([
        [...(allNs ? ['NAMESPACE'] : []), 'NAME', 'CPU(cores)', 'MEMORY(bytes)'],
        ...rows,
      ]),
    );
    return 0;
  }
  if (what === 'node' || what === 'nodes' || what === 'no') {
    const rows: string[][] = [];
    const missing: string[][] = [];
    for (const n of store.list('Node')) {
      if (ctx.args[1] && n.metadata.name !== ctx.args[1]) continue;
      // metrics-server reads the node's root cgroup (system daemons included); a node whose
      // kubelet is down has no metrics: kubectl prints `<unknown>` (metricsutil printMissingMetricsNodes).
      const u = nodeUsage(ctx.sim, n.metadata.name);
      if (!u) {
        missing.push([n.metadata.name, ...Array<string>(4).fill('<unknown>')]);
        continue;
      }
      const cpu = u.cpu;
      const mem = u.memory;
      const allocCpu =
        Number(String(n.status?.allocatable?.cpu ?? '1').replace(/m$/, '')) *
        (String(n.status?.allocatable?.cpu).endsWith('m') ? 1 : 1000);
      const allocMem =
        Number(String(n.status?.allocatable?.memory ?? '0').replace(/Ki$/, '')) * 1024;
      rows.push([
        n.metadata.name,
        `${Math.round(cpu)}m`,
        `${Math.floor((cpu / allocCpu) * 100)}%`,
        mi(mem),
        `${Math.floor((mem / (allocMem || 1)) * 100)}%`,
      ]);
    }
    if (
      rows.length &&
      store
        .list('Pod')
        .every((p) => p.status?.phase !== 'Running' || podUsage(ctx.sim, p) === undefined) &&
      store.list('Pod').some((p) => p.status?.phase === 'Running')
    ) {
      throw new CommandError('Metrics API not available');
    }
    ctx.io.out(
      renderTable([
        ['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)'],
        ...rows,
        ...missing,
      ]),
    );
    return 0;
  }
  throw new CommandError(`kubectl top ${what ?? ''} is not supported (use: top pod, top node)`);
}

export const topCommand: KubectlCommand = {
  name: 'top',
  short: 'Display resource (CPU/memory) usage',
  usage: 'kubectl top [flags] [options]',
  flags: {
    ...SELECTOR_FLAGS,
    'all-namespaces': { type: 'bool', short: 'A' },
    containers: { type: 'bool' },
    'sort-by': { type: 'string' },
    'no-headers': { type: 'bool' },
  },
  run: top,
};

export { formatBytes };
