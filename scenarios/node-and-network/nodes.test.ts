/**
 * Nodes (K8S-SEMANTICS 6): a stopped node turns NotReady after the 50 s
 * node-monitor-grace-period, gets the unreachable taints, and its pods are evicted when their
 * 300 s toleration runs out (≈5m50s); cordon/uncordon/drain; joining nodes; kubectl top.
 */
import { describe, expect, it } from 'vitest';
import { rows, run, runScenarioText, type Json } from './session';

const WORKLOADS = `kubectl create deployment web --image=nginx:1.27 --replicas=6
kubectl expose deployment web --port=80
kubectl apply -f - <<EOF
apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  clusterIP: None
  selector: {app: db}
  ports:
  - port: 80
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 3
  podManagementPolicy: Parallel
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
EOF
sleep 40s
kubectl get pods -o json
`;

const onNode2 = (pods: Json[]) =>
  pods.filter((p) => p.spec.nodeName === 'node-2').map((p) => p.metadata.name as string);

describe('kubeplay node stop node-2', () => {
  const s = run(`${WORKLOADS}kubeplay node stop node-2
sleep 45s
kubectl get nodes
sleep 10s
kubectl get nodes
kubectl get node node-2 -o json
kubectl get pods -o json
sleep 10s
kubectl get endpointslices -l kubernetes.io/service-name=web -o json
sleep 4m30s
kubectl get pods
sleep 35s
kubectl get pods -o wide
kubectl get pods -A --field-selector spec.nodeName=node-2
kubectl get events --field-selector reason=TaintManagerEviction -o json
kubeplay node start node-2
sleep 60s
kubectl get nodes
kubectl get pods -A --field-selector spec.nodeName=node-2
`);
  const before = s.json('kubectl get pods -o json', 0).items as Json[];
  const victims = onNode2(before);

  it('keeps node-2 Ready for the first 45 s, NotReady after 50 s', () => {
    expect(victims.length).toBeGreaterThanOrEqual(2);
    expect(s.out('kubectl get nodes', 0)).toMatch(/node-2\s+Ready\s/);
    expect(s.out('kubectl get nodes', 1)).toMatch(/node-2\s+NotReady\s/);
    const node = s.json('kubectl get node node-2 -o json');
    const ready = node.status.conditions.find((c: Json) => c.type === 'Ready');
    expect(ready).toMatchObject({
      status: 'Unknown',
      reason: 'NodeStatusUnknown',
      message: 'Kubelet stopped posting node status.',
    });
    expect(node.spec.taints).toEqual([
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
      {
        key: 'node.kubernetes.io/unreachable',
        effect: 'NoExecute',
        timeAdded: expect.any(String),
      },
    ]);
  });

  it('marks its pods not Ready and takes them out of the EndpointSlice', () => {
    const pods = s.json('kubectl get pods -o json', 1).items as Json[];
    for (const p of pods.filter((x) => x.spec.nodeName === 'node-2')) {
      const ready = p.status.conditions.find((c: Json) => c.type === 'Ready');
      expect(ready.status).toBe('False');
    }
    const eps = s.json('kubectl get endpointslices').items[0].endpoints as Json[];
    for (const e of eps) expect(e.conditions.ready).toBe(e.nodeName !== 'node-2');
  });

  it('evicts them ≈5m50s after the node died, not before', () => {
    // 5m35s after the stop nothing is Terminating yet; 35 s later the victims are.
    expect(s.out('kubectl get pods\n')).not.toContain('Terminating');
    const after = s.out('kubectl get pods -o wide');
    for (const name of victims) expect(after).toMatch(new RegExp(`${name}\\s+1/1\\s+Terminating`));
    const evictions = s.json('kubectl get events --field-selector reason=TaintManagerEviction')
      .items as Json[];
    expect(evictions.map((e) => e.message).sort()).toEqual(
      victims.map((n) => `Marking for deletion Pod default/${n}`).sort(),
    );
  });

  it('replaces Deployment pods with new names and IPs on healthy nodes, not StatefulSet pods', () => {
    const table = rows(s.out('kubectl get pods -o wide'));
    const running = table.filter((r) => r[2] === 'Running');
    expect(running.filter((r) => r[0].startsWith('web-'))).toHaveLength(6);
    const oldIps = new Set(before.map((p) => p.status.podIP));
    for (const r of running) {
      expect(r[6]).not.toBe('node-2');
      if (!before.some((p) => p.metadata.name === r[0])) expect(oldIps.has(r[5])).toBe(false);
    }
    const dbOnNode2 = victims.filter((n) => n.startsWith('db-'));
    for (const n of dbOnNode2) expect(table.find((r) => r[0] === n)?.[2]).toBe('Terminating');
    expect(running.filter((r) => r[0].startsWith('db-'))).toHaveLength(3 - dbOnNode2.length);
  });

  it('leaves DaemonSet pods (kube-proxy) in place, and finishes the deletions when the node returns', () => {
    expect(s.out('kubectl get pods -A --field-selector spec.nodeName=node-2', 0)).toMatch(
      /kube-system\s+kube-proxy-\S+\s+1\/1\s+Running/,
    );
    expect(s.out('kubectl get nodes', 2)).toMatch(/node-2\s+Ready\s/);
    const back = rows(s.out('kubectl get pods -A --field-selector spec.nodeName=node-2', 1));
    expect(back.map((r) => r[1])).toEqual([expect.stringMatching(/^kube-proxy-/)]);
  });
});

describe('cluster.defaultTolerationSeconds: 30', () => {
  const s = runScenarioText(`apiVersion: kubeplay/v1
kind: Scenario
cluster:
  defaultTolerationSeconds: 30
steps:
  - run: |
      kubectl create deployment web --image=nginx:1.27 --replicas=3
      sleep 30s
      kubectl get pods -o json
      kubeplay node stop node-2
      sleep 75s
      kubectl get pods
      sleep 15s
      kubectl get pods
---
`);

  it('evicts after 50 s + 30 s instead of 5m50s', () => {
    const pods = s.json('kubectl get pods -o json').items as Json[];
    expect(pods[0].spec.tolerations).toContainEqual({
      key: 'node.kubernetes.io/unreachable',
      operator: 'Exists',
      effect: 'NoExecute',
      tolerationSeconds: 30,
    });
    const victims = onNode2(pods);
    expect(victims.length).toBeGreaterThan(0);
    expect(s.out('kubectl get pods\n', 0)).not.toContain('Terminating');
    for (const name of victims)
      expect(s.out('kubectl get pods\n', 1)).toMatch(new RegExp(`${name}\\s+1/1\\s+Terminating`));
  });
});

describe('cordon, drain and new nodes', () => {
  const s = run(`kubectl create deployment web --image=nginx:1.27 --replicas=3
kubectl apply -f - <<EOF
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  minAvailable: 3
  selector:
    matchLabels: {app: web}
EOF
kubectl run bare --image=nginx:1.27 --overrides='{"spec":{"nodeName":"node-1"}}'
sleep 20s
kubectl get pods -o wide
kubectl cordon node-1
kubectl cordon node-1
kubectl get nodes
kubectl uncordon node-1
kubectl drain node-1 --ignore-daemonsets --timeout=20s
kubectl drain node-1 --ignore-daemonsets --force --timeout=12s
kubectl delete pdb web
kubectl drain node-1 --ignore-daemonsets --force
kubectl get pods -A -o wide --field-selector spec.nodeName=node-1
kubeplay node add
kubectl get nodes
kubectl scale deployment web --replicas=9
sleep 20s
kubectl get pods -o wide
kubectl top nodes
kubectl top pods
`);

  it('cordons and uncordons with the real output', () => {
    expect(s.out('kubectl cordon node-1', 0)).toBe('node/node-1 cordoned\n');
    expect(s.out('kubectl cordon node-1', 1)).toBe('node/node-1 already cordoned\n');
    expect(s.out('kubectl get nodes\n', 0)).toMatch(/node-1\s+Ready,SchedulingDisabled\s/);
    expect(s.out('kubectl uncordon')).toBe('node/node-1 uncordoned\n');
  });

  it('refuses pods without a controller unless --force', () => {
    expect(s.out('kubectl drain node-1 --ignore-daemonsets --timeout=20s')).toBe(
      'node/node-1 cordoned\n' +
        'error: unable to drain node "node-1" due to error: cannot delete Pods that declare no controller (use --force to override): default/bare, continuing command...\n' +
        'There are pending nodes to be drained:\n node-1\n' +
        'error: cannot delete Pods that declare no controller (use --force to override): default/bare\n',
    );
  });

  it('retries evictions a PodDisruptionBudget refuses every 5 s', () => {
    const out = s.out('kubectl drain node-1 --ignore-daemonsets --force --timeout=12s');
    expect(out).toMatch(
      /^node\/node-1 already cordoned\nWarning: deleting Pods that declare no controller: default\/bare; ignoring DaemonSet-managed Pods: kube-system\/kube-proxy-\S+\n/,
    );
    expect(out).toMatch(
      /error when evicting pods\/"web-\S+" -n "default" \(will retry after 5s\): Cannot evict pod as it would violate the pod's disruption budget\./,
    );
    expect(out).toContain('pod/bare evicted');
  });

  it('drains once the budget is gone', () => {
    const out = s.out('kubectl drain node-1 --ignore-daemonsets --force\n');
    expect(out).toMatch(/evicting pod default\/web-\S+\n/);
    expect(out).toMatch(/pod\/web-\S+ evicted\n/);
    expect(out.endsWith('node/node-1 drained\n')).toBe(true);
    const left = rows(s.out('kubectl get pods -A -o wide --field-selector spec.nodeName=node-1'));
    expect(left.map((r) => r[1])).toEqual([expect.stringMatching(/^kube-proxy-/)]);
  });

  it('schedules pods on a node that joins, not on the cordoned one', () => {
    expect(s.out('kubectl get nodes\n', 1)).toMatch(/node-4\s+Ready\s+<none>\s+0s\s+v1\.35\.0/);
    const table = rows(s.out('kubectl get pods -o wide', -1));
    expect(table).toHaveLength(9);
    expect(table.some((r) => r[6] === 'node-4')).toBe(true);
    expect(table.some((r) => r[6] === 'node-1')).toBe(false);
  });

  it('reports node and pod usage in kubectl top', () => {
    const nodes = rows(s.out('kubectl top nodes'));
    expect(nodes.map((r) => r[0])).toEqual([
      'control-plane',
      'node-1',
      'node-2',
      'node-3',
      'node-4',
    ]);
    for (const r of nodes) {
      expect(r[1]).toMatch(/^\d+m$/);
      expect(r[2]).toMatch(/^\d+%$/);
      expect(r[3]).toMatch(/^\d+Mi$/);
    }
    const pods = rows(s.out('kubectl top pods'));
    expect(pods).toHaveLength(9);
    for (const r of pods) expect(r[2]).toMatch(/^[1-9]\d*Mi$/);
  });
});
