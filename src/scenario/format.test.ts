import { describe, expect, it } from 'vitest';
import { parseScenario } from './format';
import { DEFAULT_SCENARIO } from './default';

const header = (body: string) => `apiVersion: kubeplay/v1\nkind: Scenario\n${body}`;

describe('parseScenario', () => {
  it('parses the default scenario', () => {
    const r = parseScenario(DEFAULT_SCENARIO);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = r.scenario;
    expect(s.title.ko).toBe('안녕하세요, Kubeplay');
    expect(s.config.nodes.map((n) => n.name)).toEqual([
      'control-plane',
      'node-1',
      'node-2',
      'node-3',
    ]);
    expect(s.config.seed).toBe(7);
    expect(s.steps[0]).toMatchObject({
      at: 20_000,
      run: 'kubeplay traffic start kubia --rate 2/s',
    });
    expect(s.manifests).toContain('kind: Deployment');
    expect(s.manifests).not.toContain('kind: Scenario');
    expect(DEFAULT_SCENARIO.split('\n')[s.manifestsLine - 1]).toBe('---');
  });

  it('treats text without a header as manifests on the default cluster', () => {
    const r = parseScenario('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n');
    expect(r.ok && r.scenario.hasHeader).toBe(false);
    expect(r.ok && r.scenario.config.nodes).toHaveLength(4);
  });

  it('reads the cluster shape', () => {
    const r = parseScenario(
      header(`cluster:
  proxyMode: iptables
  defaultTolerationSeconds: 60
  nodes:
    - name: cp
      role: control-plane
    - name: big
      cpu: 16
      memory: 64Gi
      labels: {disktype: ssd}
      taints: [{key: dedicated, value: db, effect: NoSchedule}]
`),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const c = r.scenario.config;
    expect(c.proxyMode).toBe('random');
    expect(c.defaultTolerationSeconds).toBe(60);
    expect(c.nodes[0]).toMatchObject({
      name: 'cp',
      controlPlane: true,
      taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
    });
    expect(c.nodes[1]).toMatchObject({
      cpu: '16',
      memory: '64Gi',
      labels: { disktype: 'ssd' },
      taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }],
    });
  });

  it('uses workers as a shorthand', () => {
    const r = parseScenario(header('cluster:\n  workers: 5\n'));
    expect(r.ok && r.scenario.config.nodes.map((n) => n.name)).toEqual([
      'control-plane',
      'node-1',
      'node-2',
      'node-3',
      'node-4',
      'node-5',
    ]);
  });

  it.each([
    ['seed: -1\n', 3, 'seed: must be an integer'],
    ['speed: 500\n', 3, 'speed: must be a number from 0.25 to 50'],
    ['colour: red\n', 3, 'colour: unknown field "colour"'],
    [
      'cluster:\n  nodes:\n    - name: Node_1\n',
      5,
      'cluster.nodes.0.name: must be a lowercase RFC 1123 name',
    ],
    [
      'cluster:\n  nodes:\n    - name: a\n      memory: lots\n',
      6,
      'cluster.nodes.0.memory: must be a memory quantity',
    ],
    ['cluster:\n  proxyMode: userspace\n', 4, 'cluster.proxyMode: must be one of'],
    ['steps:\n  - at: soon\n    run: kubectl get pods\n', 4, 'steps.0.at: must be a duration'],
    ['steps:\n  - note: hi\n', 4, 'steps.0: needs `run`'],
  ])('reports %j at line %i', (body, line, message) => {
    const r = parseScenario(header(body));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0].message).toContain(message);
    expect(r.errors[0].line).toBe(line);
  });

  it('reports a YAML syntax error in the header with its line', () => {
    const r = parseScenario('apiVersion: kubeplay/v1\nkind: Scenario\ntitle: [oops\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].line).toBeGreaterThanOrEqual(3);
  });

  it('bounds the cluster size', () => {
    const nodes = Array.from({ length: 51 }, (_, i) => `    - name: n${i}`).join('\n');
    const r = parseScenario(header(`cluster:\n  nodes:\n${nodes}\n`));
    expect(r.ok).toBe(false);
  });
});
