/**
 * PodDisruptionBudgets against `kubectl drain` (kubectl pkg/drain, the Eviction API's 429) and the
 * garbage collector's propagation policies (orphan, background, foreground). K8S-SEMANTICS 6.
 */
import { describe, expect, it } from 'vitest';
import { apply, deploymentYaml, session, type Json, type KubectlSession } from './session';

const PDB = apply(`apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  minAvailable: 2
  selector:
    matchLabels: {app: web}`);

function webPods(s: KubectlSession): Json[] {
  return s.json('kubectl get pods -l app=web -o json').items as Json[];
}

describe('kubectl drain with a PodDisruptionBudget', () => {
  it('retries every 5 s with the API server message while the budget allows no disruption', () => {
    const s = session(
      apply(deploymentYaml('web', 2, 'nginx:1.27')) +
        'kubectl rollout status deployment/web\n' +
        PDB +
        'sleep 2s\n',
    );
    const pdb = s.json('kubectl get pdb web -o json');
    expect(pdb.status).toMatchObject({
      currentHealthy: 2,
      desiredHealthy: 2,
      disruptionsAllowed: 0,
      expectedPods: 2,
    });
    expect(s.run('kubectl get pdb').stdout).toMatch(
      /^NAME\s+MIN AVAILABLE\s+MAX UNAVAILABLE\s+ALLOWED DISRUPTIONS\s+AGE\nweb\s+2\s+N\/A\s+0\s+2s\n$/,
    );
    const pods = webPods(s);
    const node = pods[0].spec.nodeName as string;
    const victim = pods[0].metadata.name as string;
    const drain = s.run(`kubectl drain ${node} --ignore-daemonsets --timeout=12s`);
    expect(drain.code).toBe(1);
    expect(drain.stdout).toMatch(new RegExp(`^node/${node} cordoned\n`));
    expect(drain.stdout).toContain(`evicting pod default/${victim}\n`);
    const retry = `error when evicting pods/"${victim}" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.\n`;
    // Attempts at 0, 5 and 10 s inside the 12 s timeout.
    expect(drain.stderr.split(retry).length - 1).toBe(3);
    expect(drain.stderr).toContain(
      `error: unable to drain node "${node}" due to error: drain did not complete within 12s`,
    );
    expect(webPods(s).map((p) => p.metadata.name)).toContain(victim);
    expect(s.run(`kubectl get node ${node}`).stdout).toMatch(/Ready,SchedulingDisabled/);

    // Scaling up makes room in the budget: the next drain evicts the pod.
    s.run(
      'kubectl scale deployment web --replicas=3\nkubectl rollout status deployment/web\nsleep 2s',
    );
    const ok = s.run(`kubectl drain ${node} --ignore-daemonsets --timeout=60s`);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`pod/${victim} evicted\n`);
    expect(ok.stdout).toMatch(new RegExp(`node/${node} drained\n$`));
  });
});

function deploymentWithSlowPods(name: string): string {
  // busybox sleep as PID 1 ignores SIGTERM: each pod takes the full 30 s grace period to stop.
  return `kubectl create deployment ${name} --image=busybox --replicas=2 -- sleep 3600
kubectl rollout status deployment/${name}
`;
}

describe('garbage collection', () => {
  it('--cascade=orphan leaves the ReplicaSet and pods, without ownerReferences', () => {
    const s = session(
      apply(deploymentYaml('web', 2, 'nginx:1.27')) + 'kubectl rollout status deployment/web\n',
    );
    expect(s.run('kubectl delete deployment web --cascade=orphan').stdout).toMatch(
      /^deployment\.apps "web" deleted/,
    );
    s.run('sleep 10s');
    const rss = s.json('kubectl get rs -l app=web -o json').items as Json[];
    expect(rss).toHaveLength(1);
    expect(rss[0].metadata.ownerReferences ?? []).toEqual([]);
    expect(webPods(s)).toHaveLength(2);
    s.run('kubectl delete rs --all --cascade=orphan\nsleep 10s');
    const pods = webPods(s);
    expect(pods).toHaveLength(2);
    for (const p of pods) {
      expect(p.metadata.ownerReferences ?? []).toEqual([]);
      expect(p.status.phase).toBe('Running');
    }
  });

  it('the default (background) cascade removes the ReplicaSet and its pods', () => {
    const s = session(
      apply(deploymentYaml('web', 2, 'nginx:1.27')) + 'kubectl rollout status deployment/web\n',
    );
    s.run('kubectl delete deployment web\nsleep 40s');
    expect(s.json('kubectl get rs,pods -l app=web -o json').items).toEqual([]);
  });

  it('--cascade=foreground keeps the owner until its dependents are gone', () => {
    const s = session(deploymentWithSlowPods('api'));
    s.run('kubectl delete deployment api --cascade=foreground --wait=false\nsleep 5s');
    const d = s.json('kubectl get deployment api -o json');
    expect(d.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(d.metadata.deletionTimestamp).toBeDefined();
    const rs = (s.json('kubectl get rs -l app=api -o json').items as Json[])[0];
    expect(rs.metadata.deletionTimestamp).toBeDefined();
    expect(rs.metadata.finalizers).toEqual(['foregroundDeletion']);
    const pods = s.json('kubectl get pods -l app=api -o json').items as Json[];
    expect(pods).toHaveLength(2);
    for (const p of pods) expect(p.metadata.deletionTimestamp).toBeDefined();
    expect(s.run('kubectl get pods -l app=api').stdout).toMatch(/Terminating/);
    // After the 30 s grace period the pods go, then the ReplicaSet, then the Deployment.
    s.run('sleep 30s');
    expect(s.json('kubectl get deploy,rs,pods -l app=api -o json').items).toEqual([]);
  });
});
