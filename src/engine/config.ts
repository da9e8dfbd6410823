/**
 * Cluster shape. The default mirrors a fresh kubeadm cluster with one control-plane node and three
 * workers; a scenario header can change every part of it.
 */
import type { Taint } from './api/types';
import { DEFAULT_START_TIME } from './clock';

export type ProxyMode = 'rr' | 'random';

export interface NodeConfig {
  name: string;
  /** CPU cores (capacity), e.g. 4 or "4" or "3500m". */
  cpu: string;
  /** Memory capacity as a quantity, e.g. "8Gi". */
  memory: string;
  /** Maximum pods (kubelet maxPods, default 110). */
  pods: number;
  labels: Record<string, string>;
  taints: Taint[];
  controlPlane: boolean;
}

/** An image a scenario adds to the simulated registry (see kubelet/images). */
export interface ScenarioImage {
  name: string;
  sizeMB?: number;
  startSeconds?: number;
  ports?: number[];
  response?: string;
  logs?: string[];
  crash?: boolean;
  readinessFails?: boolean;
  memoryLeakMBPerMinute?: number;
}

export interface ClusterConfig {
  seed: number;
  /** Simulated epoch milliseconds at start. */
  startTime: number;
  nodes: NodeConfig[];
  proxyMode: ProxyMode;
  /** Default tolerationSeconds for not-ready/unreachable taints (DefaultTolerationSeconds admission). */
  defaultTolerationSeconds: number;
  /** node-monitor-grace-period: 50 s since v1.32 (kubernetes/kubernetes#126287). */
  nodeMonitorGracePeriodSeconds: number;
  kubernetesVersion: string;
  images: ScenarioImage[];
  /** Install kube-system add-ons (coredns, kube-proxy, static control-plane pods). */
  addons: boolean;
}

export const KUBERNETES_VERSION = 'v1.35.0';
/** kubelet maxPods default (`kubernetes/kubelet:config/v1beta1/types.go`). */
export const DEFAULT_MAX_PODS = 110;
export const DEFAULT_SEED = 1;

export const CONTROL_PLANE_TAINT: Taint = {
  key: 'node-role.kubernetes.io/control-plane',
  effect: 'NoSchedule',
};

export function workerNode(name: string, cpu = '4', memory = '8Gi'): NodeConfig {
  return { name, cpu, memory, pods: DEFAULT_MAX_PODS, labels: {}, taints: [], controlPlane: false };
}

export function controlPlaneNode(name = 'control-plane'): NodeConfig {
  return {
    name,
    cpu: '2',
    memory: '4Gi',
    pods: DEFAULT_MAX_PODS,
    labels: { 'node-role.kubernetes.io/control-plane': '' },
    taints: [{ ...CONTROL_PLANE_TAINT }],
    controlPlane: true,
  };
}

export function defaultClusterConfig(overrides: Partial<ClusterConfig> = {}): ClusterConfig {
  return {
    seed: DEFAULT_SEED,
    startTime: DEFAULT_START_TIME,
    nodes: [controlPlaneNode(), workerNode('node-1'), workerNode('node-2'), workerNode('node-3')],
    proxyMode: 'rr',
    defaultTolerationSeconds: 300,
    nodeMonitorGracePeriodSeconds: 50,
    kubernetesVersion: KUBERNETES_VERSION,
    images: [],
    addons: true,
    ...overrides,
  };
}

/** The default shape with N worker nodes (`kubeplay --nodes N`). */
export function withWorkerCount(cfg: ClusterConfig, n: number): ClusterConfig {
  const cps = cfg.nodes.filter((x) => x.controlPlane);
  const workers = Array.from({ length: n }, (_, i) => workerNode(`node-${i + 1}`));
  return { ...cfg, nodes: [...cps, ...workers] };
}
