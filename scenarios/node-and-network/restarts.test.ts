/**
 * Container restarts and termination: CrashLoopBackOff timing (`containerBackOffPeriod = 10s`,
 * `MaxContainerBackOff = 300s`, K8S-SEMANTICS 5.2), OOMKilled (exit 137), restartPolicy
 * Never/OnFailure phases, and the 30 s termination grace period (5.1).
 */
import { describe, expect, it } from 'vitest';
import { rows, run, secondsBetween, type Json } from './session';

describe('CrashLoopBackOff (busybox sh -c "exit 1")', () => {
  const s = run(`kubectl run crash --image=busybox:1.36 -- sh -c "exit 1"
sleep 3s
kubectl get pod crash
sleep 60s
kubectl get pod crash
kubectl get pod crash -o json
sleep 10m
kubectl get pod crash
kubectl get events --field-selector involvedObject.name=crash,reason=BackOff -o json
`);

  it('restarts at once after the first exit, then backs off', () => {
    // First exit → immediate restart (no backoff entry yet); second exit → 10 s back-off.
    expect(rows(s.out('kubectl get pod crash\n', 0))[0]).toEqual([
      'crash',
      '0/1',
      'CrashLoopBackOff',
      expect.stringMatching(/^1 \([0-3]s ago\)$/),
      '3s',
    ]);
  });

  it('waits 10 then 20 then 40 s: 3 restarts after 63 s, the last one at about 31 s', () => {
    // restarts at ≈1, 11, 31 s; the next is due at ≈71 s.
    expect(rows(s.out('kubectl get pod crash\n', 1))[0]).toEqual([
      'crash',
      '0/1',
      'CrashLoopBackOff',
      expect.stringMatching(/^3 \(3[0-3]s ago\)$/),
      '63s',
    ]);
    const cs = s.json('kubectl get pod crash -o json').status.containerStatuses[0];
    expect(cs.restartCount).toBe(3);
    expect(cs.state.waiting.reason).toBe('CrashLoopBackOff');
    expect(cs.state.waiting.message).toMatch(
      /^back-off 40s restarting failed container=crash pod=crash_default\([0-9a-f-]{36}\)$/,
    );
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
  });

  it('caps the back-off at 300 s', () => {
    // restarts at ≈1, 11, 31, 71, 151, 311, 611 s (160 → 300 capped): 7 restarts at 663 s,
    // the last about 52 s before (a 320 s back-off would have left it at 6).
    expect(rows(s.out('kubectl get pod crash\n', 2))[0]).toEqual([
      'crash',
      '0/1',
      'CrashLoopBackOff',
      expect.stringMatching(/^7 \(5\ds ago\)$/),
      '11m',
    ]);
    const backoff = s.json('kubectl get events').items[0];
    expect(backoff.type).toBe('Warning');
    expect(backoff.message).toMatch(
      /^Back-off restarting failed container crash in pod crash_default\([0-9a-f-]{36}\)$/,
    );
  });
});

describe('OOMKilled', () => {
  const s = run(`kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: leak
spec:
  containers:
  - name: leak
    image: kubeplay/leak
    resources:
      limits:
        memory: 64Mi
---
apiVersion: v1
kind: Pod
metadata:
  name: db
spec:
  containers:
  - name: mysql
    image: mysql:8.4
    env:
    - name: MYSQL_ROOT_PASSWORD
      value: secret
    resources:
      limits:
        memory: 128Mi
EOF
sleep 40s
kubectl get pod leak -o json
kubectl get pod db -o json
`);

  it('kills a container that leaks past its limit with exit 137, reason OOMKilled', () => {
    const cs = s.json('kubectl get pod leak').status.containerStatuses[0];
    expect(cs.restartCount).toBeGreaterThanOrEqual(1);
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    // 5 MiB/s from a few MiB up to 64 MiB: about 12 s of life.
    const t = cs.lastState.terminated;
    const lived = secondsBetween(t.startedAt, t.finishedAt);
    expect(lived).toBeGreaterThanOrEqual(10);
    expect(lived).toBeLessThanOrEqual(13);
  });

  it('kills mysql under a 128Mi limit as soon as it allocates its working set', () => {
    const cs = s.json('kubectl get pod db').status.containerStatuses[0];
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    expect(cs.restartCount).toBeGreaterThanOrEqual(2);
    expect(cs.ready).toBe(false);
  });
});

describe('restartPolicy', () => {
  const s = run(`kubectl run never-fails --image=busybox:1.36 --restart=Never -- sh -c "exit 2"
kubectl run never-ok --image=busybox:1.36 --restart=Never -- sh -c "echo hi"
kubectl run onfailure --image=busybox:1.36 --restart=OnFailure -- sh -c "exit 3"
kubectl run onfailure-ok --image=busybox:1.36 --restart=OnFailure -- sh -c "exit 0"
sleep 15s
kubectl get pods
kubectl get pods -o json
`);
  const pods: Record<string, Json> = Object.fromEntries(
    (s.json('kubectl get pods -o json').items as Json[]).map((p) => [p.metadata.name, p]),
  );

  it.each([
    ['never-fails', 'Failed', 'Error', 2],
    ['never-ok', 'Succeeded', 'Completed', 0],
    ['onfailure-ok', 'Succeeded', 'Completed', 0],
  ])('%s ends in phase %s (%s, exit %i)', (name, phase, reason, exitCode) => {
    const p = pods[name];
    expect(p.status.phase).toBe(phase);
    const cs = p.status.containerStatuses[0];
    expect(cs.state.terminated).toMatchObject({ reason, exitCode });
    expect(cs.restartCount).toBe(0);
    expect(s.out('kubectl get pods\n')).toMatch(new RegExp(`${name}\\s+0/1\\s+${reason}\\s+0\\s`));
  });

  it('restarts an OnFailure container that exits non-zero (phase stays Running)', () => {
    const p = pods.onfailure;
    expect(p.status.phase).toBe('Running');
    expect(p.status.containerStatuses[0].restartCount).toBeGreaterThanOrEqual(2);
    expect(p.status.containerStatuses[0].lastState.terminated.exitCode).toBe(3);
  });
});

describe('graceful termination', () => {
  const s = run(`kubectl run web --image=nginx:1.27
kubectl run sleeper --image=busybox:1.36 -- sh -c 'sleep 3600'
kubectl run quick --image=busybox:1.36 -- sh -c 'sleep 3600'
sleep 20s
kubectl delete pod web
kubectl delete pod sleeper --wait=false
sleep 1s
kubectl get pod sleeper
sleep 27s
kubectl get pod sleeper
sleep 3s
kubectl get pod sleeper
kubectl get events --field-selector involvedObject.name=sleeper,reason=Killing -o json
kubectl delete pod quick --grace-period=5 --wait=false
sleep 4s
kubectl get pod quick
sleep 2s
kubectl get pod quick
`);

  it('deletes nginx quickly (it exits on SIGQUIT at once)', () => {
    expect(s.out('kubectl delete pod web')).toBe('pod "web" deleted from default namespace\n');
    const killing = s.sim.store
      .list('Event', { namespace: 'default' })
      .find((e) => e.involvedObject?.name === 'web' && e.reason === 'Killing');
    expect(killing?.message).toBe('Stopping container web');
  });

  it('keeps a shell that ignores SIGTERM Terminating for the 30 s grace period', () => {
    expect(s.out('kubectl get pod sleeper', 0)).toMatch(/sleeper\s+\d\/1\s+Terminating\s+0\s+21s/);
    expect(s.out('kubectl get pod sleeper', 1)).toMatch(/sleeper\s+\d\/1\s+Terminating\s+0\s+48s/);
    expect(s.out('kubectl get pod sleeper', 2)).toBe(
      'Error from server (NotFound): pods "sleeper" not found\n',
    );
    expect(s.json('kubectl get events').items[0].message).toBe('Stopping container sleeper');
  });

  it('honours --grace-period=5', () => {
    expect(s.out('kubectl get pod quick', 0)).toMatch(/quick\s+\d\/1\s+Terminating/);
    expect(s.out('kubectl get pod quick', 1)).toBe(
      'Error from server (NotFound): pods "quick" not found\n',
    );
  });
});
