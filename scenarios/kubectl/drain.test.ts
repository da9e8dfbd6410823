/**
 * `kubectl drain` refusals, worded and aggregated as k8s.io/kubectl pkg/cmd/drain RunDrain and
 * pkg/drain filters.go do: one `cannot delete` per reason, several as `[a, b]`, the final
 * aggregate printed one error per line (cmdutil.CheckErr), and every node cordoned first.
 */
import { describe, expect, it } from 'vitest';
import { run } from './transcript';

const SETUP = `kubectl apply -f - <<YAML
apiVersion: v1
kind: Pod
metadata:
  name: bare
spec:
  nodeName: node-1
  containers:
  - name: c
    image: nginx
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      nodeName: node-1
      volumes:
      - name: scratch
        emptyDir: {}
      containers:
      - name: c
        image: nginx
YAML
sleep 10s
`;

const BARE =
  'cannot delete Pods that declare no controller (use --force to override): default/bare';
const LOCAL =
  /cannot delete Pods with local storage \(use --delete-emptydir-data to override\): default\/web-[a-z0-9]+-[a-z0-9]{5}/;
const DS = () =>
  `cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/kube-proxy-`;

describe('kubectl drain refusals', () => {
  it('aggregates several refusals of one node', () => {
    const { out, err } = run(SETUP + 'kubectl drain node-1\n');
    expect(out).toMatch(/node\/node-1 cordoned\n$/);
    const lines = err.split('\n');
    expect(lines[0]).toMatch(
      /^error: unable to drain node "node-1" due to error: \[cannot delete /,
    );
    expect(lines[0]).toContain(BARE + ', cannot delete Pods with local storage');
    expect(lines[0]).toMatch(/kube-proxy-[a-z0-9]{5}\], continuing command\.\.\.$/);
    expect(lines[1]).toBe('There are pending nodes to be drained:');
    expect(lines[2]).toBe(' node-1');
    // The aggregate of one node's errors: each on its own line, no `error: ` prefix.
    expect(lines[3]).toBe(BARE);
    expect(lines[4]).toMatch(LOCAL);
    expect(lines[5].startsWith(DS())).toBe(true);
    expect(lines.slice(6)).toEqual(['']);
  });

  it('cordons every node first and lists each failed node', () => {
    const { out, err } = run(SETUP + 'kubectl drain node-1 node-2\n');
    expect(out).toMatch(/node\/node-1 cordoned\nnode\/node-2 cordoned\n$/);
    const lines = err.split('\n');
    expect(lines[1]).toMatch(
      /^error: unable to drain node "node-2" due to error: cannot delete DaemonSet-managed/,
    );
    expect(lines.slice(2, 5)).toEqual([
      'There are pending nodes to be drained:',
      ' node-1',
      ' node-2',
    ]);
    expect(lines[5]).toMatch(/^\[cannot delete Pods that declare no controller/);
    expect(lines[6].startsWith(DS())).toBe(true);
  });

  it('prints `error: ` before a single refusal', () => {
    const { err } = run(SETUP + 'kubectl drain node-2\n');
    expect(err).toMatch(
      /\nThere are pending nodes to be drained:\n node-2\nerror: cannot delete DaemonSet-managed Pods \(use --ignore-daemonsets to ignore\): kube-system\/kube-proxy-[a-z0-9]{5}\n$/,
    );
  });

  it('drains with the overrides; a warning of an earlier filter is dropped as kubectl drops it', () => {
    const { out, err } = run(
      SETUP +
        'kubectl drain node-1 --ignore-daemonsets --delete-emptydir-data --force --timeout=30s\n',
    );
    expect(err).toMatch(
      /^Warning: deleting Pods that declare no controller: default\/bare; ignoring DaemonSet-managed Pods: kube-system\/kube-proxy-[a-z0-9]{5}\n$/,
    );
    expect(out).toContain('evicting pod default/bare\n');
    expect(out).toMatch(/node\/node-1 drained\n$/);
  });
});
