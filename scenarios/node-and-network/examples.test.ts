/**
 * Every bundled kubernetes.io example applies verbatim with
 * `kubectl apply -f https://k8s.io/examples/<path>` (no network) and runs.
 */
import { describe, expect, it } from 'vitest';
import { rows, run, type Json } from './session';

const url = (path: string) => `https://k8s.io/examples/${path}`;

describe('the bundled examples', () => {
  const s = run(`kubectl apply -f ${url('controllers/nginx-deployment.yaml')}
kubectl apply -f ${url('controllers/frontend.yaml')}
kubectl apply -f ${url('controllers/job.yaml')}
kubectl apply -f ${url('controllers/daemonset.yaml')}
kubectl apply -f ${url('service/networking/run-my-nginx.yaml')}
kubectl apply -f ${url('application/php-apache.yaml')}
kubectl apply -f ${url('pods/probe/exec-liveness.yaml')}
sleep 60s
kubectl get deploy,rs,ds,job -A -o json
kubectl get pods -A -o json
kubectl logs job/pi
curl php-apache
`);
  const objs = s.json('kubectl get deploy,rs,ds,job').items as Json[];
  const find = (kind: string, name: string) =>
    objs.find((o) => o.kind === kind && o.metadata.name === name)!;
  const pods = s.json('kubectl get pods -A -o json').items as Json[];

  it.each([
    ['controllers/nginx-deployment.yaml', 'deployment.apps/nginx-deployment created'],
    ['controllers/frontend.yaml', 'replicaset.apps/frontend created'],
    ['controllers/job.yaml', 'job.batch/pi created'],
    ['controllers/daemonset.yaml', 'daemonset.apps/fluentd-elasticsearch created'],
    ['service/networking/run-my-nginx.yaml', 'deployment.apps/my-nginx created'],
    [
      'application/php-apache.yaml',
      'deployment.apps/php-apache created\nservice/php-apache created',
    ],
    ['pods/probe/exec-liveness.yaml', 'pod/liveness-exec created'],
  ])('applies %s', (path, created) => {
    expect(s.out(`kubectl apply -f ${url(path)}`)).toBe(`${created}\n`);
  });

  it.each([
    ['Deployment', 'nginx-deployment', 3],
    ['ReplicaSet', 'frontend', 3],
    ['Deployment', 'my-nginx', 2],
    ['Deployment', 'php-apache', 1],
  ])('runs %s %s with %i ready replicas', (kind, name, n) => {
    expect(find(kind, name).status.readyReplicas).toBe(n);
  });

  it('runs the fluentd DaemonSet on all 4 nodes (it tolerates the control-plane taint)', () => {
    const ds = find('DaemonSet', 'fluentd-elasticsearch');
    expect(ds.metadata.namespace).toBe('kube-system');
    expect(ds.status).toMatchObject({ desiredNumberScheduled: 4, numberReady: 4 });
  });

  it('completes the pi Job and prints 1000 digits', () => {
    const job = find('Job', 'pi');
    expect(job.status.succeeded).toBe(1);
    expect(job.status.conditions.map((c: Json) => c.type)).toContain('Complete');
    const digits = s.out('kubectl logs job/pi').trim();
    expect(digits.startsWith('3.14159265358979323846')).toBe(true);
    expect(digits).toHaveLength(1001);
  });

  it('runs the liveness example and serves php-apache', () => {
    const live = pods.find((p) => p.metadata.name === 'liveness-exec')!;
    expect(live.status.phase).toBe('Running');
    expect(s.out('curl php-apache')).toBe('OK!');
  });

  it('has no pod stuck pulling (every image is in the simulated registry)', () => {
    for (const p of pods)
      for (const cs of p.status.containerStatuses ?? [])
        expect(cs.state.waiting?.reason ?? '').not.toMatch(/ImagePull|ErrImage/);
  });
});

describe('application/web/web.yaml (StatefulSet with volumeClaimTemplates)', () => {
  const s = run(`kubectl apply -f ${url('application/web/web.yaml')}
sleep 60s
kubectl get statefulset web
kubectl get pvc
`);

  // Containers mount the volumeClaimTemplates by name (web.yaml's `www`), which validation accepts.
  it('creates the Service and the StatefulSet with 2 ready pods and their claims', () => {
    expect(s.out('kubectl apply')).toBe('service/nginx created\nstatefulset.apps/web created\n');
    expect(rows(s.out('kubectl get statefulset web'))[0].slice(0, 2)).toEqual(['web', '2/2']);
    expect(rows(s.out('kubectl get pvc')).map((r) => [r[0], r[1]])).toEqual([
      ['www-web-0', 'Bound'],
      ['www-web-1', 'Bound'],
    ]);
  });
});
