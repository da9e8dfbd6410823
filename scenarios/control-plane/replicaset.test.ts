/**
 * ReplicaSet ownership and scale-down victims as a kubectl session. K8S-SEMANTICS 2.1-2.3
 * (k/k pkg/controller/controller_ref_manager.go ClaimPods, controller_utils.go
 * ActivePodsWithRanks.Less).
 */
import { describe, expect, it } from 'vitest';
import { apply, session, type Json, type KubectlSession } from './session';

function rsYaml(replicas: number): string {
  return `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: kubia
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: kubia}
  template:
    metadata:
      labels: {app: kubia}
    spec:
      containers:
      - name: kubia
        image: nginx:1.27
`;
}

function bare(name: string, extra = ''): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels: {app: kubia}
spec:
  containers:
  - name: nginx
    image: nginx:1.27
${extra}`;
}

function pods(s: KubectlSession): Json[] {
  return s.json('kubectl get pods -l app=kubia -o json').items as Json[];
}

function ownerNames(p: Json): string[] {
  return ((p.metadata.ownerReferences ?? []) as Json[]).map((o) => `${o.kind}/${o.name}`);
}

function deleted(s: KubectlSession): string[] {
  return s
    .eventMessages('SuccessfulDelete', 'ReplicaSet')
    .map((m) => m.replace(/^Deleted pod: /, ''));
}

describe('adoption and release', () => {
  it('adopts a bare pod created before the ReplicaSet and creates only the remainder', () => {
    const s = session(apply(bare('bare')) + apply(rsYaml(3)) + 'sleep 10s\n');
    const list = pods(s);
    expect(list).toHaveLength(3);
    const b = list.find((p) => p.metadata.name === 'bare')!;
    expect(b.metadata.ownerReferences).toEqual([
      expect.objectContaining({
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        name: 'kubia',
        controller: true,
        blockOwnerDeletion: true,
      }),
    ]);
    expect(s.eventMessages('SuccessfulCreate', 'ReplicaSet')).toHaveLength(2);
  });

  it('adopts and deletes a bare pod created after the ReplicaSet is full', () => {
    const s = session(apply(rsYaml(3)) + 'sleep 10s\n' + apply(bare('extra')) + 'sleep 5s\n');
    expect(pods(s).filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(3);
    // The newest, not-yet-ready pod goes first.
    expect(deleted(s)).toEqual(['extra']);
  });

  it('releases a relabelled pod (ownerReferences removed) and replaces it', () => {
    const s = session(apply(rsYaml(3)) + 'sleep 10s\n');
    const victim = pods(s)[0].metadata.name as string;
    expect(s.run(`kubectl label pod ${victim} app=other --overwrite`).stdout).toBe(
      `pod/${victim} labeled\n`,
    );
    s.run('sleep 10s');
    const released = s.json(`kubectl get pod ${victim} -o json`);
    expect(released.metadata.ownerReferences ?? []).toEqual([]);
    expect(released.status.phase).toBe('Running');
    const owned = pods(s);
    expect(owned).toHaveLength(3);
    expect(owned.map((p) => p.metadata.name)).not.toContain(victim);
    for (const p of owned) expect(ownerNames(p)).toEqual(['ReplicaSet/kubia']);
    expect(s.eventMessages('SuccessfulCreate', 'ReplicaSet')).toHaveLength(4);
    // Deleting the ReplicaSet no longer takes the released pod with it.
    s.run('kubectl delete rs kubia\nsleep 40s');
    expect(s.json('kubectl get pods -o json').items.map((p: Json) => p.metadata.name)).toEqual([
      victim,
    ]);
  });
});

describe('replacing deleted pods', () => {
  it('creates a replacement while the deleted pod is still terminating (not counted as active)', () => {
    // busybox sleep ignores SIGTERM, so the deleted pod stays Terminating for its 30 s grace period.
    const s = session(`kubectl create deployment kubia --image=busybox --replicas=3 -- sleep 3600
kubectl rollout status deployment/kubia
`);
    const victim = pods(s)[0].metadata.name as string;
    s.run(`kubectl delete pod ${victim} --wait=false\nsleep 3s`);
    const now = pods(s);
    expect(now).toHaveLength(4);
    expect(now.filter((p) => p.metadata.deletionTimestamp).map((p) => p.metadata.name)).toEqual([
      victim,
    ]);
    expect(s.run('kubectl get pods -l app=kubia').stdout).toMatch(
      new RegExp(`${victim}\\s+\\d/1\\s+Terminating`),
    );
    const rs = (s.json('kubectl get rs -l app=kubia -o json').items as Json[])[0];
    expect(rs.status.replicas).toBe(3);
    expect(s.eventMessages('SuccessfulCreate', 'ReplicaSet')).toHaveLength(4);
    s.run('sleep 30s');
    expect(pods(s)).toHaveLength(3);
  });
});

describe('which pods a scale-down deletes first', () => {
  it('takes a pod from the node with the most siblings', () => {
    // 4 replicas on 3 workers: one node holds two of them.
    const s = session(apply(rsYaml(4)) + 'sleep 10s\n');
    const byNode: Record<string, string[]> = {};
    for (const p of pods(s)) (byNode[p.spec.nodeName] ??= []).push(p.metadata.name);
    const crowded = Object.values(byNode).find((names) => names.length === 2)!;
    expect(crowded).toBeDefined();
    s.run('kubectl scale rs kubia --replicas=3\nsleep 1s');
    expect(deleted(s)).toHaveLength(1);
    expect(crowded).toContain(deleted(s)[0]);
  });

  it('takes a not-ready pod before ready ones', () => {
    const probe = `    readinessProbe:
      httpGet: {path: /, port: 9999}
`;
    const s = session(apply(bare('unready', probe)) + apply(rsYaml(3)) + 'sleep 20s\n');
    const u = s.json('kubectl get pod unready -o json');
    expect(u.status.phase).toBe('Running');
    expect(ownerNames(u)).toEqual(['ReplicaSet/kubia']);
    expect((u.status.conditions as Json[]).find((c) => c.type === 'Ready')!.status).toBe('False');
    s.run('kubectl scale rs kubia --replicas=2\nsleep 1s');
    expect(deleted(s)).toEqual(['unready']);
  });

  it('takes the pod with the lowest controller.kubernetes.io/pod-deletion-cost', () => {
    const s = session(apply(rsYaml(3)) + 'sleep 10s\n');
    const names = pods(s).map((p) => p.metadata.name as string);
    // Every pod is on its own node: only the annotation can decide.
    expect(new Set(pods(s).map((p) => p.spec.nodeName)).size).toBe(3);
    s.run(`kubectl annotate pod ${names[0]} controller.kubernetes.io/pod-deletion-cost=100
kubectl annotate pod ${names[1]} controller.kubernetes.io/pod-deletion-cost=-50
kubectl annotate pod ${names[2]} controller.kubernetes.io/pod-deletion-cost=10
kubectl scale rs kubia --replicas=1
sleep 1s
`);
    expect(deleted(s).sort()).toEqual([names[1], names[2]].sort());
  });

  it('takes unscheduled (Pending) pods before running ones', () => {
    const pending = `  nodeSelector: {disktype: none}
`;
    const s = session(apply(bare('nowhere', pending)) + apply(rsYaml(3)) + 'sleep 10s\n');
    expect(s.json('kubectl get pod nowhere -o json').status.phase).toBe('Pending');
    s.run('kubectl scale rs kubia --replicas=2\nsleep 1s');
    expect(deleted(s)).toEqual(['nowhere']);
  });
});
