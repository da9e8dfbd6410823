import { describe, expect, it } from 'vitest';
import { getPod, podOn, testSim } from './testutil';
import { podHttp } from './http';
import { execInContainer, containerLogs } from './exec';
import { podUsage } from './metrics';
import { HTTPD_INDEX, NGINX_INDEX } from './images/content';
import { restoreSimulation } from '../cluster/create';

function running(sim: ReturnType<typeof testSim>, name: string) {
  sim.runUntil(() => getPod(sim, name)?.status?.phase === 'Running', sim.now() + 60_000);
  sim.advance(2_000);
  return getPod(sim, name)!;
}

describe('what containers answer', () => {
  it.each([
    ['nginx:1.27', 80, NGINX_INDEX],
    ['httpd:2.4', 80, HTTPD_INDEX],
    ['luksa/kubia', 8080, "You've hit p\n"],
  ])('%s on port %d', (image, port, body) => {
    const sim = testSim();
    sim.store.create(podOn('node-1', 'p', { containers: [{ name: 'c', image }] }));
    const pod = running(sim, 'p');
    expect(podHttp(sim, pod, port, '/')).toEqual({
      kind: 'response',
      status: 200,
      body,
      container: 'c',
    });
    expect(podHttp(sim, pod, 9999, '/')).toEqual({ kind: 'refused' });
  });

  it('serves files written with kubectl exec, and logs the access', () => {
    const sim = testSim();
    sim.store.create(podOn('node-1', 'p', { containers: [{ name: 'c', image: 'nginx:1.27' }] }));
    const pod = running(sim, 'p');
    expect(
      execInContainer(sim, pod, 'c', ['sh', '-c', 'echo hi > /usr/share/nginx/html/x.html']),
    ).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(podHttp(sim, pod, 80, '/x.html')).toMatchObject({ status: 200, body: 'hi\n' });
    expect(podHttp(sim, pod, 80, '/nope')).toMatchObject({ status: 404 });
    expect(containerLogs(sim, pod, 'c')!.at(-1)).toMatch(
      /"GET \/nope HTTP\/1\.1" 404 \d+ "-" "curl\/8\.11\.1" "-"$/,
    );
    expect(execInContainer(sim, pod, 'c', ['cat', '/etc/hostname']).stdout).toBe('p\n');
    expect(execInContainer(sim, pod, 'c', ['nginx-debug']).exitCode).toBe(1);
  });

  it('ConfigMap volumes are files; PVC data survives the pod', () => {
    const sim = testSim({ addons: true });
    sim.store.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cfg', namespace: 'default' },
      data: { 'app.conf': 'color=blue\n' },
    });
    sim.store.create({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data', namespace: 'default' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
    });
    sim.advance(3_000);
    expect(sim.store.get('PersistentVolumeClaim', 'default', 'data')!.status.phase).toBe('Bound');
    const spec = {
      volumes: [
        { name: 'cfg', configMap: { name: 'cfg' } },
        { name: 'data', persistentVolumeClaim: { claimName: 'data' } },
      ],
      containers: [
        {
          name: 'c',
          image: 'busybox:1.36',
          command: ['sleep', '3600'],
          volumeMounts: [
            { name: 'cfg', mountPath: '/etc/app' },
            { name: 'data', mountPath: '/data' },
          ],
        },
      ],
    };
    sim.store.create(podOn('node-1', 'a', spec));
    const a = running(sim, 'a');
    expect(execInContainer(sim, a, 'c', ['cat', '/etc/app/app.conf']).stdout).toBe('color=blue\n');
    expect(execInContainer(sim, a, 'c', ['sh', '-c', 'echo saved > /data/f']).exitCode).toBe(0);
    sim.store.delete('Pod', 'default', 'a', { gracePeriodSeconds: 0 });
    sim.advance(1_000);
    sim.store.create(podOn('node-2', 'b', spec));
    const b = running(sim, 'b');
    expect(execInContainer(sim, b, 'c', ['cat', '/data/f']).stdout).toBe('saved\n');
  });

  it('CPU per request, capped at the limit (throttled)', () => {
    const sim = testSim();
    sim.store.create(
      podOn('node-1', 'php', {
        containers: [
          {
            name: 'php-apache',
            image: 'registry.k8s.io/hpa-example',
            resources: { limits: { cpu: '500m' } },
          },
        ],
      }),
    );
    const pod = running(sim, 'php');
    expect(podUsage(sim, pod)!.total).toEqual({ cpu: 1, memory: 10 * 2 ** 20 });
  });

  it('a restored simulation continues identically', () => {
    const sim = testSim();
    sim.store.create(
      podOn('node-1', 'c', {
        containers: [
          {
            name: 'c',
            image: 'busybox:1.36',
            command: ['sh', '-c', 'i=0; while true; do echo $i; i=$((i+1)); sleep 2; done'],
          },
        ],
      }),
    );
    sim.advance(5_000);
    const copy = restoreSimulation(sim.snapshot());
    sim.advance(10_000);
    copy.advance(10_000);
    expect(containerLogs(copy, getPod(copy, 'c')!, 'c')).toEqual(
      containerLogs(sim, getPod(sim, 'c')!, 'c'),
    );
  });
});
