/**
 * Test helpers for controller tests: a bare simulation (store, events, namespaces, nodes) without
 * the other components, and the hand-made pod transitions a kubelet would perform.
 */
import { Simulation, type Component } from '../sim';
import { defaultClusterConfig } from '../config';
import { EventRecorder } from '../events';
import { namespaceObject, nodeObject, SYSTEM_NAMESPACES } from '../cluster/bootstrap';
import type { KInput, KObject } from '../api/types';
import { rfc3339 } from '../clock';
import { ReplicaSetController } from './replicaset/replicaset';
import { DeploymentController } from './deployment/deployment';
import { GarbageCollector } from './garbagecollector';

export function bareSim(opts: { nodes?: boolean } = {}): Simulation {
  const cfg = defaultClusterConfig({ seed: 1 });
  const sim = new Simulation(cfg);
  sim.registerExtension(new EventRecorder(sim));
  for (const ns of SYSTEM_NAMESPACES) sim.store.create(namespaceObject(ns));
  if (opts.nodes !== false)
    cfg.nodes.forEach((n, i) => sim.store.create(nodeObject(n, i, cfg, sim.now())));
  return sim;
}

export function install<T extends Component>(sim: Simulation, c: T): T {
  sim.register(c);
  c.start?.();
  return c;
}

/** Sets a pod Running and Ready (or not Ready) as the kubelet would. */
export function setPodReady(
  sim: Simulation,
  pod: KObject,
  ready = true,
  phase = 'Running',
): KObject {
  const now = rfc3339(sim.now());
  return sim.store.mutate(
    'Pod',
    pod.metadata.namespace,
    pod.metadata.name,
    (p) => {
      p.status = {
        ...(p.status ?? {}),
        phase,
        conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: now }],
      };
    },
    { subresource: 'status' },
  );
}

export function setPodPhase(sim: Simulation, pod: KObject, phase: string): KObject {
  return sim.store.mutate(
    'Pod',
    pod.metadata.namespace,
    pod.metadata.name,
    (p) => (p.status = { ...(p.status ?? {}), phase, conditions: [] }),
    { subresource: 'status' },
  );
}

export function pods(sim: Simulation, ns = 'default'): KObject[] {
  return sim.store.list('Pod', { namespace: ns });
}

export function eventMessages(sim: Simulation, reason?: string, ns = 'default'): string[] {
  return sim.store
    .list('Event', { namespace: ns })
    .filter((e) => !reason || e.reason === reason)
    .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
    .map((e) => e.message as string);
}

export function podTemplate(labels: Record<string, string>, image = 'nginx:1.27'): KInput {
  return {
    metadata: { labels },
    spec: { containers: [{ name: 'app', image }], restartPolicy: 'Always' },
  };
}

export function replicaSet(
  name: string,
  replicas: number,
  labels: Record<string, string> = { app: name },
): KInput {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default' },
    spec: { replicas, selector: { matchLabels: labels }, template: podTemplate(labels) },
  };
}

/**
 * A stand-in for the kubelet in controller tests: every new pod becomes Running and Ready after
 * `readyDelay(pod)` ms (never when it returns null).
 */
export class FakeKubelet implements Component {
  readonly name = 'fake-kubelet';
  constructor(
    private sim: Simulation,
    private readyDelay: (pod: KObject) => number | null = () => 0,
  ) {
    sim.store.watch(['Pod'], (e) => {
      if (e.type !== 'ADDED') return;
      const d = this.readyDelay(e.object);
      if (d !== null)
        sim.after(
          d,
          this.name,
          'ready',
          `${e.object.metadata.namespace}/${e.object.metadata.name}/${e.object.metadata.uid}`,
        );
    });
  }

  onTimer(_action: string, payload: unknown): void {
    const [ns, name, uid] = String(payload).split('/');
    const p = this.sim.store.get('Pod', ns, name);
    if (!p || p.metadata.uid !== uid || p.metadata.deletionTimestamp) return;
    setPodReady(this.sim, p);
  }
}

export function deployment(
  name: string,
  replicas: number,
  opts: { image?: string; strategy?: unknown; extra?: Record<string, unknown> } = {},
): KInput {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: podTemplate({ app: name }, opts.image),
      ...(opts.strategy ? { strategy: opts.strategy } : {}),
      ...(opts.extra ?? {}),
    },
  };
}

export function setImage(sim: Simulation, name: string, image: string): void {
  sim.store.mutate(
    'Deployment',
    'default',
    name,
    (d) => (d.spec.template.spec.containers[0].image = image),
  );
}

/** ReplicaSet + Deployment controllers, the garbage collector and a fake kubelet. */
export function workloadCluster(readyDelay: (p: KObject) => number | null = () => 0): Simulation {
  const sim = bareSim();
  install(sim, new ReplicaSetController(sim));
  install(sim, new DeploymentController(sim));
  install(sim, new GarbageCollector(sim));
  sim.register(new FakeKubelet(sim, readyDelay));
  return sim;
}
