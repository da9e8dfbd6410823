/**
 * Probes (K8S-SEMANTICS 5.4, `SetDefaults_Probe`, k/k:pkg/kubelet/prober/worker.go): the docs'
 * exec-liveness example, readiness gating Service endpoints, startup probe defaults.
 */
import { describe, expect, it } from 'vitest';
import { rows, run, type Json } from './session';

describe('pods/probe/exec-liveness.yaml', () => {
  const s = run(`kubectl apply -f https://k8s.io/examples/pods/probe/exec-liveness.yaml
sleep 30s
kubectl get pod liveness-exec
sleep 15s
kubectl get events --field-selector involvedObject.name=liveness-exec -o json
sleep 30s
kubectl get pod liveness-exec
kubectl describe pod liveness-exec
`);

  it('is healthy for the first 30 s', () => {
    expect(rows(s.out('kubectl get pod liveness-exec', 0))[0]).toEqual([
      'liveness-exec',
      '1/1',
      'Running',
      '0',
      '30s',
    ]);
  });

  it('reports Unhealthy after /tmp/healthy is removed and kills after 3 failures', () => {
    const ev = s.json('kubectl get events').items as Json[];
    const unhealthy = ev.find((e) => e.reason === 'Unhealthy')!;
    expect(unhealthy.type).toBe('Warning');
    expect(unhealthy.message).toBe(
      "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory",
    );
    expect(unhealthy.count).toBe(3);
    expect(unhealthy.involvedObject.fieldPath).toBe('spec.containers{liveness}');
    const killing = ev.find((e) => e.reason === 'Killing')!;
    expect(killing.message).toBe('Container liveness failed liveness probe, will be restarted');
  });

  it('shows RESTARTS 1 at about 75 s (sh ignores SIGTERM, so the 30 s grace period runs out)', () => {
    const [row] = rows(s.out('kubectl get pod liveness-exec', 1));
    expect(row.slice(0, 3)).toEqual(['liveness-exec', '1/1', 'Running']);
    expect(row[3]).toMatch(/^1 \(\d+s ago\)$/);
    expect(row[4]).toBe('75s');
    expect(s.out('kubectl describe')).toContain(
      'Liveness:       exec [cat /tmp/healthy] delay=5s timeout=1s period=5s #success=1 #failure=3',
    );
  });
});

const READINESS = `kubectl apply -f - <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: kubia
spec:
  replicas: 3
  selector:
    matchLabels: {app: kubia}
  template:
    metadata:
      labels: {app: kubia}
    spec:
      containers:
      - name: kubia
        image: luksa/kubia
        readinessProbe:
          exec:
            command: ["ls", "/var/ready"]
---
apiVersion: v1
kind: Service
metadata:
  name: kubia
spec:
  selector: {app: kubia}
  ports:
  - port: 80
    targetPort: 8080
EOF
sleep 30s
kubectl get pods -l app=kubia
curl kubia
kubectl get pods -l app=kubia -o jsonpath={.items[0].metadata.name}
`;

describe('readiness gates traffic', () => {
  const first = run(READINESS);
  const ready = first.out('kubectl get pods -l app=kubia -o jsonpath').trim();
  const s = run(`${READINESS}kubectl exec ${ready} -- touch /var/ready
sleep 11s
kubectl get pods -l app=kubia
kubectl get endpointslices -l kubernetes.io/service-name=kubia -o json
curl kubia
curl kubia
curl kubia
kubectl get pod ${ready} -o json
`);

  it('keeps pods without a passing readiness probe out of service', () => {
    for (const row of rows(s.out('kubectl get pods -l app=kubia\n', 0)))
      expect(row.slice(1, 3)).toEqual(['0/1', 'Running']);
    expect(s.out('curl kubia', 0)).toBe(
      "curl: (7) Failed to connect to kubia port 80 after 0 ms: Couldn't connect to server\n",
    );
  });

  it('adds the pod as a ready endpoint once the probe passes, and only it answers', () => {
    const table = rows(s.out('kubectl get pods -l app=kubia\n', 1));
    expect(table.filter((r) => r[1] === '1/1').map((r) => r[0])).toEqual([ready]);
    const endpoints = s.json('kubectl get endpointslices').items[0].endpoints as Json[];
    expect(endpoints).toHaveLength(3);
    for (const e of endpoints)
      expect(e.conditions).toEqual({
        ready: e.targetRef.name === ready,
        serving: e.targetRef.name === ready,
        terminating: false,
      });
    for (const n of [1, 2, 3]) expect(s.out('curl kubia', n)).toBe(`You've hit ${ready}\n`);
  });

  it('defaults the probe fields (SetDefaults_Probe)', () => {
    const probe = s.json(`kubectl get pod ${ready} -o json`).spec.containers[0].readinessProbe;
    expect(probe).toMatchObject({
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
  });
});

describe('startup probe', () => {
  // kubeplay/slow-start listens only 60 s after it starts: the defaults (3 × 10 s) give up first.
  const s = run(`kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: slow
spec:
  containers:
  - name: app
    image: kubeplay/slow-start
    startupProbe:
      httpGet:
        path: /
        port: 8080
    readinessProbe:
      httpGet:
        path: /
        port: 8080
---
apiVersion: v1
kind: Pod
metadata:
  name: patient
spec:
  containers:
  - name: app
    image: kubeplay/slow-start
    startupProbe:
      httpGet:
        path: /
        port: 8080
      failureThreshold: 30
EOF
sleep 15s
kubectl get pods
sleep 65s
kubectl get pods
kubectl get events --field-selector involvedObject.name=slow -o json
kubectl get pod slow -o json
`);

  it('holds the container not started and not ready while it fails', () => {
    for (const row of rows(s.out('kubectl get pods', 0)))
      expect(row.slice(1, 4)).toEqual(['0/1', 'Running', '0']);
  });

  it('restarts after failureThreshold 3 × periodSeconds 10 with the default settings', () => {
    const ev = s.json('kubectl get events').items as Json[];
    expect(ev.find((e) => e.reason === 'Killing')?.message).toBe(
      'Container app failed startup probe, will be restarted',
    );
    expect(ev.find((e) => e.reason === 'Unhealthy')?.message).toMatch(
      /^Startup probe failed: Get "http:\/\/10\.244\.\d+\.\d+:8080\/": dial tcp 10\.244\.\d+\.\d+:8080: connect: connection refused$/,
    );
    const slow = s.json('kubectl get pod slow -o json');
    expect(slow.spec.containers[0].startupProbe).toMatchObject({
      periodSeconds: 10,
      failureThreshold: 3,
      timeoutSeconds: 1,
      successThreshold: 1,
    });
    expect(slow.status.containerStatuses[0].restartCount).toBeGreaterThanOrEqual(2);
  });

  it('lets a patient startup probe (failureThreshold 30) see the app come up', () => {
    const patient = rows(s.out('kubectl get pods', 1)).find((r) => r[0] === 'patient')!;
    expect(patient.slice(1, 4)).toEqual(['1/1', 'Running', '0']);
  });
});
