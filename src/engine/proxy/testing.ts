/**
 * Test fixtures for the networking components: a simulation with the cluster's nodes and only
 * the networking components (so other components' work cannot interfere), and pods made "running"
 * by writing their status directly, as the kubelet would.
 */
import { Simulation } from '../sim';
import { defaultClusterConfig, type ClusterConfig } from '../config';
import { EventRecorder } from '../events';
import { bootstrapCluster } from '../cluster/bootstrap';
import { rfc3339 } from '../clock';
import type { KInput, KObject } from '../api/types';
import { networkFactories } from './index';

export function networkSim(overrides: Partial<ClusterConfig> = {}): Simulation {
  const cfg = defaultClusterConfig({ seed: 1, addons: false, ...overrides });
  const sim = new Simulation(cfg);
  sim.registerExtension(new EventRecorder(sim));
  bootstrapCluster(sim.store, cfg, sim.now());
  for (const f of networkFactories) for (const c of f(sim)) sim.register(c);
  sim.startAll();
  sim.settle();
  return sim;
}

export interface PodFixture {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  ip: string;
  node?: string;
  ready?: boolean;
  ports?: { containerPort: number; name?: string }[];
  image?: string;
  hostname?: string;
  subdomain?: string;
  cpuRequest?: string;
  /** Pod start time (defaults to 10 minutes before now). */
  startedAt?: number;
  readySince?: number;
}

/** Creates a pod and writes a Running status with an IP and a Ready condition. */
export function runningPod(sim: Simulation, f: PodFixture): KObject {
  const ns = f.namespace ?? 'default';
  sim.store.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: f.name, namespace: ns, labels: f.labels ?? { app: 'web' } },
    spec: {
      nodeName: f.node ?? 'node-1',
      ...(f.hostname ? { hostname: f.hostname } : {}),
      ...(f.subdomain ? { subdomain: f.subdomain } : {}),
      containers: [
        {
          name: 'app',
          image: f.image ?? 'nginx:1.14.2',
          ports: f.ports ?? [{ containerPort: 80 }],
          ...(f.cpuRequest ? { resources: { requests: { cpu: f.cpuRequest } } } : {}),
        },
      ],
    },
  });
  return setPodStatus(sim, ns, f.name, f.ip, f.ready ?? true, f.startedAt, f.readySince);
}

export function setPodStatus(
  sim: Simulation,
  ns: string,
  name: string,
  ip: string,
  ready: boolean,
  startedAt?: number,
  readySince?: number,
): KObject {
  const now = sim.now();
  const started = startedAt ?? now - 600_000;
  return sim.store.mutate(
    'Pod',
    ns,
    name,
    (p) => {
      p.status = {
        phase: 'Running',
        podIP: ip,
        podIPs: [{ ip }],
        startTime: rfc3339(started),
        conditions: [
          {
            type: 'Ready',
            status: ready ? 'True' : 'False',
            lastTransitionTime: rfc3339(readySince ?? started),
          },
        ],
      };
    },
    { subresource: 'status' },
  );
}

export function service(
  sim: Simulation,
  name: string,
  spec: Record<string, unknown>,
  namespace = 'default',
): KObject {
  const input: KInput = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace },
    spec: {
      type: 'ClusterIP',
      selector: { app: name },
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      sessionAffinity: 'None',
      ...spec,
    },
  };
  return sim.store.create(input);
}

/** A Ready CoreDNS pod so cluster DNS answers. */
export function coredns(sim: Simulation): void {
  runningPod(sim, {
    name: 'coredns-1',
    namespace: 'kube-system',
    labels: { 'k8s-app': 'kube-dns' },
    ip: '10.244.0.2',
    node: 'control-plane',
    ports: [{ containerPort: 53 }],
  });
}
