import { describe, expect, it } from 'vitest';
import type { KInput } from '../../api/types';
import { bareSim, eventMessages, FakeKubelet, install, pods } from '../testing';
import { StatefulSetController } from './statefulset';

function sts(replicas: number, extra: Record<string, unknown> = {}): KInput {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      replicas,
      serviceName: 'nginx',
      selector: { matchLabels: { app: 'nginx' } },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
      },
      volumeClaimTemplates: [
        {
          metadata: { name: 'www' },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
        },
      ],
      ...extra,
    },
  };
}

function setup(readyAfter = 5000) {
  const sim = bareSim();
  install(sim, new StatefulSetController(sim));
  sim.register(new FakeKubelet(sim, () => readyAfter));
  const order: string[] = [];
  sim.store.watch(['Pod'], (e) => {
    if (e.type === 'ADDED') order.push(`+${e.object.metadata.name}`);
    if (e.type === 'DELETED') order.push(`-${e.object.metadata.name}`);
  });
  return { sim, order };
}

describe('StatefulSet controller', () => {
  it('creates web-0, web-1, web-2 one at a time, each after its predecessor is Running and Ready', () => {
    const { sim, order } = setup();
    sim.store.create(sts(3));
    sim.advance(1000);
    expect(pods(sim).map((p) => p.metadata.name)).toEqual(['web-0']);
    sim.runUntilIdle();
    expect(order).toEqual(['+web-0', '+web-1', '+web-2']);
    const p = sim.store.get('Pod', 'default', 'web-1')!;
    expect(p.metadata.labels).toMatchObject({
      'statefulset.kubernetes.io/pod-name': 'web-1',
      'apps.kubernetes.io/pod-index': '1',
    });
    expect(p.metadata.labels?.['controller-revision-hash']).toMatch(/^web-[4-9bcdf]+$/);
    expect(p.spec).toMatchObject({ hostname: 'web-1', subdomain: 'nginx' });
    expect(p.spec.volumes).toEqual([
      { name: 'www', persistentVolumeClaim: { claimName: 'www-web-1' } },
    ]);
    expect(
      sim.store.list('PersistentVolumeClaim', { namespace: 'default' }).map((c) => c.metadata.name),
    ).toEqual(['www-web-0', 'www-web-1', 'www-web-2']);
    expect(eventMessages(sim, 'SuccessfulCreate')).toContain(
      'create Pod web-0 in StatefulSet web successful',
    );
    expect(eventMessages(sim, 'SuccessfulCreate')).toContain(
      'create Claim www-web-0 Pod web-0 in StatefulSet web success',
    );
    const st = sim.store.get('StatefulSet', 'default', 'web')!.status;
    expect(st).toMatchObject({
      replicas: 3,
      readyReplicas: 3,
      currentReplicas: 3,
      updatedReplicas: 3,
    });
    expect(st.currentRevision).toBe(st.updateRevision);
  });

  it('scales down in reverse ordinal order, keeping the claims (Retain)', () => {
    const { sim, order } = setup();
    sim.store.create(sts(3));
    sim.runUntilIdle();
    order.length = 0;
    sim.store.mutate('StatefulSet', 'default', 'web', (s) => (s.spec.replicas = 0));
    sim.runUntilIdle();
    expect(order).toEqual(['-web-2', '-web-1', '-web-0']);
    expect(sim.store.list('PersistentVolumeClaim', { namespace: 'default' })).toHaveLength(3);
  });

  it('Parallel creates every pod at once', () => {
    const { sim } = setup(60_000);
    sim.store.create(sts(3, { podManagementPolicy: 'Parallel' }));
    sim.advance(1000);
    expect(pods(sim)).toHaveLength(3);
  });

  it('rolls out a template change in reverse ordinal order, stopping at the partition', () => {
    const { sim, order } = setup();
    sim.store.create(
      sts(3, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } } }),
    );
    sim.runUntilIdle();
    order.length = 0;
    sim.store.mutate(
      'StatefulSet',
      'default',
      'web',
      (s) => (s.spec.template.spec.containers[0].image = 'nginx:1.28'),
    );
    sim.runUntilIdle();
    expect(order).toEqual(['-web-2', '+web-2', '-web-1', '+web-1']);
    expect(sim.store.get('Pod', 'default', 'web-0')!.spec.containers[0].image).toBe('nginx:1.27');
    expect(sim.store.get('StatefulSet', 'default', 'web')!.status).toMatchObject({
      currentReplicas: 1,
      updatedReplicas: 2,
    });
  });
});
