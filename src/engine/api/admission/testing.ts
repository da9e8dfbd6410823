/** Test helpers: an API server (store + admission) holding a fresh kubeadm cluster's objects. */
import { bootstrapCluster } from '../../cluster/bootstrap';
import { defaultClusterConfig, type ClusterConfig } from '../../config';
import { Simulation } from '../../sim';
import { ApiError } from '../errors';
import type { KInput } from '../types';
import { installAdmission } from '.';

export function apiServer(overrides: Partial<ClusterConfig> = {}): Simulation {
  const cfg = defaultClusterConfig({ seed: 1, ...overrides });
  const sim = new Simulation(cfg);
  installAdmission(sim);
  bootstrapCluster(sim.store, cfg, sim.now());
  return sim;
}

/** The error a write fails with (`Error from server (<reason>): <message>`), or 'ok'. */
export function errorOf(write: () => unknown): string {
  try {
    write();
    return 'ok';
  } catch (e) {
    if (e instanceof ApiError) return `${e.reason}: ${e.message}`;
    throw e;
  }
}

export function pod(
  name: string,
  spec: Record<string, unknown> = {},
  metadata: Record<string, unknown> = {},
): KInput {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, ...metadata },
    spec: { containers: [{ name: 'web', image: 'nginx:1.27' }], ...spec },
  };
}

export function deployment(name: string, spec: Record<string, unknown> = {}): KInput {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] },
      },
      ...spec,
    },
  };
}

export function service(name: string, spec: Record<string, unknown> = {}): KInput {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name },
    spec: { selector: { app: name }, ports: [{ port: 80 }], ...spec },
  };
}
