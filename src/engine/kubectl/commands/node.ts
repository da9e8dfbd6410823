/**
 * cordon, uncordon, drain and taint (k8s.io/kubectl/pkg/cmd/drain, pkg/drain, pkg/cmd/taint).
 * Drain evicts through the Eviction API and retries PDB refusals every 5 s as kubectl does.
 */
import type { CommandRun } from '../../command';
import type { KObject } from '../../api/types';
import { ApiError } from '../../api/errors';
import { parseDuration } from '../../clock';
import { evictPod } from '../../controllers/eviction';
import { DRY_RUN_FLAGS, OUTPUT_FLAGS, SELECTOR_FLAGS, dryRunOf } from '../commonflags';
import { CommandError, type Ctx, type KubectlCommand } from '../context';
import { targets, writeBack } from './mutate';

/** kubectl sleeps 5 s after a 429 before evicting again (pkg/drain/drain.go evictPods). */
export const EVICT_RETRY_MS = 5000;
const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

// pkg/drain/filters.go
const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
const UNMANAGED_FATAL = 'Pods declare no controller (use --force to override)';
const UNMANAGED_WARNING = 'deleting Pods that declare no controller';

function nodes(ctx: Ctx): KObject[] {
  if (ctx.args.length === 0 && !ctx.flags.str('selector'))
    throw new CommandError(
      "USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples",
    );
  const args = ctx.args.length ? ['nodes', ...ctx.args] : ['nodes'];
  return targets(ctx, args).map((t) => t.obj);
}

/** Sets spec.unschedulable; prints `node/n cordoned` or `node/n already cordoned`. */
function cordon(ctx: Ctx, node: KObject, on: boolean): void {
  const verb = on ? 'cordoned' : 'uncordoned';
  if (!!node.spec?.unschedulable === on) {
    ctx.io.out(`node/${node.metadata.name} already ${verb}\n`);
    return;
  }
  const next = JSON.parse(JSON.stringify(node)) as KObject;
  if (on) next.spec = { ...next.spec, unschedulable: true };
  else delete next.spec.unschedulable;
  const dry = dryRunOf(ctx.flags.str('dry-run'));
  writeBack(ctx, node, next, dry);
  ctx.io.out(
    `node/${node.metadata.name} ${verb}${dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : ''}\n`,
  );
}

function cordonCmd(ctx: Ctx, on: boolean): number {
  for (const n of nodes(ctx)) cordon(ctx, n, on);
  return 0;
}

export const cordonCommand: KubectlCommand = {
  name: 'cordon',
  short: 'Mark node as unschedulable',
  usage: 'kubectl cordon NODE [options]',
  flags: { ...SELECTOR_FLAGS, ...DRY_RUN_FLAGS },
  run: (ctx) => cordonCmd(ctx, true),
};

export const uncordonCommand: KubectlCommand = {
  name: 'uncordon',
  short: 'Mark node as schedulable',
  usage: 'kubectl uncordon NODE [options]',
  flags: { ...SELECTOR_FLAGS, ...DRY_RUN_FLAGS },
  run: (ctx) => cordonCmd(ctx, false),
};

interface Filtered {
  pods: KObject[];
  fatal: Map<string, string[]>;
  warn: Map<string, string[]>;
}

/** `GetPodsForDeletion`: which pods drain evicts, refuses or warns about. */
function podsForDeletion(ctx: Ctx, node: string): Filtered {
  const f = ctx.flags;
  const out: Filtered = { pods: [], fatal: new Map(), warn: new Map() };
  const add = (m: Map<string, string[]>, k: string, p: KObject) =>
    m.set(k, [...(m.get(k) ?? []), `${p.metadata.namespace}/${p.metadata.name}`]);
  for (const p of ctx.sim.store.list('Pod', { fieldSelector: `spec.nodeName=${node}` })) {
    if (p.metadata.annotations?.[MIRROR_ANNOTATION]) continue;
    const terminal = p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
    const owner = (p.metadata.ownerReferences ?? []).find((r) => r.controller);
    if (!terminal && owner?.kind === 'DaemonSet') {
      if (f.bool('ignore-daemonsets')) add(out.warn, DAEMONSET_WARNING, p);
      else add(out.fatal, DAEMONSET_FATAL, p);
      continue;
    }
    if (!terminal && !owner) {
      if (f.bool('force')) add(out.warn, UNMANAGED_WARNING, p);
      else {
        add(out.fatal, UNMANAGED_FATAL, p);
        continue;
      }
    }
    if (!terminal && (p.spec?.volumes ?? []).some((v: { emptyDir?: object }) => v.emptyDir)) {
      if (f.bool('delete-emptydir-data') || f.bool('delete-local-data'))
        add(out.warn, LOCAL_STORAGE_WARNING, p);
      else {
        add(out.fatal, LOCAL_STORAGE_FATAL, p);
        continue;
      }
    }
    out.pods.push(p);
  }
  return out;
}

function* drainNode(
  ctx: Ctx,
  node: KObject,
): Generator<import('../../command').Wait, string | undefined, boolean> {
  const name = node.metadata.name;
  const list = podsForDeletion(ctx, name);
  if (list.fatal.size)
    return [...list.fatal].map(([k, v]) => `cannot delete ${k}: ${v.join(', ')}`).join(', ');
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
    if (ctx.sim.now() >= deadline) return `drain did not complete within ${t}`;
    tryEvict();
  }
  return undefined;
}

function* drain(ctx: Ctx): CommandRun {
  const failed: string[] = [];
  let lastErr = '';
  for (const n of nodes(ctx)) {
    cordon(ctx, n, true);
    const err = yield* drainNode(ctx, n);
    if (err) {
      ctx.io.err(
        `error: unable to drain node "${n.metadata.name}" due to error: ${err}, continuing command...\n`,
      );
      failed.push(n.metadata.name);
      lastErr = err;
    } else ctx.io.out(`node/${n.metadata.name} drained\n`);
  }
  if (failed.length) {
    ctx.io.err(`There are pending nodes to be drained:\n${failed.map((f) => ` ${f}\n`).join('')}`);
    ctx.io.err(`error: ${lastErr}\n`);
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

interface Taint {
  key: string;
  value?: string;
  effect: string;
}

/** `kubectl taint nodes NAME key=value:Effect` / `key:Effect-` / `key-`. */
function taint(ctx: Ctx): number {
  const [type, ...rest] = ctx.args;
  if (!type) throw new CommandError('at least one taint update is required');
  const specs = rest.filter((a) => a.includes(':') || a.includes('=') || a.endsWith('-'));
  const names = rest.filter((a) => !specs.includes(a));
  const adds: Taint[] = [];
  const removes: { key: string; effect?: string }[] = [];
  for (const s of specs) {
    if (s.endsWith('-')) {
      const body = s.slice(0, -1);
      const [key, effect] = body.split(':');
      removes.push({ key: key.split('=')[0], effect });
      continue;
    }
    const m = /^([^=:]+)(?:=([^:]*))?:(NoSchedule|PreferNoSchedule|NoExecute)$/.exec(s);
    if (!m) {
      if (/:(.+)$/.test(s))
        throw new CommandError(
          `invalid taint effect: ${s.split(':').pop()}, unsupported taint effect`,
        );
      throw new CommandError(`invalid taint spec: ${s}, unknown taint spec: ${s}`);
    }
    adds.push({ key: m[1], ...(m[2] ? { value: m[2] } : {}), effect: m[3] });
  }
  if (adds.length === 0 && removes.length === 0)
    throw new CommandError('at least one taint update is required');
  const dry = dryRunOf(ctx.flags.str('dry-run'));
  for (const { obj } of targets(ctx, [type, ...names])) {
    let list = [...((obj.spec?.taints ?? []) as Taint[])];
    for (const r of removes) {
      const before = list.length;
      list = list.filter((t) => !(t.key === r.key && (!r.effect || t.effect === r.effect)));
      if (list.length === before)
        throw new CommandError(
          `taint ${JSON.stringify(r.key + (r.effect ? ':' + r.effect : ''))} not found`,
        );
    }
    for (const a of adds) {
      const i = list.findIndex((t) => t.key === a.key && t.effect === a.effect);
      if (i >= 0) {
        if (!ctx.flags.bool('overwrite'))
          throw new CommandError(
            `node ${obj.metadata.name} already has ${a.key} taint(s) with same effect(s) and --overwrite is false`,
          );
        list[i] = a;
      } else list.push(a);
    }
    const next = JSON.parse(JSON.stringify(obj)) as KObject;
    if (list.length) next.spec = { ...next.spec, taints: list };
    else delete next.spec.taints;
    writeBack(ctx, obj, next, dry);
    const verb = removes.length && !adds.length ? 'untainted' : 'tainted';
    ctx.io.out(`node/${obj.metadata.name} ${verb}${dry === 'client' ? ' (dry run)' : ''}\n`);
  }
  return 0;
}

export const taintCommand: KubectlCommand = {
  name: 'taint',
  short: 'Update the taints on one or more nodes',
  usage:
    'kubectl taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N [options]',
  flags: {
    ...OUTPUT_FLAGS,
    ...SELECTOR_FLAGS,
    ...DRY_RUN_FLAGS,
    overwrite: { type: 'bool' },
    all: { type: 'bool' },
  },
  run: taint,
};
