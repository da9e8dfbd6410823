/**
 * The HorizontalPodAutoscaler walkthrough (https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale-walkthrough/):
 * desired = ceil(current × usage / target) outside a 0.1 tolerance
 * (k/k:pkg/controller/podautoscaler/replica_calculator.go), scale-up limited to
 * max(100 %, 4 pods) per 15 s, scale-down only after the 300 s stabilization window
 * (autoscaling/v2 HPAScalingRules defaults).
 */
import { describe, expect, it } from 'vitest';
import { rows, run, type Json } from './session';

describe('php-apache under load', () => {
  const s = run(`kubectl apply -f https://k8s.io/examples/application/php-apache.yaml
kubectl autoscale deployment php-apache --cpu-percent=50 --min=1 --max=10
sleep 60s
kubectl get hpa
kubeplay traffic start php-apache --rate 10/s
sleep 2m
kubectl get hpa php-apache -o json
kubectl top pods
kubeplay traffic stop php-apache
sleep 4m30s
kubectl get hpa
sleep 60s
kubectl get hpa
kubectl get events --field-selector involvedObject.kind=HorizontalPodAutoscaler,reason=SuccessfulRescale -o json
`);

  it('starts at 1 replica with 0% of the 50% target', () => {
    const [row] = rows(s.out('kubectl get hpa\n', 0));
    expect(row.slice(0, 6)).toEqual([
      'php-apache',
      'Deployment/php-apache',
      'cpu: 0%/50%',
      '1',
      '10',
      '1',
    ]);
  });

  it('scales up per ceil(current × utilization / target) and settles within the tolerance', () => {
    const hpa = s.json('kubectl get hpa php-apache -o json');
    const replicas = hpa.status.currentReplicas as number;
    const util = hpa.status.currentMetrics[0].resource.current.averageUtilization as number;
    // 10 requests/s × 50 ms of CPU ≈ 500m in all: 5 pods at ≈100m = 50 % of their 200m request.
    expect(replicas).toBe(5);
    expect(hpa.status.desiredReplicas).toBe(5);
    // Within tolerance: |usage/target − 1| ≤ 0.1 keeps the current count.
    expect(Math.abs(util / 50 - 1)).toBeLessThanOrEqual(0.1);
    const cpus = rows(s.out('kubectl top pods')).map((r) => Number(r[1].replace(/m$/, '')));
    expect(cpus).toHaveLength(5);
    for (const c of cpus) expect(c).toBeGreaterThanOrEqual(90);
  });

  it('scales up in steps the default policy allows (max(100 %, 4 pods) per 15 s)', () => {
    const ev = (s.json('kubectl get events').items as Json[]).map((e) => e.message as string);
    const sizes = ev
      .filter((m) => m.endsWith('above target'))
      .map((m) => {
        expect(m).toMatch(
          /^New size: \d+; reason: cpu resource utilization \(percentage of request\) above target$/,
        );
        return Number(/New size: (\d+)/.exec(m)![1]);
      });
    // From 1 replica: at most max(1 × 2, 1 + 4) = 5.
    expect(sizes[0]).toBeGreaterThan(1);
    expect(sizes[0]).toBeLessThanOrEqual(5);
    expect(sizes[sizes.length - 1]).toBe(5);
  });

  it('scales down only after the 300 s stabilization window', () => {
    // 4m30s after the traffic stopped the recommendation (1) is still held back...
    expect(rows(s.out('kubectl get hpa\n', 1))[0].slice(2, 6)).toEqual([
      'cpu: 0%/50%',
      '1',
      '10',
      '5',
    ]);
    // ...5m30s after, it has been applied in one step (scale-down policy: 100 % per 15 s).
    expect(rows(s.out('kubectl get hpa\n', 2))[0].slice(2, 6)).toEqual([
      'cpu: 0%/50%',
      '1',
      '10',
      '1',
    ]);
    const ev = (s.json('kubectl get events').items as Json[]).map((e) => e.message as string);
    expect(ev).toContain('New size: 1; reason: All metrics below target');
  });
});
