/**
 * `kubectl rollout status|history|undo|restart|pause|resume` (k8s.io/kubectl/pkg/cmd/rollout and
 * pkg/polymorphichelpers: rollout_status.go, history.go, rollback.go, objectrestarter.go).
 */
import type { CommandRun } from '../../command';
import type { KObject } from '../../api/types';
import { rfc3339, parseDuration } from '../../clock';
import {
  DRY_RUN_FLAGS,
  FILENAME_FLAGS,
  OUTPUT_FLAGS,
  SELECTOR_FLAGS,
  dryRunOf,
} from '../commonflags';
import { CommandError, type Ctx, type KubectlCommand } from '../context';
import { kindPrefix, qualified, type ResourceInfo } from '../resources';
import { tabwrite } from '../printers/tabwriter';
import { Writer } from '../describe/common';
import { describePodTemplate } from '../describe/containers';
import { printResult } from '../writes';
import { targets, writeBack } from './mutate';
import { revisionHistory, revisionUndo } from './rollout-revisions';

const REVISION = 'deployment.kubernetes.io/revision';
const CHANGE_CAUSE = 'kubernetes.io/change-cause';
const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';
/** Annotations rollback.go does not copy from the ReplicaSet back to the Deployment. */
const ROLLBACK_SKIP = new Set([
  REVISION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'kubectl.kubernetes.io/last-applied-configuration',
  'deprecated.deployment.rollback.to',
]);
const ROLLOUT_KINDS = new Set(['Deployment', 'DaemonSet', 'StatefulSet']);

/** `StatusViewer.Status`: the message and whether the rollout is done; throws on a failed rollout. */
export function rolloutStatus(o: KObject): { msg: string; done: boolean } {
  const s = o.status ?? {};
  const gen = o.metadata.generation ?? 0;
  if (o.kind === 'Deployment') {
    if (gen > (s.observedGeneration ?? 0))
      return { msg: 'Waiting for deployment spec update to be observed...\n', done: false };
    const prog = (s.conditions ?? []).find((c: { type: string }) => c.type === 'Progressing');
    if (prog?.reason === 'ProgressDeadlineExceeded')
      throw new CommandError(`deployment "${o.metadata.name}" exceeded its progress deadline`);
    const n = o.metadata.name;
    const want = o.spec?.replicas ?? 1;
    const updated = s.updatedReplicas ?? 0;
    if (updated < want)
      return {
        msg: `Waiting for deployment "${n}" rollout to finish: ${updated} out of ${want} new replicas have been updated...\n`,
        done: false,
      };
    if ((s.replicas ?? 0) > updated)
      return {
        msg: `Waiting for deployment "${n}" rollout to finish: ${(s.replicas ?? 0) - updated} old replicas are pending termination...\n`,
        done: false,
      };
    if ((s.availableReplicas ?? 0) < updated)
      return {
        msg: `Waiting for deployment "${n}" rollout to finish: ${s.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`,
        done: false,
      };
    return { msg: `deployment "${n}" successfully rolled out\n`, done: true };
  }
  if (o.kind === 'DaemonSet') {
    if ((o.spec?.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate')
      throw new CommandError('rollout status is only available for RollingUpdate strategy type');
    if (gen > (s.observedGeneration ?? 0))
      return { msg: 'Waiting for daemon set spec update to be observed...\n', done: false };
    const n = o.metadata.name;
    const desired = s.desiredNumberScheduled ?? 0;
    if ((s.updatedNumberScheduled ?? 0) < desired)
      return {
        msg: `Waiting for daemon set "${n}" rollout to finish: ${s.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated...\n`,
        done: false,
      };
    if ((s.numberAvailable ?? 0) < desired)
      return {
        msg: `Waiting for daemon set "${n}" rollout to finish: ${s.numberAvailable ?? 0} of ${desired} updated pods are available...\n`,
        done: false,
      };
    return { msg: `daemon set "${n}" successfully rolled out\n`, done: true };
  }
  if ((o.spec?.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate')
    throw new CommandError('rollout status is only available for RollingUpdate strategy type');
  if (!s.observedGeneration || gen > s.observedGeneration)
    return { msg: 'Waiting for statefulset spec update to be observed...\n', done: false };
  const want = o.spec?.replicas ?? 1;
  if ((s.readyReplicas ?? 0) < want)
    return {
      msg: `Waiting for ${want - (s.readyReplicas ?? 0)} pods to be ready...\n`,
      done: false,
    };
  const partition = o.spec?.updateStrategy?.rollingUpdate?.partition;
  if (partition !== undefined) {
    if ((s.updatedReplicas ?? 0) < want - partition)
      return {
        msg: `Waiting for partitioned roll out to finish: ${s.updatedReplicas ?? 0} out of ${want - partition} new pods have been updated...\n`,
        done: false,
      };
    return {
      msg: `partitioned roll out complete: ${s.updatedReplicas ?? 0} new pods have been updated...\n`,
      done: true,
    };
  }
  if (s.updateRevision !== s.currentRevision)
    return {
      msg: `waiting for statefulset rolling update to complete ${s.updatedReplicas ?? 0} pods at revision ${s.updateRevision}...\n`,
      done: false,
    };
  return {
    msg: `statefulset rolling update complete ${s.currentReplicas ?? 0} pods at revision ${s.currentRevision}...\n`,
    done: true,
  };
}

function* status(ctx: Ctx, info: ResourceInfo, obj: KObject): CommandRun {
  const store = ctx.sim.store;
  let last = '';
  let done = false;
  let failure: unknown;
  const check = () => {
    const cur = store.get(info.kind, obj.metadata.namespace, obj.metadata.name);
    if (!cur) return true;
    try {
      const r = rolloutStatus(cur);
      if (r.msg !== last) ctx.io.out(r.msg);
      last = r.msg;
      done = r.done;
    } catch (e) {
      failure = e;
      return true;
    }
    return done;
  };
  if (check()) {
    if (failure) throw failure;
    return 0;
  }
  if (!ctx.flags.bool('watch')) return 0;
  const t = ctx.flags.str('timeout');
  const ms = t && t !== '0s' && t !== '0' ? parseDuration(t) : undefined;
  const ok = yield { until: check, timeoutAt: ms ? ctx.sim.now() + ms : Infinity };
  if (failure) throw failure;
  if (!ok || !done) throw new CommandError('timed out waiting for the condition');
  return 0;
}

function ownedReplicaSets(ctx: Ctx, d: KObject): KObject[] {
  return ctx.sim.store
    .list('ReplicaSet', { namespace: d.metadata.namespace })
    .filter((r) => (r.metadata.ownerReferences ?? []).some((o) => o.uid === d.metadata.uid));
}

function revisionOf(o: KObject): number {
  return Number(o.metadata.annotations?.[REVISION] ?? 0);
}

function history(ctx: Ctx, info: ResourceInfo, d: KObject): void {
  if (d.kind !== 'Deployment') {
    revisionHistory(ctx, info, d);
    return;
  }
  const rss = ownedReplicaSets(ctx, d).sort((a, b) => revisionOf(a) - revisionOf(b));
  const rev = ctx.flags.int('revision', 0);
  const ref = `${kindPrefix(info)}/${d.metadata.name}`;
  if (rev > 0) {
    const rs = rss.find((r) => revisionOf(r) === rev);
    if (!rs) throw new CommandError('unable to find the specified revision');
    const w = new Writer();
    describePodTemplate(w, rs.spec?.template);
    ctx.io.out(`${ref} with revision #${rev}\n${w.raw()}\n`);
    return;
  }
  const rows = [
    'REVISION\tCHANGE-CAUSE\n',
    ...rss
      .filter((r) => revisionOf(r) > 0)
      .map((r) => `${revisionOf(r)}\t${r.metadata.annotations?.[CHANGE_CAUSE] || '<none>'}\n`),
  ];
  ctx.io.out(`${ref} \n${tabwrite(rows.join(''))}\n`);
}

/** JSON with object keys sorted at every depth, so key order does not affect equality. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

// mirrors kubectl rollback.go equalIgnoreHash: templates compared deeply without the hash label.
function stripHash(t: unknown): string {
  const c = JSON.parse(JSON.stringify(t ?? {}));
  if (c.metadata?.labels) delete c.metadata.labels['pod-template-hash'];
  return canonical(c);
}

function undo(ctx: Ctx, info: ResourceInfo, d: KObject): void {
  if (d.kind !== 'Deployment') {
    revisionUndo(ctx, d);
    return;
  }
  const to = ctx.flags.int('to-revision', 0);
  if (d.spec?.paused)
    throw new CommandError(
      `you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again`,
    );
  let target: KObject | undefined;
  let max = -1;
  let prev = -1;
  let latest: KObject | undefined;
  for (const rs of ownedReplicaSets(ctx, d)) {
    const v = revisionOf(rs);
    if (!rs.metadata.annotations?.[REVISION]) continue;
    if (to === 0) {
      if (max < v) {
        prev = max;
        target = latest;
        max = v;
        latest = rs;
      } else if (prev < v) {
        prev = v;
        target = rs;
      }
    } else if (v === to) target = rs;
  }
  if (to > 0 && !target)
    throw new CommandError(`unable to find specified revision ${to} in history`);
  if (!target)
    throw new CommandError(`no rollout history found for deployment "${d.metadata.name}"`);
  const template = JSON.parse(JSON.stringify(target.spec.template));
  delete template.metadata?.labels?.['pod-template-hash'];
  if (
    JSON.stringify(template) === JSON.stringify(d.spec.template) ||
    stripHash(template) === stripHash(d.spec.template)
  ) {
    printResult(
      ctx,
      d,
      `skipped rollback (current template already matches revision ${to || revisionOf(target)})`,
    );
    return;
  }
  const next = JSON.parse(JSON.stringify(d)) as KObject;
  next.spec.template = template;
  const ann = { ...(next.metadata.annotations ?? {}) };
  for (const [k, v] of Object.entries(target.metadata.annotations ?? {}))
    if (!ROLLBACK_SKIP.has(k)) ann[k] = v as string;
  next.metadata.annotations = ann;
  writeBack(ctx, d, next, dryRunOf(ctx.flags.str('dry-run')));
  printResult(ctx, next, 'rolled back');
}

function restartOrPause(ctx: Ctx, info: ResourceInfo, o: KObject, action: string): void {
  const dry = dryRunOf(ctx.flags.str('dry-run'));
  const next = JSON.parse(JSON.stringify(o)) as KObject;
  if (action === 'restart') {
    if (o.spec?.paused)
      throw new CommandError(
        `can't restart paused ${o.kind.toLowerCase()} (run rollout resume first)`,
      );
    next.spec.template.metadata = next.spec.template.metadata ?? {};
    next.spec.template.metadata.annotations = {
      ...(next.spec.template.metadata.annotations ?? {}),
      [RESTARTED_AT]: rfc3339(ctx.sim.now()),
    };
    writeBack(ctx, o, next, dry);
    printResult(ctx, next, 'restarted', dry);
    return;
  }
  if (o.kind !== 'Deployment')
    throw new CommandError(
      `${qualified(info)} "${o.metadata.name}" ${action === 'pause' ? 'pausing' : 'resuming'} is not supported`,
    );
  const pause = action === 'pause';
  if (!!o.spec?.paused === pause)
    throw new CommandError(
      `${qualified(info)} "${o.metadata.name}" is ${pause ? 'already paused' : 'not paused'}`,
    );
  next.spec.paused = pause || undefined;
  if (!pause) delete next.spec.paused;
  writeBack(ctx, o, next, dry);
  printResult(ctx, next, pause ? 'paused' : 'resumed', dry);
}

function* run(ctx: Ctx): CommandRun {
  const sub = ctx.args[0];
  const subs = ['history', 'pause', 'restart', 'resume', 'status', 'undo'];
  if (!sub || !subs.includes(sub)) {
    if (sub) throw new CommandError(`unknown command "${sub}" for "kubectl rollout"`);
    ctx.io.out(
      'Manage the deployment of one or more resources.\n\nAvailable Commands:\n  history       View rollout history\n  pause         Mark the provided resource as paused\n  restart       Restart a resource\n  resume        Resume a paused resource\n  status        Show the status of the rollout\n  undo          Undo a previous rollout\n',
    );
    return 0;
  }
  const list = targets(ctx, ctx.args.slice(1));
  if (list.length === 0) throw new CommandError(`required resource not specified`);
  let rc = 0;
  for (const { info, obj } of list) {
    if (!ROLLOUT_KINDS.has(obj.kind))
      throw new CommandError(
        `no ${sub === 'status' ? 'status viewer' : sub === 'history' ? 'history viewer' : 'rollbacker'} has been implemented for {${info.group} ${obj.kind}}`,
      );
    if (sub === 'status') rc = yield* status(ctx, info, obj);
    else if (sub === 'history') history(ctx, info, obj);
    else if (sub === 'undo') undo(ctx, info, obj);
    else restartOrPause(ctx, info, obj, sub);
  }
  return rc;
}

export const rolloutCommand: KubectlCommand = {
  name: 'rollout',
  short: 'Manage the rollout of a resource',
  usage: 'kubectl rollout SUBCOMMAND [options]',
  flags: {
    ...OUTPUT_FLAGS,
    ...FILENAME_FLAGS,
    ...SELECTOR_FLAGS,
    ...DRY_RUN_FLAGS,
    watch: { type: 'bool', short: 'w', default: true },
    timeout: { type: 'string' },
    revision: { type: 'int' },
    'to-revision': { type: 'int' },
  },
  run,
};
