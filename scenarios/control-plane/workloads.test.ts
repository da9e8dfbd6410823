/**
 * DaemonSet, StatefulSet, Job and CronJob controllers as kubectl sessions. K8S-SEMANTICS 7 and the
 * controllers they cite (k/k pkg/controller/daemon, statefulset, job, cronjob).
 */
import { describe, expect, it } from 'vitest';
import { apply, session, type Json, type KubectlSession } from './session';

function daemonSet(name: string, tolerations = ''): string {
  return apply(`apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ${name}
spec:
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:${tolerations}
      containers:
      - name: agent
        image: busybox
        command: [sleep, "3600"]`);
}

function list(s: KubectlSession, what: string): Json[] {
  return s.json(`kubectl get ${what} -o json`).items as Json[];
}

describe('DaemonSet placement', () => {
  it('runs one pod on each of the 3 workers, not on the tainted control-plane', () => {
    const s = session(daemonSet('agent') + 'sleep 20s\n');
    const pods = list(s, 'pods -l app=agent');
    expect(pods.map((p) => p.spec.nodeName).sort()).toEqual(['node-1', 'node-2', 'node-3']);
    for (const p of pods)
      expect(p.metadata.name).toMatch(/^agent-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    const ds = s.json('kubectl get ds agent -o json');
    expect(ds.status).toMatchObject({
      desiredNumberScheduled: 3,
      currentNumberScheduled: 3,
      numberReady: 3,
      numberAvailable: 3,
      updatedNumberScheduled: 3,
      numberMisscheduled: 0,
    });
    expect(s.run('kubectl get ds agent').stdout).toMatch(
      /^NAME\s+DESIRED\s+CURRENT\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+NODE SELECTOR\s+AGE\nagent\s+3\s+3\s+3\s+3\s+3\s+<none>\s+20s\n$/,
    );
    // The controller adds the not-ready/unreachable tolerations without tolerationSeconds.
    expect(pods[0].spec.tolerations).toEqual(
      expect.arrayContaining([
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
        { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
      ]),
    );
  });

  it('with a control-plane toleration, runs on all 4 nodes; a new node gets one too', () => {
    const toleration = `
      tolerations:
      - {key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule}`;
    const s = session(daemonSet('agent', toleration) + 'sleep 20s\n');
    expect(
      list(s, 'pods -l app=agent')
        .map((p) => p.spec.nodeName)
        .sort(),
    ).toEqual(['control-plane', 'node-1', 'node-2', 'node-3']);
    s.run('kubeplay node add node-4\nsleep 60s');
    expect(
      list(s, 'pods -l app=agent')
        .map((p) => p.spec.nodeName)
        .sort(),
    ).toEqual(['control-plane', 'node-1', 'node-2', 'node-3', 'node-4']);
  });
});

function statefulSet(replicas: number, policy = 'OrderedReady'): string {
  return apply(`apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  clusterIP: None
  selector: {app: web}
  ports: [{port: 80}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: web
  replicas: ${replicas}
  podManagementPolicy: ${policy}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27`);
}

/** Names of the StatefulSet's pods that exist (terminating or not) after every event. */
function watchPods(s: KubectlSession, until: () => boolean): string[][] {
  const seen: string[][] = [];
  const end = s.sim.now() + 10 * 60_000;
  while (!until() && s.sim.now() < end && s.sim.step()) {
    const names = s.sim.store
      .list('Pod', { namespace: 'default', labelSelector: 'app=web' })
      .map((p) => p.metadata.name + (p.metadata.deletionTimestamp ? '*' : ''));
    if (seen.at(-1)?.join() !== names.join()) seen.push(names);
  }
  return seen;
}

describe('StatefulSet ordering', () => {
  it('OrderedReady creates web-0, web-1, web-2 one at a time, each after its predecessor is Ready', () => {
    const s = session(statefulSet(3));
    const status = s.run('kubectl rollout status statefulset/web');
    expect(status.stdout).toMatch(/Waiting for 3 pods to be ready\.\.\./);
    expect(status.stdout).toMatch(
      /partitioned roll out complete: 3 new pods have been updated\.\.\.\n$/,
    );
    const pods = list(s, 'pods -l app=web');
    expect(pods.map((p) => p.metadata.name)).toEqual(['web-0', 'web-1', 'web-2']);
    const readyAt = (p: Json) =>
      (p.status.conditions as Json[]).find((c) => c.type === 'Ready')!.lastTransitionTime;
    for (let i = 1; i < 3; i++) {
      expect(pods[i].metadata.creationTimestamp >= readyAt(pods[i - 1])).toBe(true);
      expect(pods[i].metadata.creationTimestamp > pods[i - 1].metadata.creationTimestamp).toBe(
        true,
      );
    }
    expect(pods.map((p) => p.metadata.labels['statefulset.kubernetes.io/pod-name'])).toEqual([
      'web-0',
      'web-1',
      'web-2',
    ]);
    expect(pods.map((p) => p.metadata.labels['apps.kubernetes.io/pod-index'])).toEqual([
      '0',
      '1',
      '2',
    ]);
    expect(s.eventMessages('SuccessfulCreate', 'StatefulSet')).toEqual([
      'create Pod web-0 in StatefulSet web successful',
      'create Pod web-1 in StatefulSet web successful',
      'create Pod web-2 in StatefulSet web successful',
    ]);
  });

  it('scales down in reverse order, each pod gone before the next is deleted', () => {
    const s = session(statefulSet(3) + 'kubectl rollout status statefulset/web\n');
    s.run('kubectl scale statefulset web --replicas=0');
    const seen = watchPods(
      s,
      () =>
        s.sim.store.list('Pod', { namespace: 'default', labelSelector: 'app=web' }).length === 0,
    );
    expect(seen).toEqual([
      ['web-0', 'web-1', 'web-2*'],
      ['web-0', 'web-1'],
      ['web-0', 'web-1*'],
      ['web-0'],
      ['web-0*'],
      [],
    ]);
    expect(s.eventMessages('SuccessfulDelete', 'StatefulSet')).toEqual([
      'delete Pod web-2 in StatefulSet web successful',
      'delete Pod web-1 in StatefulSet web successful',
      'delete Pod web-0 in StatefulSet web successful',
    ]);
  });

  it('Parallel creates all pods without waiting', () => {
    const s = session(statefulSet(3, 'Parallel') + 'sleep 1s\n');
    const pods = list(s, 'pods -l app=web');
    expect(pods.map((p) => p.metadata.name)).toEqual(['web-0', 'web-1', 'web-2']);
    expect(new Set(pods.map((p) => p.metadata.creationTimestamp)).size).toBe(1);
    expect(pods.every((p) => p.status.phase === 'Pending')).toBe(true);
  });
});

/** Steps the simulation until `done`, calling `check` after every event. */
function stepUntil(s: KubectlSession, done: () => boolean, check: () => void): void {
  const end = s.sim.now() + 10 * 60_000;
  while (!done()) {
    expect(s.sim.now()).toBeLessThan(end);
    if (!s.sim.step()) break;
    check();
  }
}

function podsOf(s: KubectlSession, selector: string) {
  return s.sim.store.list('Pod', { namespace: 'default', labelSelector: selector });
}

const isReady = (p: Json) =>
  !p.metadata.deletionTimestamp &&
  (p.status?.conditions ?? []).some((c: Json) => c.type === 'Ready' && c.status === 'True');

describe('rolling updates of DaemonSets and StatefulSets', () => {
  it('a StatefulSet updates in reverse ordinal order, one pod at a time', () => {
    const s = session(statefulSet(3) + 'kubectl rollout status statefulset/web\n');
    s.run('kubectl set image statefulset/web nginx=nginx:1.29');
    const order: string[] = [];
    stepUntil(
      s,
      () => {
        const pods = podsOf(s, 'app=web');
        return (
          pods.length === 3 &&
          pods.every((p) => isReady(p) && p.spec.containers[0].image === 'nginx:1.29')
        );
      },
      () => {
        const pods = podsOf(s, 'app=web');
        for (const p of pods)
          if (p.spec.containers[0].image === 'nginx:1.29' && !order.includes(p.metadata.name))
            order.push(p.metadata.name);
        // Never more than one pod down at a time.
        expect(3 - pods.filter(isReady).length).toBeLessThanOrEqual(1);
      },
    );
    expect(order).toEqual(['web-2', 'web-1', 'web-0']);
    s.run('sleep 2s');
    const sts = s.json('kubectl get sts web -o json');
    expect(sts.status.currentRevision).toBe(sts.status.updateRevision);
    expect(sts.status.updateRevision).toMatch(/^web-[4-9bcdf]+$/);
    expect(s.run('kubectl get controllerrevisions -l app=web').stdout).toMatch(
      /web-[4-9bcdf]+\s+statefulset\.apps\/web\s+2\s/,
    );
  });

  it("a DaemonSet replaces one node's pod at a time (maxUnavailable 1)", () => {
    const s = session(daemonSet('agent') + 'kubectl rollout status daemonset/agent\n');
    s.run('kubectl set image daemonset/agent agent=busybox:1.36');
    stepUntil(
      s,
      () => {
        const pods = podsOf(s, 'app=agent');
        return (
          pods.length === 3 &&
          pods.every((p) => isReady(p) && p.spec.containers[0].image === 'busybox:1.36')
        );
      },
      () => {
        const ready = new Set(
          podsOf(s, 'app=agent')
            .filter(isReady)
            .map((p) => p.spec.nodeName),
        );
        expect(ready.size).toBeGreaterThanOrEqual(2);
      },
    );
    const deletes = s.eventMessages('SuccessfulDelete', 'DaemonSet');
    expect(deletes).toHaveLength(3);
    expect(s.eventMessages('SuccessfulCreate', 'DaemonSet')).toHaveLength(6);
  });
});

function job(name: string, spec: string, command: string): string {
  return apply(`apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
spec:
${spec}
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: c
        image: busybox
        command: [sh, -c, "${command}"]`);
}

describe('Job', () => {
  it('fails with BackoffLimitExceeded at the 7th failed pod (backoffLimit 6), backing off 10 s doubling', () => {
    const s = session(job('fail', '  completions: 1', 'exit 1'));
    const wait = s.run('kubectl wait --for=condition=failed job/fail --timeout=20m');
    expect(wait.stdout).toBe('job.batch/fail condition met\n');
    const j = s.json('kubectl get job fail -o json');
    expect(j.spec.backoffLimit).toBe(6);
    expect(j.status.failed).toBe(7);
    expect(j.status.succeeded ?? 0).toBe(0);
    expect(j.status.conditions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'Failed',
          status: 'True',
          reason: 'BackoffLimitExceeded',
          message: 'Job has reached the specified backoff limit',
        }),
      ]),
    );
    const pods = list(s, 'pods -l job-name=fail').sort((a, b) =>
      a.metadata.creationTimestamp < b.metadata.creationTimestamp ? -1 : 1,
    );
    expect(pods).toHaveLength(7);
    for (const p of pods) {
      expect(p.status.phase).toBe('Failed');
      expect(p.status.containerStatuses[0].state.terminated).toMatchObject({
        exitCode: 1,
        reason: 'Error',
      });
    }
    // Re-creation delays 10 s × 2^(n−1) after each failure: the gaps between creations grow
    // 10, 20, 40, 80, 160, 320 s (plus the few seconds each pod runs).
    const t = pods.map((p) => Date.parse(p.metadata.creationTimestamp) / 1000);
    const gaps = t.slice(1).map((x, i) => x - t[i]);
    [10, 20, 40, 80, 160, 320].forEach((backoff, i) => {
      expect(gaps[i]).toBeGreaterThanOrEqual(backoff);
      expect(gaps[i]).toBeLessThan(backoff + 10);
    });
    expect(s.run('kubectl get job fail').stdout).toMatch(/fail\s+Failed\s+0\/1\s/);
    expect(s.eventMessages('BackoffLimitExceeded', 'Job')).toEqual([
      'Job has reached the specified backoff limit',
    ]);
  });

  it('completes 3 completions with parallelism 2: two pods at once, then a third', () => {
    const s = session(job('ok', '  completions: 3\n  parallelism: 2', 'sleep 5'));
    s.run('sleep 1s');
    expect(list(s, 'pods -l job-name=ok')).toHaveLength(2);
    expect(s.run('kubectl get job ok').stdout).toMatch(/ok\s+Running\s+0\/3\s/);
    const wait = s.run('kubectl wait --for=condition=complete job/ok --timeout=2m');
    expect(wait.stdout).toBe('job.batch/ok condition met\n');
    const pods = list(s, 'pods -l job-name=ok');
    expect(pods).toHaveLength(3);
    expect(pods.every((p) => p.status.phase === 'Succeeded')).toBe(true);
    const j = s.json('kubectl get job ok -o json');
    expect(j.status.succeeded).toBe(3);
    expect(j.status.failed ?? 0).toBe(0);
    expect(j.status.completionTime).toBeDefined();
    expect(s.run('kubectl get job ok').stdout).toMatch(/ok\s+Complete\s+3\/3\s/);
    expect(s.eventMessages('Completed', 'Job')).toEqual(['Job completed']);
  });
});

describe('Job failure policies beyond backoffLimit for restartPolicy Never', () => {
  it('OnFailure: container restarts count toward backoffLimit (pastBackoffLimitOnFailure)', () => {
    const s = session(
      apply(`apiVersion: batch/v1
kind: Job
metadata: {name: onfail}
spec:
  backoffLimit: 2
  template:
    spec:
      restartPolicy: OnFailure
      containers:
      - {name: c, image: busybox, command: [sh, -c, "exit 3"]}`),
    );
    // Restarts: the first at once, the second after the 10 s CrashLoopBackOff: 2 ≥ backoffLimit.
    expect(s.run('kubectl wait --for=condition=failed job/onfail --timeout=2m').code).toBe(0);
    const j = s.json('kubectl get job onfail -o json');
    expect(j.status.failed).toBe(1);
    const failed = (j.status.conditions as Json[]).find((c) => c.type === 'Failed')!;
    expect(failed).toMatchObject({
      status: 'True',
      reason: 'BackoffLimitExceeded',
      message: 'Job has reached the specified backoff limit',
    });
    expect(Date.parse(failed.lastTransitionTime) - Date.parse(j.status.startTime)).toBeLessThan(
      30_000,
    );
    expect(s.eventMessages('SuccessfulCreate', 'Job')).toHaveLength(1);
  });

  it('activeDeadlineSeconds: DeadlineExceeded, Failed once the pod has terminated', () => {
    const s = session(
      apply(`apiVersion: batch/v1
kind: Job
metadata: {name: deadline}
spec:
  activeDeadlineSeconds: 20
  template:
    spec:
      restartPolicy: Never
      containers:
      - {name: c, image: busybox, command: [sleep, "600"]}`),
    );
    s.run('sleep 25s');
    const j = s.json('kubectl get job deadline -o json');
    expect(j.status.conditions).toEqual([
      expect.objectContaining({
        type: 'FailureTarget',
        reason: 'DeadlineExceeded',
        message: 'Job was active longer than specified deadline',
        lastTransitionTime: '2026-01-05T09:00:20Z',
      }),
    ]);
    expect(s.run('kubectl get pods -l job-name=deadline').stdout).toMatch(/Terminating/);
    // busybox sleep ignores SIGTERM: the pod goes after the 30 s grace period, then Failed is added.
    s.run('sleep 30s');
    const done = s.json('kubectl get job deadline -o json');
    const failed = (done.status.conditions as Json[]).find((c) => c.type === 'Failed')!;
    expect(failed.reason).toBe('DeadlineExceeded');
    expect(failed.lastTransitionTime > '2026-01-05T09:00:20Z').toBe(true);
    expect(s.eventMessages('DeadlineExceeded', 'Job')).toEqual([
      'Job was active longer than specified deadline',
    ]);
  });
});

describe('CronJob', () => {
  it('creates one job per scheduled minute, named after the scheduled time', () => {
    const s = session(
      'kubectl create cronjob tick --image=busybox --schedule="*/1 * * * *" -- sh -c "echo hi"\n',
    );
    s.run('sleep 3m10s');
    // The session starts at 2026-01-05T09:00:00Z; job names carry the scheduled minute since the epoch.
    const minute = (iso: string) => Date.parse(iso) / 60_000;
    const jobs = list(s, 'jobs')
      .map((j) => j.metadata.name)
      .sort();
    expect(jobs).toEqual([
      `tick-${minute('2026-01-05T09:01:00Z')}`,
      `tick-${minute('2026-01-05T09:02:00Z')}`,
      `tick-${minute('2026-01-05T09:03:00Z')}`,
    ]);
    for (const j of list(s, 'jobs'))
      expect(j.metadata.ownerReferences[0]).toMatchObject({
        kind: 'CronJob',
        name: 'tick',
        controller: true,
      });
    expect(s.eventMessages('SuccessfulCreate', 'CronJob')).toEqual(
      jobs.map((j) => `Created job ${j}`),
    );
    const cj = s.json('kubectl get cronjob tick -o json');
    expect(cj.status.lastScheduleTime).toBe('2026-01-05T09:03:00Z');
    expect(cj.spec).toMatchObject({
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
      concurrencyPolicy: 'Allow',
      suspend: false,
    });
    // successfulJobsHistoryLimit 3: the fourth completed job removes the oldest.
    s.run('sleep 1m');
    expect(
      list(s, 'jobs')
        .map((j) => j.metadata.name)
        .sort(),
    ).toEqual([...jobs.slice(1), `tick-${minute('2026-01-05T09:04:00Z')}`]);
    expect(s.eventMessages('SawCompletedJob', 'CronJob')[0]).toBe(
      `Saw completed job: ${jobs[0]}, condition: Complete`,
    );
    expect(s.eventMessages('SuccessfulDelete', 'CronJob')).toEqual([`Deleted job ${jobs[0]}`]);
  });

  it('concurrencyPolicy Forbid skips a run while the previous job is active', () => {
    const s = session(
      apply(`apiVersion: batch/v1
kind: CronJob
metadata: {name: slow}
spec:
  schedule: "* * * * *"
  concurrencyPolicy: Forbid
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
          - {name: c, image: busybox, command: [sleep, "90"]}`),
    );
    // 09:01 starts a job that runs 90 s. 09:02 is skipped while it runs; when it completes the
    // controller syncs again and the 09:02 schedule, still unmet (no startingDeadlineSeconds),
    // starts late. 09:03 is then skipped in turn (cronjob_controllerv2.go syncCronJob).
    s.run('sleep 3m10s');
    const minute = (iso: string) => Date.parse(iso) / 60_000;
    const evs = (
      s.json('kubectl get events --field-selector involvedObject.kind=CronJob -o json')
        .items as Json[]
    ).map((e) => `${e.reason} x${e.count} ${e.message}`);
    expect(evs).toEqual([
      `SuccessfulCreate x1 Created job slow-${minute('2026-01-05T09:01:00Z')}`,
      'JobAlreadyActive x2 Not starting job because prior execution is running and concurrency policy is Forbid',
      `SawCompletedJob x1 Saw completed job: slow-${minute('2026-01-05T09:01:00Z')}, condition: Complete`,
      `SuccessfulCreate x1 Created job slow-${minute('2026-01-05T09:02:00Z')}`,
    ]);
    const active = s.json('kubectl get cronjob slow -o json').status.active as Json[];
    expect(active.map((a) => a.name)).toEqual([`slow-${minute('2026-01-05T09:02:00Z')}`]);
  });
});
