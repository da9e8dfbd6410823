/**
 * `kubectl port-forward` in one terminal, `curl localhost:PORT` in another: the forward is kept
 * with the simulation (an extension), survives a snapshot, and ends with the command or the pod.
 */
import { describe, expect, it } from 'vitest';
import { bufferIo, runHeadless, type Session } from '../../src/engine/command';
import { createSimulation, restoreSimulation } from '../../src/engine/cluster/create';
import { defaultClusterConfig } from '../../src/engine/config';
import { runKubectl, splitCommandLine } from '../../src/engine/kubectl';
import { curl } from '../../src/engine/proxy';
import type { Simulation } from '../../src/engine/sim';
import { expectLines, transcript } from './transcript';

function kubectl(session: Session, line: string): string {
  const io = bufferIo();
  runHeadless(session.sim, runKubectl(session, splitCommandLine(line).slice(1), io));
  return io.stdout + io.stderr;
}

function curlText(sim: Simulation, url: string): string {
  const io = bufferIo();
  curl(sim, ['-s', '-S', '-o', '/dev/null', '-w', '%{http_code}', url], io);
  return io.stdout + io.stderr;
}

function setUp() {
  const sim = createSimulation(defaultClusterConfig({ seed: 1 }));
  const session: Session = { sim, namespace: 'default' };
  kubectl(session, 'kubectl create deployment web --image=nginx');
  kubectl(session, 'kubectl expose deployment web --port=8000 --target-port=80');
  kubectl(session, 'kubectl rollout status deployment/web');
  // nginx listens a moment after its container starts (kubelet/images.ts startMs).
  sim.advance(10_000);
  return { sim, session };
}

describe('kubectl port-forward', () => {
  it('forwards localhost:8080 to the pod while the command runs', () => {
    const { sim, session } = setUp();
    expect(curlText(sim, 'localhost:8080')).toBe(
      "000curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server\n",
    );
    const io = bufferIo();
    const pf = runKubectl(session, ['port-forward', 'deploy/web', '8080:80'], io);
    expect(pf.next().done).toBe(false);
    expect(io.stdout).toBe(
      'Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\n',
    );
    expect(curlText(sim, 'localhost:8080')).toBe('200');
    expect(curlText(sim, 'http://127.0.0.1:8080/')).toBe('200');
    // Ctrl-C ends the command and the forward with it.
    pf.return(130);
    expect(curlText(sim, 'localhost:8080')).toMatch(/^000curl: \(7\)/);
  });

  it('translates a service port to the target port, and a closed port is an empty reply', () => {
    const { sim, session } = setUp();
    const io = bufferIo();
    const svc = runKubectl(session, ['port-forward', 'svc/web', '9000:8000'], io);
    svc.next();
    expect(io.stdout).toBe(
      'Forwarding from 127.0.0.1:9000 -> 80\nForwarding from [::1]:9000 -> 80\n',
    );
    expect(curlText(sim, 'localhost:9000')).toBe('200');
    const closed = runKubectl(session, ['port-forward', 'deploy/web', '9001:81'], bufferIo());
    closed.next();
    expect(curlText(sim, 'localhost:9001')).toBe('000curl: (52) Empty reply from server\n');
  });

  it('survives a snapshot and does not leak into other simulations', () => {
    const { sim, session } = setUp();
    runKubectl(session, ['port-forward', 'deploy/web', '8080:80'], bufferIo()).next();
    const restored = restoreSimulation(sim.snapshot());
    expect(curlText(restored, 'localhost:8080')).toBe('200');
    const other = createSimulation(defaultClusterConfig({ seed: 1 }));
    expect(curlText(other, 'localhost:8080')).toMatch(/^000curl: \(7\)/);
  });

  it('ends with "lost connection to pod" when the pod goes away', () => {
    const { sim, session } = setUp();
    const io = bufferIo();
    const pf = runKubectl(session, ['port-forward', 'deploy/web', '8080:80'], io);
    const wait = pf.next();
    const pod = sim.store.list('Pod', { namespace: 'default' })[0];
    kubectl(session, `kubectl delete pod ${pod.metadata.name}`);
    expect(curlText(sim, 'localhost:8080')).toMatch(/^000curl: \(7\)/);
    expect(!wait.done && wait.value.until()).toBe(true);
    expect(pf.next(true)).toEqual({ done: true, value: 1 });
    expect(io.stderr).toBe('error: lost connection to pod\n');
  });

  it('reports bad ports and pods that are not running with kubectl wording', () => {
    const { session } = setUp();
    expect(kubectl(session, 'kubectl port-forward deploy/web abc:80')).toBe(
      'error: Error parsing local port \'abc\': strconv.ParseUint: parsing "abc": invalid syntax\n',
    );
    expect(kubectl(session, 'kubectl port-forward deploy/web')).toBe(
      'error: TYPE/NAME and list of ports are required for port-forward\n',
    );
  });

  it('runs as a background job in a script: `kubectl port-forward ... &` then curl', () => {
    expectLines(
      transcript(`kubectl create deployment web --image=nginx
kubectl rollout status deploy/web
sleep 10s
kubectl port-forward deploy/web 8080:80 &
curl -s -o /dev/null -w "%{http_code}\\n" localhost:8080
kubectl delete pod -l app=web
curl localhost:8080
`),
      `$ kubectl create deployment web --image=nginx
deployment.apps/web created
$ kubectl rollout status deploy/web
Waiting for deployment spec update to be observed...
Waiting for deployment "web" rollout to finish: 0 out of 1 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 0 of 1 updated replicas are available...
deployment "web" successfully rolled out
$ sleep 10s
$ kubectl port-forward deploy/web 8080:80 &
Forwarding from 127.0.0.1:8080 -> 80
Forwarding from [::1]:8080 -> 80
$ curl -s -o /dev/null -w "%{http_code}\\n" localhost:8080
200
$ kubectl delete pod -l app=web
pod "web-7957885594-sf8s8" deleted from default namespace
$ curl localhost:8080
curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server
`,
    );
  });
});
