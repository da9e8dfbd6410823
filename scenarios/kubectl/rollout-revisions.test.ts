/**
 * `kubectl rollout history|undo` for StatefulSets and DaemonSets, read from their
 * ControllerRevisions (kubectl polymorphichelpers/history.go and rollback.go).
 */
import { expect, it } from 'vitest';
import { expectLines, run, transcript } from './transcript';

const STS = `kubectl apply -f - <<EOF
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: web
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
EOF
`;

it('lists StatefulSet revisions with their change-cause and rolls back to the previous one', () => {
  const script = `${STS}sleep 60s
kubectl annotate sts/web kubernetes.io/change-cause="image 1.26"
kubectl set image statefulset/web nginx=nginx:1.26
sleep 60s
kubectl rollout history statefulset/web
kubectl rollout history statefulset/web --revision=1
kubectl rollout undo statefulset/web
sleep 60s
kubectl rollout history statefulset/web
kubectl get sts web -o jsonpath='{.spec.template.spec.containers[0].image}{"\\n"}'
kubectl rollout undo statefulset/web --to-revision=3
kubectl rollout undo statefulset/web --to-revision=7
`;
  const out = transcript(script);
  expectLines(
    out.slice(out.indexOf('$ kubectl rollout history')),
    `$ kubectl rollout history statefulset/web
statefulset.apps/web 
REVISION  CHANGE-CAUSE
1         <none>
2         image 1.26

$ kubectl rollout history statefulset/web --revision=1
statefulset.apps/web with revision #1
Pod Template:
  Labels:	app=web
  Containers:
   nginx:
    Image:	nginx:1.25
    Port:	<none>
    Host Port:	<none>
    Environment:	<none>
    Mounts:	<none>
  Volumes:	<none>
  Node-Selectors:	<none>
  Tolerations:	<none>

$ kubectl rollout undo statefulset/web
statefulset.apps/web rolled back
$ sleep 60s
$ kubectl rollout history statefulset/web
statefulset.apps/web 
REVISION  CHANGE-CAUSE
2         image 1.26
3         <none>

$ kubectl get sts web -o jsonpath='{.spec.template.spec.containers[0].image}{"\\n"}'
nginx:1.25
$ kubectl rollout undo statefulset/web --to-revision=3
statefulset.apps/web skipped rollback (current template already matches revision 3)
$ kubectl rollout undo statefulset/web --to-revision=7
error: unable to find specified revision 7 in history
`,
  );
});

it('refuses to roll back a DaemonSet with one revision, and rolls one back after an update', () => {
  const single = run(`kubectl rollout undo ds/kube-proxy -n kube-system\n`);
  expect(single.err).toBe('error: no last revision to roll back to\n');
  const r =
    run(`kubectl set image ds/kube-proxy -n kube-system kube-proxy=registry.k8s.io/kube-proxy:v1.36.0
sleep 30s
kubectl rollout history daemonset/kube-proxy -n kube-system
kubectl rollout undo daemonset/kube-proxy -n kube-system
kubectl get ds kube-proxy -n kube-system -o jsonpath='{.spec.template.spec.containers[0].image}'
`);
  expect(r.err).toBe('');
  expect(r.out).toContain(
    'daemonset.apps/kube-proxy \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n',
  );
  expect(r.out).toContain('daemonset.apps/kube-proxy rolled back\n');
  expect(r.out.endsWith('registry.k8s.io/kube-proxy:v1.35.0')).toBe(true);
});

it('says there is no history for a StatefulSet the controller has not seen yet', () => {
  // No sleep: the controller has not created a revision when history runs.
  const r = run(`${STS}kubectl rollout history sts/web\n`);
  expect(r.out).toContain('statefulset.apps/web \nNo rollout history found.\n');
});
