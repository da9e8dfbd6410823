/**
 * Revisions, `kubectl rollout history` and `kubectl rollout undo` (client-side rollback in current
 * kubectl: kubectl pkg/polymorphichelpers/rollback.go), and revisionHistoryLimit cleanup
 * (k/k pkg/controller/deployment/sync.go cleanupDeployment). K8S-SEMANTICS 1.7 and 1.10.
 */
import { describe, expect, it } from 'vitest';
import { apply, deploymentYaml, session, type Json, type KubectlSession } from './session';

const REVISION = 'deployment.kubernetes.io/revision';

/** Three revisions: nginx:1.25 (1), nginx:1.27 (2), nginx:1.29 (3). */
function threeRevisions(extraSpec = ''): KubectlSession {
  const s = session(apply(deploymentYaml('web', 2, 'nginx:1.25', extraSpec)));
  s.run(`kubectl rollout status deployment/web
kubectl set image deployment/web nginx=nginx:1.27
kubectl rollout status deployment/web
kubectl set image deployment/web nginx=nginx:1.29
kubectl rollout status deployment/web
`);
  return s;
}

/** image → revision annotation (and revision-history) of each ReplicaSet. */
function revisions(s: KubectlSession): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rs of s.json('kubectl get rs -l app=web -o json').items as Json[]) {
    const a = rs.metadata.annotations ?? {};
    const hist = a['deployment.kubernetes.io/revision-history'];
    out[rs.spec.template.spec.containers[0].image] = a[REVISION] + (hist ? ` (${hist})` : '');
  }
  return out;
}

function image(s: KubectlSession): string {
  return s.run(`kubectl get deployment web -o jsonpath='{.spec.template.spec.containers[0].image}'`)
    .stdout;
}

describe('kubectl rollout history', () => {
  it('lists one revision per template, with CHANGE-CAUSE <none>', () => {
    const s = threeRevisions();
    expect(s.run('kubectl rollout history deployment/web').stdout).toBe(
      'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n3         <none>\n\n',
    );
    // Scaling does not create a revision.
    s.run('kubectl scale deployment web --replicas=3\nsleep 5s');
    expect(revisions(s)).toEqual({ 'nginx:1.25': '1', 'nginx:1.27': '2', 'nginx:1.29': '3' });
  });

  it('shows the pod template of one revision, and refuses an unknown one', () => {
    const s = threeRevisions();
    const r2 = s.run('kubectl rollout history deployment/web --revision=2');
    expect(r2.stdout).toMatch(/^deployment\.apps\/web with revision #2\nPod Template:\n/);
    expect(r2.stdout).toMatch(/Image:\s+nginx:1\.27\n/);
    expect(r2.stdout).toMatch(/pod-template-hash=[4-9bcdf]+/);
    const r9 = s.run('kubectl rollout history deployment/web --revision=9');
    expect(r9.stderr).toBe('error: unable to find the specified revision\n');
  });
});

describe('kubectl rollout undo', () => {
  it('rolls back to the previous revision, which becomes revision 4 (history 1, 3, 4)', () => {
    const s = threeRevisions();
    const undo = s.run('kubectl rollout undo deployment/web');
    expect(undo.stdout).toBe('deployment.apps/web rolled back\n');
    expect(image(s)).toBe('nginx:1.27');
    expect(s.run('kubectl rollout status deployment/web').code).toBe(0);
    expect(revisions(s)).toEqual({ 'nginx:1.25': '1', 'nginx:1.27': '4 (2)', 'nginx:1.29': '3' });
    expect(s.run('kubectl rollout history deployment/web').stdout).toBe(
      'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n3         <none>\n4         <none>\n\n',
    );
    expect(s.run('kubectl describe deployment web').stdout).toMatch(
      /Annotations:\s+deployment\.kubernetes\.io\/revision: 4\n/,
    );
    // The existing ReplicaSet is scaled back up: no new ReplicaSet was created.
    expect(s.json('kubectl get rs -l app=web -o json').items).toHaveLength(3);
  });

  it('goes to an explicit revision, and says when the template already matches', () => {
    const s = threeRevisions();
    expect(s.run('kubectl rollout undo deployment/web --to-revision=1').stdout).toBe(
      'deployment.apps/web rolled back\n',
    );
    expect(image(s)).toBe('nginx:1.25');
    s.run('kubectl rollout status deployment/web');
    expect(revisions(s)['nginx:1.25']).toBe('4 (1)');
    expect(s.run('kubectl rollout undo deployment/web --to-revision=4').stdout).toBe(
      'deployment.apps/web skipped rollback (current template already matches revision 4)\n',
    );
    const missing = s.run('kubectl rollout undo deployment/web --to-revision=7');
    expect(missing.stderr).toBe('error: unable to find specified revision 7 in history\n');
    expect(missing.code).toBe(1);
  });

  it('refuses to roll back a paused deployment', () => {
    const s = threeRevisions();
    expect(s.run('kubectl rollout pause deployment/web').stdout).toBe(
      'deployment.apps/web paused\n',
    );
    const undo = s.run('kubectl rollout undo deployment/web');
    expect(undo.stderr).toBe(
      "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n",
    );
    expect(image(s)).toBe('nginx:1.29');
  });
});

describe('revisionHistoryLimit', () => {
  it('keeps only the 2 newest old ReplicaSets once the rollout completes', () => {
    const s = threeRevisions('revisionHistoryLimit: 2');
    s.run(`kubectl set image deployment/web nginx=nginx:1.16.1
kubectl rollout status deployment/web
kubectl set image deployment/web nginx=nginx:1.14.2
kubectl rollout status deployment/web
sleep 5s
`);
    // Revisions 1 and 2 are deleted (lowest revisions first); 3 and 4 stay as old, 5 is current.
    expect(revisions(s)).toEqual({ 'nginx:1.29': '3', 'nginx:1.16.1': '4', 'nginx:1.14.2': '5' });
    expect(s.run('kubectl rollout history deployment/web').stdout).toBe(
      'deployment.apps/web \nREVISION  CHANGE-CAUSE\n3         <none>\n4         <none>\n5         <none>\n\n',
    );
    const old = s.run('kubectl rollout undo deployment/web --to-revision=1');
    expect(old.stderr).toBe('error: unable to find specified revision 1 in history\n');
  });

  it('with 0, keeps no old ReplicaSet at all', () => {
    const s = threeRevisions('revisionHistoryLimit: 0');
    s.run('sleep 5s');
    expect(revisions(s)).toEqual({ 'nginx:1.29': '3' });
  });
});
