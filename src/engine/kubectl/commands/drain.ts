/**
 * `kubectl drain` (k8s.io/kubectl/pkg/cmd/drain, pkg/drain): cordons every node, then evicts
 * through the Eviction API and retries PDB refusals every 5 s as kubectl does.
 */
import type { CommandRun } from '../../command';
import type { KObject } from '../../api/types';
import { ApiError } from '../../api/errors';
import { parseDuration } from '../../clock';
import { evictPod } from '../../controllers/eviction';
import { DRY_RUN_FLAGS, SELECTOR_FLAGS } from '../commonflags';
import type { Ctx, KubectlCommand } from '../context';
import { cordon, nodes } from './node';

/** kubectl sleeps 5 s after a 429 before evicting again (pkg/drain/drain.go evictPods). */
export const EVICT_RETRY_MS = 5000;
const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

// pkg/drain/filters.go
const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
const UNMANAGED_FATAL = 'Pods that declare no controller (use --force to override)';
const UNMANAGED_WARNING = 'deleting Pods that declare no controller';

interface Filtered {
  pods: KObject[];
  fatal: Map<string, string[]>;
  warn: Map<string, string[]>;
}

type Status = { del: boolean; reason: 'okay' | 'skip' | 'warning' | 'error'; msg?: string };
const OKAY: Status = { del: true, reason: 'okay' };

/**
 * `GetPodsForDeletion`: pkg/drain filterPods runs makeFilters() in order (daemonSet, mirrorPod,
 * localStorage, unreplicated) until one refuses; a pod keeps the status of the last filter run,
 * so a warning from an earlier filter is dropped when a later one says Okay, as in kubectl.
 */
function podsForDeletion(ctx: Ctx, node: string): Filtered {
  const f = ctx.flags;
  const out: Filtered = { pods: [], fatal: new Map(), warn: new Map() };
  const add = (m: Map<string, string[]>, k: string, p: KObject) =>
    m.set(k, [...(m.get(k) ?? []), `${p.metadata.namespace}/${p.metadata.name}`]);
  const warn = (del: boolean, msg: string): Status => ({ del, reason: 'warning', msg });
  const fail = (msg: string): Status => ({ del: false, reason: 'error', msg });
  const filters: ((p: KObject, terminal: boolean, owner?: { kind: string }) => Status)[] = [
    (_p, terminal, owner) => {
      if (owner?.kind !== 'DaemonSet' || terminal) return OKAY;
      return f.bool('ignore-daemonsets') ? warn(false, DAEMONSET_WARNING) : fail(DAEMONSET_FATAL);
    },
    (p) => (p.metadata.annotations?.[MIRROR_ANNOTATION] ? { del: false, reason: 'skip' } : OKAY),
    (p, terminal) => {
      if (!(p.spec?.volumes ?? []).some((v: { emptyDir?: object }) => v.emptyDir) || terminal)
        return OKAY;
      return f.bool('delete-emptydir-data') || f.bool('delete-local-data')
        ? warn(true, LOCAL_STORAGE_WARNING)
        : fail(LOCAL_STORAGE_FATAL);
    },
    (_p, terminal, owner) => {
      if (terminal || owner) return OKAY;
      return f.bool('force') ? warn(true, UNMANAGED_WARNING) : fail(UNMANAGED_FATAL);
    },
  ];
  for (const p of ctx.sim.store.list('Pod', { fieldSelector: `spec.nodeName=${node}` })) {
    const terminal = p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
    const owner = (p.metadata.ownerReferences ?? []).find((r) => r.controller);
    let status = OKAY;
    for (const filter of filters) {
      status = filter(p, terminal, owner);
      if (!status.del) break;
    }
    if (status.reason === 'error') add(out.fatal, status.msg!, p);
    if (status.reason === 'warning') add(out.warn, status.msg!, p);
    if (status.del) out.pods.push(p);
  }
  return out;
}

/** utilerrors.NewAggregate(errs).Error(): one message alone, several as `[a, b]`. */
function aggregate(msgs: string[]): string {
  return msgs.length === 1 ? msgs[0] : `[${msgs.join(', ')}]`;
}

function* drainNode(
  ctx: Ctx,
  node: KObject,
): Generator<import('../../command').Wait, string[] | undefined, boolean> {
  const name = node.metadata.name;
  const list = podsForDeletion(ctx, name);
  // The real order of several messages follows a Go map; ours is filter order.
  if (list.fatal.size)
    return [...list.fatal].map(([k, v]) => `cannot delete ${k}: ${v.join(', ')}`);
  if (list.warn.size)
    ctx.io.err(`Warning: ${[...list.warn].map(([k, v]) => `${k}: ${v.join(', ')}`).join('; ')}\n`);
  const grace = ctx.flags.int('grace-period', -1);
  const store = ctx.sim.store;
  const pending = new Map<string, { pod: KObject; retryAt: number }>();
  const evicted = new Map<string, KObject>();
  const t = ctx.flags.str('timeout');
  const timeoutMs = t && t !== '0s' && t !== '0' ? parseDuration(t) : undefined;
  const deadline = timeoutMs ? ctx.sim.now() + timeoutMs : Infinity;
  for (const p of list.pods) pending.set(p.metadata.uid, { pod: p, retryAt: ctx.sim.now() });
  const tryEvict = () => {
    for (const [uid, e] of [...pending]) {
      if (e.retryAt > ctx.sim.now()) continue;
      const p = e.pod;
      ctx.io.out(`evicting pod ${p.metadata.namespace}/${p.metadata.name}\n`);
      try {
        evictPod(ctx.sim, p.metadata.namespace!, p.metadata.name, {
          gracePeriodSeconds: grace >= 0 ? grace : undefined,
        });
        pending.delete(uid);
        evicted.set(uid, p);
      } catch (err) {
        if (err instanceof ApiError && err.reason === 'NotFound') {
          pending.delete(uid);
          evicted.set(uid, p);
        } else if (err instanceof ApiError && err.reason === 'TooManyRequests') {
          ctx.io.err(
            `error when evicting pods/"${p.metadata.name}" -n "${p.metadata.namespace}" (will retry after 5s): ${err.message}\n`,
          );
          e.retryAt = ctx.sim.now() + EVICT_RETRY_MS;
        } else throw err;
      }
    }
  };
  const reportGone = () => {
    for (const [uid, p] of [...evicted]) {
      if (store.get('Pod', p.metadata.namespace, p.metadata.name)?.metadata.uid !== uid) {
        ctx.io.out(`pod/${p.metadata.name} evicted\n`);
        evicted.delete(uid);
      }
    }
    return pending.size === 0 && evicted.size === 0;
  };
  tryEvict();
  while (!reportGone()) {
    const nextRetry = Math.min(...[...pending.values()].map((e) => e.retryAt), deadline);
    yield { until: reportGone, timeoutAt: nextRetry };
    if (pending.size === 0 && evicted.size === 0) break;
    if (ctx.sim.now() >= deadline) {
      // drain.go deleteOrEvictPodsSimple lists the pods still to go before returning the error.
      const msg = `drain did not complete within ${t}`;
      const left = podsForDeletion(ctx, name).pods;
      if (left.length)
        ctx.io.err(
          `There are pending pods in node "${name}" when an error occurred: ${msg}\n` +
            left.map((p) => `pod/${p.metadata.name}\n`).join(''),
        );
      return [msg];
    }
    tryEvict();
  }
  return undefined;
}

/**
 * cmdutil.CheckErr of RunDrain's NewAggregate(fatal): a single plain error prints `error: msg`;
 * an aggregate prints each of its errors on a line of its own, without the `error: ` prefix.
 */
function finalError(fatal: string[][]): string {
  const errs = fatal.length === 1 ? fatal[0] : fatal.map(aggregate);
  return errs.length === 1 ? `error: ${errs[0]}\n` : errs.map((e) => `${e}\n`).join('');
}

function* drain(ctx: Ctx): CommandRun {
  const failed: string[] = [];
  const fatal: string[][] = [];
  for (const n of nodes(ctx)) cordon(ctx, n, true);
  for (const n of nodes(ctx)) {
    const errs = yield* drainNode(ctx, n);
    if (errs) {
      ctx.io.err(
        `error: unable to drain node "${n.metadata.name}" due to error: ${aggregate(errs)}, continuing command...\n`,
      );
      failed.push(n.metadata.name);
      fatal.push(errs);
    } else ctx.io.out(`node/${n.metadata.name} drained\n`);
  }
  if (failed.length) {
    ctx.io.err(`There are pending nodes to be drained:\n${failed.map((f) => ` ${f}\n`).join('')}`);
    ctx.io.err(finalError(fatal));
    return 1;
  }
  return 0;
}

export const drainCommand: KubectlCommand = {
  name: 'drain',
  short: 'Drain node in preparation for maintenance',
  usage: 'kubectl drain NODE [options]',
  flags: {
    ...SELECTOR_FLAGS,
    ...DRY_RUN_FLAGS,
    force: { type: 'bool' },
    'ignore-daemonsets': { type: 'bool' },
    'delete-emptydir-data': { type: 'bool' },
    'delete-local-data': { type: 'bool' },
    'grace-period': { type: 'int', default: -1 },
    timeout: { type: 'string' },
    'disable-eviction': { type: 'bool' },
    'skip-wait-for-delete-timeout': { type: 'int' },
    'pod-selector': { type: 'string' },
    'chunk-size': { type: 'int' },
  },
  run: drain,
};
