/**
 * Image pulls as the kubelet's image manager does them (k/k:pkg/kubelet/images/image_manager.go
 * EnsureImageExists): a cached image starts at once, a first pull takes time by size, shared
 * layers are pulled once per node, and a missing tag backs off 10, 20, 40, 80, 160, 300 s
 * (`imageBackOffPeriod = 10s`, `MaxImageBackOff = 300s`, K8S-SEMANTICS 5.3).
 */
import { describe, expect, it } from 'vitest';
import { run, secondsBetween, type Json } from './session';

const on = (node: string) => `--overrides='{"spec":{"nodeName":"${node}"}}'`;

function events(json: Json, pod: string): Json[] {
  return json.items.filter((e: Json) => e.involvedObject.name === pod);
}

/** "Successfully pulled image … in 5.093s (…)" → 5.093 */
function pullSeconds(message: string): number {
  const m = /in ([\d.]+)(ms|s) \(/.exec(message);
  if (!m) throw new Error(`not a Pulled message: ${message}`);
  return Number(m[1]) / (m[2] === 'ms' ? 1000 : 1);
}

describe('image pulls', () => {
  const s = run(`kubectl run a --image=nginx:1.27 ${on('node-1')}
sleep 20s
kubectl run b --image=nginx:1.25 ${on('node-1')}
kubectl run c --image=nginx:1.25 ${on('node-2')}
kubectl run tiny --image=busybox:1.36 ${on('node-3')} -- sleep 3600
sleep 20s
kubectl run d --image=nginx:1.27 --image-pull-policy=IfNotPresent ${on('node-1')}
sleep 3s
kubectl get events -o json
kubectl get pod d -o jsonpath={.status.phase}
kubectl describe pod a
`);
  const ev = s.json('kubectl get events');
  const pulled = (pod: string) => events(ev, pod).find((e) => e.reason === 'Pulled')!;

  it('pulls an image the first time, timed by its size, with the real event wording', () => {
    // nodeName set by hand: no Scheduled event, the kubelet takes it directly.
    const reasons = events(ev, 'a').map((e) => e.reason);
    expect(reasons).toEqual(['Pulling', 'Pulled', 'Created', 'Started']);
    expect(events(ev, 'a')[0].message).toBe('Pulling image "nginx:1.27"');
    expect(pulled('a').message).toMatch(
      /^Successfully pulled image "nginx:1\.27" in [\d.]+s \([\d.]+s including waiting\)\. Image size: 72195292 bytes\.$/,
    );
    expect(events(ev, 'a')[2].message).toBe('Container created');
    expect(events(ev, 'a')[3].message).toBe('Container started');
    // 72 MB is seconds of download; busybox's 2 MB well under one.
    expect(pullSeconds(pulled('a').message)).toBeGreaterThan(2);
    expect(pullSeconds(pulled('tiny').message)).toBeLessThan(1);
  });

  it('pulls shared base layers once per node', () => {
    // nginx:1.25 shares debian:bookworm-slim with nginx:1.27 already on node-1, not on node-2.
    const sameNode = pullSeconds(pulled('b').message);
    const freshNode = pullSeconds(pulled('c').message);
    expect(sameNode).toBeLessThan(freshNode - 1);
  });

  it('starts a cached image without pulling', () => {
    expect(events(ev, 'd').map((e) => e.reason)).toEqual(['Pulled', 'Created', 'Started']);
    expect(pulled('d').message).toBe(
      'Container image "nginx:1.27" already present on machine and can be accessed by the pod',
    );
    expect(s.out('kubectl get pod d').trim()).toBe('Running');
  });

  it('prefixes container events with their fieldPath in describe (kubectl 1.35)', () => {
    expect(s.out('kubectl describe pod a')).toMatch(
      /Normal\s+Started\s+\S+\s+kubelet\s+spec\.containers\{a\}: Container started/,
    );
  });
});

describe('a tag that does not exist (nginx:1.161)', () => {
  const s = run(`kubectl run bad --image=nginx:1.161
sleep 5s
kubectl get pods
sleep 11m
kubectl get pods
kubectl get events --field-selector involvedObject.name=bad -o json
kubectl get pod bad -o jsonpath={.status.containerStatuses[0].state.waiting}
`);
  const ev = s.json('kubectl get events').items as Json[];
  const byMessage = (re: RegExp) => ev.find((e) => re.test(e.message))!;

  it('goes ErrImagePull, then ImagePullBackOff', () => {
    expect(s.out('kubectl get pods', 0)).toMatch(
      /bad\s+0\/1\s+(ErrImagePull|ImagePullBackOff)\s+0/,
    );
    expect(s.out('kubectl get pods', 1)).toMatch(/bad\s+0\/1\s+ImagePullBackOff\s+0\s+11m/);
    expect(s.json('kubectl get pod bad')).toEqual({
      reason: 'ImagePullBackOff',
      message: 'Back-off pulling image "nginx:1.161"',
    });
  });

  it('records the real event messages', () => {
    expect(byMessage(/^Failed to pull/).message).toBe(
      'Failed to pull image "nginx:1.161": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.161": failed to resolve reference "docker.io/library/nginx:1.161": docker.io/library/nginx:1.161: not found',
    );
    expect(byMessage(/^Failed to pull/).type).toBe('Warning');
    expect(byMessage(/^Error: ErrImagePull$/).reason).toBe('Failed');
    expect(byMessage(/^Back-off pulling/)).toMatchObject({ reason: 'BackOff', type: 'Normal' });
    expect(byMessage(/^Error: ImagePullBackOff$/)).toMatchObject({ reason: 'Failed' });
  });

  it('retries after 10, 20, 40, 80, 160 and 300 s', () => {
    // Attempts start at t≈0 and then once each backoff has passed since the last failure:
    // 0, 10, 30, 70, 150, 310, 610 s (+ the registry round trips): 7 pulls in 10 minutes.
    const pulling = byMessage(/^Pulling image "nginx:1\.161"$/);
    expect(pulling.count).toBe(7);
    const span = secondsBetween(pulling.firstTimestamp, pulling.lastTimestamp);
    expect(span).toBeGreaterThanOrEqual(610);
    expect(span).toBeLessThan(620);
  });
});
