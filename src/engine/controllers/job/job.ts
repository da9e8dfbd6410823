/**
 * The Job controller (k/k:pkg/controller/job/job_controller.go): creates pods up to parallelism,
 * counts finished pods through the `batch.kubernetes.io/job-tracking` finalizer, backs off after
 * failures, and finishes with SuccessCriteriaMet/Complete or FailureTarget/Failed.
 */
import type { Json } from '../../clock';
import { parseTime, rfc3339 } from '../../clock';
import type { Simulation } from '../../sim';
import type { KObject } from '../../api/types';
import { controllerOf, deepClone } from '../../api/types';
import { labelSelectorMatches } from '../../api/selectors';
import { isPodReady, isPodTerminal } from '../../api/podutil';
import { events } from '../../events';
import { Controller, splitKey } from '../controller';
import { claimObjects, newControllerRef, resolveControllerRef } from '../util/ownerref';
import { podFromTemplate, slowStartBatch } from '../util/podtemplate';
import { remainingBackoff, type BackoffRecord } from './backoff';
import { addIndex, freeIndexes } from './indexes';

export const JOB_CONTROLLER = 'job-controller';
export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
export const COMPLETION_INDEX = 'batch.kubernetes.io/job-completion-index';
/** MaxPodCreateDeletePerSync (job_controller.go). */
export const MAX_POD_CREATE_DELETE_PER_SYNC = 500;
/** Default backoffLimit (batch/v1 types.go). */
export const DEFAULT_BACKOFF_LIMIT = 6;

type Cond = {
  type: string;
  status: string;
  lastProbeTime: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
};

export function jobFinished(job: KObject): boolean {
  return (job.status?.conditions ?? []).some(
    (c: Cond) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True',
  );
}

/**
 * `pastBackoffLimitOnFailure` (job_controller.go): with restartPolicy OnFailure the kubelet restarts
 * failed containers in place, so the restarts of Running and Pending pods count toward backoffLimit.
 */
export function pastBackoffLimitOnFailure(
  job: KObject,
  pods: KObject[],
  backoffLimit: number,
): boolean {
  if (job.spec?.template?.spec?.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const p of pods) {
    if (p.status?.phase !== 'Running' && p.status?.phase !== 'Pending') continue;
    for (const c of [
      ...(p.status?.initContainerStatuses ?? []),
      ...(p.status?.containerStatuses ?? []),
    ])
      restarts += (c as { restartCount?: number }).restartCount ?? 0;
  }
  return backoffLimit === 0 ? restarts > 0 : restarts >= backoffLimit;
}

export class JobController extends Controller {
  private backoff = new Map<string, BackoffRecord>();

  constructor(sim: Simulation) {
    super(sim, JOB_CONTROLLER);
    this.watch(['Job'], (e) => this.enqueue(e.object));
    this.watch(['Pod'], (e) => {
      const job = resolveControllerRef(this.store, e.object, 'Job');
      if (job) this.enqueue(job);
    });
  }

  start(): void {
    for (const j of this.store.list('Job')) this.enqueue(j);
  }

  private podLabels(job: KObject): Record<string, string> {
    const uid = job.metadata.uid;
    const name = job.metadata.name;
    return {
      'batch.kubernetes.io/controller-uid': uid,
      'batch.kubernetes.io/job-name': name,
      'controller-uid': uid,
      'job-name': name,
    };
  }

  sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const job = this.store.get('Job', namespace, name);
    if (!job) {
      this.backoff.delete(key);
      return;
    }
    const now = this.sim.now();
    const match = (p: KObject) =>
      job.spec?.selector
        ? labelSelectorMatches(job.spec.selector, p.metadata.labels)
        : p.metadata.labels?.['batch.kubernetes.io/controller-uid'] === job.metadata.uid;
    const pods = claimObjects(
      { store: this.store, owner: job, match },
      this.store.list('Pod', { namespace }),
    );
    const status = deepClone(job.status ?? {});
    const uncounted = new Set<string>([
      ...(status.uncountedTerminatedPods?.succeeded ?? []),
      ...(status.uncountedTerminatedPods?.failed ?? []),
    ]);
    // Count pods that finished and still carry the tracking finalizer (trackJobStatusAndRemoveFinalizers).
    let rec = this.backoff.get(key) ?? { failuresAfterLastSuccess: 0, lastFailureTime: 0 };
    for (const p of pods) {
      if (!p.metadata.finalizers?.includes(JOB_TRACKING_FINALIZER) || uncounted.has(p.metadata.uid))
        continue;
      const succeeded = p.status?.phase === 'Succeeded';
      const failed = p.status?.phase === 'Failed' || (!!p.metadata.deletionTimestamp && !succeeded);
      if (!succeeded && !failed) continue;
      if (succeeded) {
        status.succeeded = (status.succeeded ?? 0) + 1;
        if (job.spec?.completionMode === 'Indexed')
          status.completedIndexes = addIndex(
            status.completedIndexes,
            p.metadata.annotations?.[COMPLETION_INDEX],
          );
        rec = { failuresAfterLastSuccess: 0, lastFailureTime: rec.lastFailureTime };
      } else {
        status.failed = (status.failed ?? 0) + 1;
        rec = {
          failuresAfterLastSuccess: rec.failuresAfterLastSuccess + 1,
          lastFailureTime: Math.max(rec.lastFailureTime, finishTime(p) ?? now),
        };
      }
      this.store.removeFinalizer(
        'Pod',
        p.metadata.namespace,
        p.metadata.name,
        JOB_TRACKING_FINALIZER,
      );
    }
    this.backoff.set(key, rec);
    const live = pods.filter((p) => this.store.get('Pod', p.metadata.namespace, p.metadata.name));
    const active = live.filter((p) => !isPodTerminal(p) && !p.metadata.deletionTimestamp);
    if (!status.startTime && !job.spec?.suspend) status.startTime = rfc3339(now);

    const completions: number | undefined =
      job.spec?.completions ?? (job.spec?.parallelism === undefined ? 1 : undefined);
    const parallelism: number = job.spec?.parallelism ?? 1;
    const backoffLimit: number = job.spec?.backoffLimit ?? DEFAULT_BACKOFF_LIMIT;
    const conds: Cond[] = status.conditions ?? [];
    const has = (t: string) => conds.some((c) => c.type === t && c.status === 'True');
    const cond = (type: string, reason: string, message: string): Cond => ({
      type,
      status: 'True',
      lastProbeTime: rfc3339(now),
      lastTransitionTime: rfc3339(now),
      reason,
      message,
    });

    if (!jobFinished(job)) {
      let failure: Cond | undefined = conds.find(
        (c) => c.type === 'FailureTarget' && c.status === 'True',
      );
      const success = has('SuccessCriteriaMet');
      const deadline = job.spec?.activeDeadlineSeconds;
      const started = parseTime(status.startTime);
      if (!failure && !success) {
        if (
          (status.failed ?? 0) > backoffLimit ||
          pastBackoffLimitOnFailure(job, live, backoffLimit)
        )
          failure = cond(
            'FailureTarget',
            'BackoffLimitExceeded',
            'Job has reached the specified backoff limit',
          );
        else if (
          deadline !== undefined &&
          started !== undefined &&
          now - started >= deadline * 1000
        )
          failure = cond(
            'FailureTarget',
            'DeadlineExceeded',
            'Job was active longer than specified deadline',
          );
        if (failure) conds.push(failure);
        else if (
          completions !== undefined
            ? (status.succeeded ?? 0) >= completions
            : (status.succeeded ?? 0) > 0 && active.length === 0
        ) {
          conds.push(
            cond(
              'SuccessCriteriaMet',
              'CompletionsReached',
              'Reached expected number of succeeded pods',
            ),
          );
        }
        if (!failure && deadline !== undefined && started !== undefined)
          this.queue.addAfter(key, started + deadline * 1000 - now);
      }
      const finishing = failure ?? conds.find((c) => c.type === 'SuccessCriteriaMet');
      if (finishing) {
        for (const p of active) this.store.delete('Pod', p.metadata.namespace, p.metadata.name);
        const stillRunning = live.filter(
          (p) => !isPodTerminal(p) && this.store.get('Pod', p.metadata.namespace, p.metadata.name),
        ).length;
        if (stillRunning === 0) {
          if (failure) {
            // newFailedConditionForFailureTarget: same reason and message, stamped now.
            conds.push(cond('Failed', failure.reason, failure.message));
            events(this.sim).record(job, 'Warning', failure.reason, failure.message, {
              component: this.name,
            });
          } else {
            conds.push(
              cond('Complete', 'CompletionsReached', 'Reached expected number of succeeded pods'),
            );
            status.completionTime = rfc3339(now);
            events(this.sim).record(job, 'Normal', 'Completed', 'Job completed', {
              component: this.name,
            });
          }
        }
      } else if (!job.spec?.suspend) {
        this.createPods(job, key, active, status, completions, parallelism, rec, now);
      }
    }
    if (conds.length) status.conditions = conds;
    const cur = live.filter((p) => this.store.get('Pod', p.metadata.namespace, p.metadata.name));
    const nowActive = this.store
      .list('Pod', { namespace })
      .filter(
        (p) =>
          controllerOf(p)?.uid === job.metadata.uid &&
          !isPodTerminal(p) &&
          !p.metadata.deletionTimestamp,
      );
    setCount(status, 'active', nowActive.length);
    setCount(status, 'succeeded', status.succeeded ?? 0);
    setCount(status, 'failed', status.failed ?? 0);
    status.ready = nowActive.filter(isPodReady).length;
    status.terminating = cur.filter(
      (p) => !isPodTerminal(p) && p.metadata.deletionTimestamp,
    ).length;
    status.uncountedTerminatedPods = {};
    this.store.mutate('Job', namespace, name, (o) => (o.status = status), {
      subresource: 'status',
    });
  }

  private createPods(
    job: KObject,
    key: string,
    active: KObject[],
    status: Record<string, number | undefined>,
    completions: number | undefined,
    parallelism: number,
    rec: BackoffRecord,
    now: number,
  ): void {
    const succeeded = status.succeeded ?? 0;
    const want =
      completions === undefined
        ? succeeded > 0
          ? active.length
          : parallelism
        : Math.max(0, Math.min(completions - succeeded, parallelism));
    let diff = Math.min(want - active.length, MAX_POD_CREATE_DELETE_PER_SYNC);
    if (diff <= 0) return;
    const wait = remainingBackoff(rec, now);
    if (wait > 0) {
      this.queue.addAfter(key, wait);
      return;
    }
    const indexed = job.spec?.completionMode === 'Indexed';
    const free = indexed
      ? freeIndexes(
          job,
          active,
          diff,
          String((status as Record<string, unknown>).completedIndexes ?? ''),
        )
      : [];
    if (indexed) diff = Math.min(diff, free.length);
    const ref = newControllerRef(job);
    const r = events(this.sim);
    let i = 0;
    slowStartBatch(diff, () => {
      const tpl = deepClone(job.spec.template ?? {});
      tpl.metadata = {
        ...(tpl.metadata ?? {}),
        labels: { ...(tpl.metadata?.labels ?? {}), ...this.podLabels(job) },
        finalizers: [JOB_TRACKING_FINALIZER],
      };
      let prefix = `${job.metadata.name}-`;
      if (indexed) {
        const idx = String(free[i++]);
        tpl.metadata.labels[COMPLETION_INDEX] = idx;
        tpl.metadata.annotations = { ...(tpl.metadata.annotations ?? {}), [COMPLETION_INDEX]: idx };
        tpl.spec.hostname = `${job.metadata.name}-${idx}`;
        prefix = `${job.metadata.name}-${idx}-`;
      }
      const pod = this.store.create(podFromTemplate(tpl, job.metadata.namespace, ref, prefix));
      r.record(job, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, {
        component: this.name,
      });
    });
  }

  protected override saveState(): Json {
    const out: Record<string, Json> = {};
    for (const k of [...this.backoff.keys()].sort()) out[k] = { ...this.backoff.get(k)! };
    return out;
  }

  protected override loadState(s: Json): void {
    this.backoff = new Map(Object.entries((s ?? {}) as unknown as Record<string, BackoffRecord>));
  }
}

function setCount(status: Record<string, unknown>, field: string, n: number): void {
  if (n > 0) status[field] = n;
  else delete status[field];
}

/** When the pod's containers finished (the failure time the backoff is measured from). */
function finishTime(p: KObject): number | undefined {
  let t: number | undefined;
  for (const c of p.status?.containerStatuses ?? []) {
    const f = parseTime(c.state?.terminated?.finishedAt);
    if (f !== undefined) t = Math.max(t ?? 0, f);
  }
  return t;
}
