/**
 * Scenario tests for the foundation: scripts run through the headless runner, asserting on what
 * kubectl prints (JSON with real field paths where possible).
 */
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../src/engine/command';
import { runScript, runText } from '../src/scenario/run';
import { DEFAULT_SCENARIO } from '../src/scenario/default';

const KUBIA_RS = `kubectl apply -f - <<EOF
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: kubia
spec:
  replicas: 3
  selector:
    matchLabels:
      app: kubia
  template:
    metadata:
      labels:
        app: kubia
    spec:
      containers:
      - name: kubia
        image: luksa/kubia
EOF
sleep 30s
kubectl get pods -o json
`;

function run(script: string, seed = 1) {
  const io = bufferIo();
  const r = runScript(script, io, { seed });
  return { ...r, stdout: io.stdout, stderr: io.stderr };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

function podsJson(stdout: string): { items: Json[] } {
  const start = stdout.indexOf('{');
  return JSON.parse(stdout.slice(start)) as { items: Json[] };
}

describe('a ReplicaSet of 3 luksa/kubia replicas', () => {
  it('runs 3 pods with nodes, IPs, owner references and generated names', () => {
    const r = run(KUBIA_RS);
    expect(r.stdout).toContain('replicaset.apps/kubia created');
    const pods = podsJson(r.stdout).items;
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.status.phase).toBe('Running');
      expect(p.spec.nodeName).toMatch(/^node-[123]$/);
      expect(p.status.podIP).toMatch(/^10\.244\.[123]\.\d+$/);
      expect(p.metadata.ownerReferences).toEqual([
        expect.objectContaining({
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: 'kubia',
          controller: true,
          blockOwnerDeletion: true,
        }),
      ]);
      expect(p.metadata.name).toMatch(/^kubia-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    }
  });

  it('prints the same bytes for the same script and seed, and other names for another seed', () => {
    const a = run(KUBIA_RS, 11);
    const b = run(KUBIA_RS, 11);
    expect(a.stdout).toBe(b.stdout);
    expect(a.traceHash).toBe(b.traceHash);
    const c = run(KUBIA_RS, 12);
    const names = (s: string) =>
      podsJson(s)
        .items.map((p) => p.metadata.name as string)
        .sort();
    expect(names(c.stdout)).not.toEqual(names(a.stdout));
  });
});

describe('the default cluster', () => {
  it('shows the kube-system pods of a fresh kubeadm cluster', () => {
    const r = run('kubectl get pods -A\n');
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    const rows = lines.slice(1).map((l) => l.split(/\s+/));
    const names = rows.map((row) => row[1]);
    for (const n of [
      'etcd-control-plane',
      'kube-apiserver-control-plane',
      'kube-controller-manager-control-plane',
      'kube-scheduler-control-plane',
    ]) {
      expect(names).toContain(n);
    }
    expect(
      names.filter((n) => /^coredns-[4-9bcdf]{1,10}-[bcdfghjklmnpqrstvwxz2456789]{5}$/.test(n)),
    ).toHaveLength(2);
    expect(
      names.filter((n) => /^kube-proxy-[bcdfghjklmnpqrstvwxz2456789]{5}$/.test(n)),
    ).toHaveLength(4);
    for (const row of rows) {
      expect(row[0]).toBe('kube-system');
      expect(row[3]).toBe('Running');
    }
  });

  it('lists the nodes with roles and versions', () => {
    const r = run('kubectl get nodes\n');
    expect(r.stdout).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\n/);
    expect(r.stdout).toMatch(/control-plane\s+Ready\s+control-plane\s+5m\d*s?\s+v1\.35\.0/);
    expect(r.stdout).toMatch(/node-1\s+Ready\s+<none>/);
  });
});

describe('malformed YAML', () => {
  it('names the line and applies nothing from the broken document', () => {
    const r = run(`kubectl apply -f - <<EOF
apiVersion: v1
kind: ConfigMap
metadata:
  name: good
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: broken
 data: x
EOF
kubectl get configmaps
`);
    expect(r.stdout).toContain('configmap/good created');
    expect(r.stderr).toMatch(/line \d+/);
    expect(r.stdout).not.toContain('broken');
  });
});

describe('the default scenario', () => {
  it('runs headless with a stable trace hash', () => {
    const a = runText(DEFAULT_SCENARIO, 'default.yaml', bufferIo());
    const b = runText(DEFAULT_SCENARIO, 'default.yaml', bufferIo());
    expect('traceHash' in a && 'traceHash' in b && a.traceHash === b.traceHash).toBe(true);
  });
});
