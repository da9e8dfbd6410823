import { describe, expect, it, vi } from 'vitest';
import { networkSim, runningPod } from '../proxy/testing';
import { HPA_SYNC_PERIOD_MS } from './hpa-controller';
import type { Simulation } from '../sim';

/** CPU usage in millicores per pod name, read by the mocked metrics pipeline. */
const usage = vi.hoisted(() => new Map<string, number>());
vi.mock('../kubelet/metrics', () => ({
  podUsage: (_sim: unknown, pod: { metadata: { name: string } }) => {
    const cpu = usage.get(pod.metadata.name);
    return cpu === undefined ? undefined : { total: { cpu, memory: 0 }, containers: {} };
  },
}));

function setup(replicas: number, cpu: number, behavior?: unknown): Simulation {
  usage.clear();
  const sim = networkSim();
  sim.store.create({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'app', image: 'nginx' }] },
      },
    },
  });
  for (let i = 0; i < replicas; i++) {
    runningPod(sim, { name: `web-${i}`, ip: `10.244.1.${10 + i}`, cpuRequest: '100m' });
    usage.set(`web-${i}`, cpu);
  }
  sim.store.create({
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      minReplicas: 1,
      maxReplicas: 10,
      metrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } },
        },
      ],
      ...(behavior ? { behavior } : {}),
    },
  });
  return sim;
}

const replicas = (sim: Simulation) => sim.store.get('Deployment', 'default', 'web')!.spec.replicas;
const hpa = (sim: Simulation) => sim.store.get('HorizontalPodAutoscaler', 'default', 'web')!;
const cond = (sim: Simulation, type: string) =>
  hpa(sim).status.conditions.find((c: { type: string }) => c.type === type);

/** Makes the pods the deployment wants exist (no ReplicaSet controller in these tests). */
function fillPods(sim: Simulation, cpu: number) {
  for (let i = 0; i < replicas(sim); i++) {
    if (!sim.store.get('Pod', 'default', `web-${i}`))
      runningPod(sim, { name: `web-${i}`, ip: `10.244.1.${10 + i}`, cpuRequest: '100m' });
    usage.set(`web-${i}`, cpu);
  }
}

describe('HorizontalPodAutoscaler controller', () => {
  it('waits one sync period, then scales 2 → 4 at 90% of a 50% target', () => {
    const sim = setup(2, 90);
    sim.advance(HPA_SYNC_PERIOD_MS - 100);
    expect(replicas(sim)).toBe(2);
    sim.advance(200);
    expect(replicas(sim)).toBe(4); // ceil(2 × 90/50) = ceil(3.6)
    const ev = sim.store.list('Event').find((e) => e.reason === 'SuccessfulRescale')!;
    expect(ev.message).toBe(
      'New size: 4; reason: cpu resource utilization (percentage of request) above target',
    );
    expect(ev.source).toEqual({ component: 'horizontal-pod-autoscaler' });
    expect(hpa(sim).status).toMatchObject({
      currentReplicas: 2,
      desiredReplicas: 4,
      currentMetrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', current: { averageUtilization: 90, averageValue: '90m' } },
        },
      ],
    });
    expect(cond(sim, 'AbleToScale')).toMatchObject({
      status: 'True',
      reason: 'SucceededRescale',
      message: 'the HPA controller was able to update the target scale to 4',
    });
    expect(cond(sim, 'ScalingActive')).toMatchObject({
      status: 'True',
      reason: 'ValidMetricFound',
    });
    expect(cond(sim, 'ScalingLimited')).toMatchObject({
      status: 'False',
      reason: 'DesiredWithinRange',
    });
  });

  it('does nothing inside the 0.1 tolerance (54% of 50%)', () => {
    const sim = setup(2, 54);
    sim.advance(HPA_SYNC_PERIOD_MS * 3);
    expect(replicas(sim)).toBe(2);
    expect(cond(sim, 'AbleToScale')).toMatchObject({ reason: 'ReadyForNewScale' });
  });

  it('keeps the highest recommendation of the last 5 minutes before scaling down', () => {
    const sim = setup(2, 90);
    sim.advance(HPA_SYNC_PERIOD_MS + 100); // → 4
    const scaledAt = sim.now();
    fillPods(sim, 10); // load gone: 10% → recommendation ceil(4 × 0.2) = 1
    sim.advance(HPA_SYNC_PERIOD_MS);
    expect(replicas(sim)).toBe(4);
    expect(cond(sim, 'AbleToScale')).toMatchObject({ reason: 'ScaleDownStabilized' });
    sim.advanceTo(scaledAt + 300_000 - 1000);
    expect(replicas(sim)).toBe(4);
    sim.advanceTo(scaledAt + 300_000 + HPA_SYNC_PERIOD_MS);
    expect(replicas(sim)).toBe(1);
    const msgs = sim.store
      .list('Event')
      .filter((e) => e.reason === 'SuccessfulRescale')
      .map((e) => e.message);
    expect(msgs).toContain('New size: 1; reason: All metrics below target');
  });

  it('limits a scale-up to max(2 × current, 4) without behavior, and to maxReplicas', () => {
    const sim = setup(1, 500); // 500% of 50% → 10
    sim.advance(HPA_SYNC_PERIOD_MS + 100);
    expect(replicas(sim)).toBe(4);
    expect(cond(sim, 'ScalingLimited')).toMatchObject({ status: 'True', reason: 'ScaleUpLimit' });
    fillPods(sim, 500);
    sim.advance(HPA_SYNC_PERIOD_MS);
    expect(replicas(sim)).toBe(8);
    fillPods(sim, 500);
    sim.advance(HPA_SYNC_PERIOD_MS);
    expect(replicas(sim)).toBe(10);
    expect(cond(sim, 'ScalingLimited')).toMatchObject({
      status: 'True',
      reason: 'TooManyReplicas',
    });
  });

  it('applies behavior policies: scaleUp 100% or 4 pods per 15 s, whichever is larger', () => {
    const sim = setup(1, 1000, { scaleUp: { stabilizationWindowSeconds: 0 } });
    sim.advance(HPA_SYNC_PERIOD_MS + 100);
    expect(replicas(sim)).toBe(5); // max(1 + 4, ceil(1 × 2))
    fillPods(sim, 1000);
    sim.advance(HPA_SYNC_PERIOD_MS);
    expect(replicas(sim)).toBe(10); // max(5 + 4, 10) capped by maxReplicas
  });

  it('reports missing metrics as the API does and keeps the replicas', () => {
    const sim = setup(2, 90);
    usage.clear();
    sim.advance(HPA_SYNC_PERIOD_MS + 100);
    expect(replicas(sim)).toBe(2);
    const reasons = sim.store.list('Event').map((e) => `${e.type} ${e.reason}: ${e.message}`);
    expect(reasons).toEqual([
      'Warning FailedGetResourceMetric: failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API',
      'Warning FailedComputeMetricsReplicas: invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API',
    ]);
    expect(cond(sim, 'ScalingActive')).toMatchObject({
      status: 'False',
      reason: 'FailedGetResourceMetric',
    });
    expect(hpa(sim).status.currentMetrics).toEqual([{ type: '' }]);
  });

  it('does not autoscale a target scaled to zero', () => {
    const sim = setup(2, 90);
    sim.store.mutate('Deployment', 'default', 'web', (d) => {
      d.spec.replicas = 0;
    });
    sim.advance(HPA_SYNC_PERIOD_MS + 100);
    expect(replicas(sim)).toBe(0);
    expect(cond(sim, 'ScalingActive')).toMatchObject({
      status: 'False',
      reason: 'ScalingDisabled',
      message: 'scaling is disabled since the replica count of the target is zero',
    });
  });
});
