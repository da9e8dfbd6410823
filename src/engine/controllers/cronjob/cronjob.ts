/**
 * The CronJob controller (k/k:pkg/controller/cronjob/cronjob_controllerv2.go `syncCronJob`):
 * creates `<cronjob>-<minutes since epoch>` Jobs on schedule in simulated time, honouring
 * startingDeadlineSeconds, concurrencyPolicy, suspend and the history limits.
 */
import type { Simulation } from '../../sim';
import type { KObject } from '../../api/types';
import { controllerOf, deepClone } from '../../api/types';
import { parseTime, rfc3339 } from '../../clock';
import { events } from '../../events';
import { Controller, splitKey } from '../controller';
import { newControllerRef, resolveControllerRef } from '../util/ownerref';
import { nextAfter, parseSchedule, type Schedule } from './schedule';

export const CRONJOB_CONTROLLER = 'cronjob-controller';
/** nextScheduleDelta: requeue slightly after the schedule time (cronjob_controllerv2.go). */
export const NEXT_SCHEDULE_DELTA_MS = 100;
/** More missed start times than this triggers the TooManyMissedTimes warning (utils.go). */
export const MAX_MISSED_TIMES = 100;
export const SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

const finishedType = (j: KObject): string | undefined =>
  (j.status?.conditions ?? []).find(
    (c: { type: string; status: string }) =>
      (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True',
  )?.type;

export class CronJobController extends Controller {
  constructor(sim: Simulation) {
    super(sim, CRONJOB_CONTROLLER);
    this.watch(['CronJob'], (e) => e.type !== 'DELETED' && this.enqueue(e.object));
    this.watch(['Job'], (e) => {
      const cj = resolveControllerRef(this.store, e.object, 'CronJob');
      if (cj) this.enqueue(cj);
    });
  }

  start(): void {
    for (const c of this.store.list('CronJob')) this.enqueue(c);
  }

  private record(cj: KObject, type: 'Normal' | 'Warning', reason: string, message: string): void {
    events(this.sim).record(cj, type, reason, message, { component: this.name });
  }

  sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const cj = this.store.get('CronJob', namespace, name);
    if (!cj) return;
    const now = this.sim.now();
    const jobs = this.store
      .list('Job', { namespace })
      .filter((j) => controllerOf(j)?.uid === cj.metadata.uid);
    const status = deepClone(cj.status ?? {});
    let active: { name: string; uid: string }[] = status.active ?? [];
    // Drop finished or vanished jobs from the active list.
    active = active.filter((ref) => {
      const j = jobs.find((x) => x.metadata.uid === ref.uid);
      if (!j) return false;
      const done = finishedType(j);
      if (!done) return true;
      this.record(
        cj,
        'Normal',
        'SawCompletedJob',
        `Saw completed job: ${j.metadata.name}, condition: ${done}`,
      );
      if (
        done === 'Complete' &&
        j.status?.completionTime &&
        (!status.lastSuccessfulTime || j.status.completionTime > status.lastSuccessfulTime)
      )
        status.lastSuccessfulTime = j.status.completionTime;
      return false;
    });
    for (const j of jobs)
      if (!finishedType(j) && !active.some((r) => r.uid === j.metadata.uid))
        active.push(this.ref(j));
    this.cleanupHistory(cj, jobs);
    let sched: Schedule | undefined;
    try {
      sched = parseSchedule(cj.spec?.schedule ?? '', cj.spec?.timeZone);
    } catch (e) {
      this.record(
        cj,
        'Warning',
        'UnparseableSchedule',
        `unparseable schedule: ${JSON.stringify(cj.spec?.schedule)} : ${(e as Error).message}`,
      );
    }
    if (sched && !cj.metadata.deletionTimestamp && !cj.spec?.suspend) {
      active = this.maybeStart(cj, sched, status, active, jobs, now);
      const next = nextAfter(sched, now);
      if (next !== undefined) this.queue.addAfter(key, next - now + NEXT_SCHEDULE_DELTA_MS);
    }
    status.active = active.length ? active : undefined;
    if (!status.active) delete status.active;
    this.store.mutate('CronJob', namespace, name, (o) => (o.status = status), {
      subresource: 'status',
    });
  }

  private ref(j: KObject) {
    return {
      kind: 'Job',
      namespace: j.metadata.namespace,
      name: j.metadata.name,
      uid: j.metadata.uid,
      apiVersion: 'batch/v1',
      resourceVersion: j.metadata.resourceVersion,
    };
  }

  /** `mostRecentScheduleTime` then create (or skip) the job for it. */
  private maybeStart(
    cj: KObject,
    sched: Schedule,
    status: Record<string, unknown>,
    active: { name: string; uid: string }[],
    jobs: KObject[],
    now: number,
  ) {
    let earliest =
      parseTime(status.lastScheduleTime as string | undefined) ??
      parseTime(cj.metadata.creationTimestamp) ??
      now;
    const deadline: number | undefined = cj.spec?.startingDeadlineSeconds;
    if (deadline !== undefined) earliest = Math.max(earliest, now - deadline * 1000);
    let scheduled: number | undefined;
    let missed = 0;
    for (let t = nextAfter(sched, earliest); t !== undefined && t <= now; t = nextAfter(sched, t)) {
      scheduled = t;
      if (++missed > MAX_MISSED_TIMES + 1) break;
    }
    if (scheduled === undefined) return active;
    if (missed > MAX_MISSED_TIMES)
      this.record(
        cj,
        'Warning',
        'TooManyMissedTimes',
        'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
      );
    if (deadline !== undefined && scheduled + deadline * 1000 < now) {
      this.record(
        cj,
        'Warning',
        'MissSchedule',
        `Missed scheduled time to start a job: ${rfc3339(scheduled)}`,
      );
      return active;
    }
    const jobName = `${cj.metadata.name}-${Math.floor(scheduled / 60_000)}`;
    if (
      jobs.some((j) => j.metadata.name === jobName) ||
      this.store.get('Job', cj.metadata.namespace, jobName)
    )
      return active;
    const policy = cj.spec?.concurrencyPolicy ?? 'Allow';
    if (policy === 'Forbid' && active.length > 0) {
      this.record(
        cj,
        'Normal',
        'JobAlreadyActive',
        'Not starting job because prior execution is running and concurrency policy is Forbid',
      );
      return active;
    }
    if (policy === 'Replace') {
      for (const r of active) {
        if (this.store.get('Job', cj.metadata.namespace, r.name))
          this.store.delete('Job', cj.metadata.namespace, r.name, {
            propagationPolicy: 'Background',
          });
        this.record(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${r.name}`);
      }
      active = [];
    }
    const tpl = cj.spec?.jobTemplate ?? {};
    const job = this.store.create({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name: jobName,
        namespace: cj.metadata.namespace,
        labels: { ...(tpl.metadata?.labels ?? {}) },
        annotations: {
          ...(tpl.metadata?.annotations ?? {}),
          [SCHEDULED_TIMESTAMP_ANNOTATION]: rfc3339(scheduled),
        },
        ownerReferences: [newControllerRef(cj)],
      },
      spec: deepClone(tpl.spec ?? {}),
    });
    this.record(cj, 'Normal', 'SuccessfulCreate', `Created job ${job.metadata.name}`);
    status.lastScheduleTime = rfc3339(scheduled);
    return [...active, this.ref(job)];
  }

  /** `cleanupFinishedJobs`: keep successfulJobsHistoryLimit (3) and failedJobsHistoryLimit (1). */
  private cleanupHistory(cj: KObject, jobs: KObject[]): void {
    const limits: [string, number][] = [
      ['Complete', cj.spec?.successfulJobsHistoryLimit ?? 3],
      ['Failed', cj.spec?.failedJobsHistoryLimit ?? 1],
    ];
    for (const [type, limit] of limits) {
      const done = jobs
        .filter((j) => finishedType(j) === type && !j.metadata.deletionTimestamp)
        .sort(
          (a, b) =>
            (parseTime(a.status?.startTime) ?? 0) - (parseTime(b.status?.startTime) ?? 0) ||
            (a.metadata.name < b.metadata.name ? -1 : 1),
        );
      for (const j of done.slice(0, Math.max(0, done.length - limit))) {
        this.store.delete('Job', j.metadata.namespace, j.metadata.name, {
          propagationPolicy: 'Background',
        });
        this.record(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${j.metadata.name}`);
      }
    }
  }
}
