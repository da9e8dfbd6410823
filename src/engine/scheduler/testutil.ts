/**
 * Test helpers: a simulation with only the API store, the event recorder and the scheduler, so
 * scheduler tests run without the kubelet or controllers (pods are created directly).
 */
import { Simulation } from '../sim';
import { EventRecorder } from '../events';
import { bootstrapCluster } from '../cluster/bootstrap';
import { defaultClusterConfig, type ClusterConfig } from '../config';
import type { KInput, KObject } from '../api/types';
import { Scheduler } from './scheduler';

export function newSchedulerSim(overrides: Partial<ClusterConfig> = {}): Simulation {
  const cfg = defaultClusterConfig({ seed: 1, addons: false, ...overrides });
  const sim = new Simulation(cfg);
  sim.registerExtension(new EventRecorder(sim));
  bootstrapCluster(sim.store, cfg, sim.now());
  sim.register(new Scheduler(sim));
  sim.startAll();
  return sim;
}

export interface PodOptions {
  cpu?: string;
  memory?: string;
  priority?: number;
  nodeName?: string;
  labels?: Record<string, string>;
  image?: string;
  spec?: Record<string, unknown>;
  namespace?: string;
}

export function testPod(name: string, o: PodOptions = {}): KInput {
  const requests: Record<string, string> = {};
  if (o.cpu) requests.cpu = o.cpu;
  if (o.memory) requests.memory = o.memory;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: o.namespace ?? 'default', labels: o.labels },
    spec: {
      containers: [
        {
          name: 'app',
          image: o.image ?? 'nginx:1.27',
          resources: Object.keys(requests).length ? { requests } : {},
        },
      ],
      schedulerName: 'default-scheduler',
      ...(o.priority !== undefined ? { priority: o.priority } : {}),
      ...(o.nodeName ? { nodeName: o.nodeName } : {}),
      ...o.spec,
    },
  };
}

export function eventsFor(sim: Simulation, podName: string, reason?: string): KObject[] {
  return sim.store
    .list('Event')
    .filter((e) => e.involvedObject.name === podName && (!reason || e.reason === reason));
}

export function nodeOf(
  sim: Simulation,
  podName: string,
  namespace = 'default',
): string | undefined {
  return sim.store.get('Pod', namespace, podName)?.spec?.nodeName;
}
