/**
 * Commands that follow the cluster as simulated time passes: `rollout status` lines as the
 * Deployment controller progresses, and `get -w` rows (column widths only grow, as kubectl's
 * liggitt/tabwriter remembers them across flushes).
 */
import { expect, it } from 'vitest';
import { bufferIo, runHeadless, type Session } from '../../src/engine/command';
import { createSimulation } from '../../src/engine/cluster/create';
import { defaultClusterConfig } from '../../src/engine/config';
import { runKubectl, splitCommandLine } from '../../src/engine/kubectl';
import { expectLines, transcript } from './transcript';

const ROLLOUT = `kubectl create deployment web --image=nginx --replicas=2
kubectl rollout status deployment/web
kubectl set image deployment/web nginx=nginx:1.27
kubectl rollout status deployment/web
kubectl rollout history deployment/web
kubectl rollout undo deployment/web
kubectl rollout status deployment/web --timeout=1s
kubectl get rs
`;

it('prints rollout status, history, undo and a timeout as kubectl does', () => {
  expectLines(
    transcript(ROLLOUT),
    `$ kubectl create deployment web --image=nginx --replicas=2
deployment.apps/web created
$ kubectl rollout status deployment/web
Waiting for deployment spec update to be observed...
Waiting for deployment "web" rollout to finish: 0 out of 2 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 0 of 2 updated replicas are available...
deployment "web" successfully rolled out
$ kubectl set image deployment/web nginx=nginx:1.27
deployment.apps/web image updated
$ kubectl rollout status deployment/web
Waiting for deployment spec update to be observed...
Waiting for deployment "web" rollout to finish: 0 out of 2 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...
deployment "web" successfully rolled out
$ kubectl rollout history deployment/web
deployment.apps/web 
REVISION  CHANGE-CAUSE
1         <none>
2         <none>

$ kubectl rollout undo deployment/web
deployment.apps/web rolled back
$ kubectl rollout status deployment/web --timeout=1s
Waiting for deployment spec update to be observed...
Waiting for deployment "web" rollout to finish: 0 out of 2 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...
error: timed out waiting for the condition
$ kubectl get rs
NAME             DESIRED   CURRENT   READY   AGE
web-5545978884   1         1         1       11s
web-7957885594   2         1         1       16s
`,
  );
});

it('streams get -w rows as pods are created and deleted', () => {
  const sim = createSimulation(defaultClusterConfig({ seed: 1 }));
  const session: Session = { sim, namespace: 'default' };
  const k = (line: string) =>
    runHeadless(sim, runKubectl(session, splitCommandLine(line).slice(1), bufferIo()));
  k('kubectl run web --image=nginx');
  sim.advance(10_000);
  const io = bufferIo();
  const watch = runKubectl(session, ['get', 'pods', '-w'], io);
  expect(watch.next().done).toBe(false);
  k('kubectl create deployment api --image=nginx:1.27 --replicas=2');
  sim.advance(20_000);
  k('kubectl delete pod web');
  sim.advance(40_000);
  expect(watch.return(0)).toEqual({ done: true, value: 0 });
  expectLines(
    io.stdout + io.stderr,
    `NAME   READY   STATUS    RESTARTS   AGE
web    1/1     Running   0          10s
api-98f57c7bd-sf8s8   0/1     Pending   0          0s
api-98f57c7bd-m6cxz   0/1     Pending   0          0s
api-98f57c7bd-sf8s8   0/1     Pending   0          0s
api-98f57c7bd-sf8s8   0/1     Pending   0          0s
api-98f57c7bd-m6cxz   0/1     Pending   0          0s
api-98f57c7bd-m6cxz   0/1     Pending   0          0s
api-98f57c7bd-sf8s8   0/1     ContainerCreating   0          0s
api-98f57c7bd-m6cxz   0/1     ContainerCreating   0          0s
api-98f57c7bd-sf8s8   0/1     ContainerCreating   0          0s
api-98f57c7bd-m6cxz   0/1     ContainerCreating   0          0s
api-98f57c7bd-sf8s8   1/1     Running             0          5s
api-98f57c7bd-m6cxz   1/1     Running             0          5s
web                   1/1     Terminating         0          30s
web                   0/1     Terminating         0          30s
web                   0/1     Terminating         0          30s
web                   0/1     Completed           0          30s
web                   0/1     Completed           0          30s
`,
  );
});
