/**
 * The objects of a fresh kubeadm cluster: namespaces, nodes, the `kubernetes` and `kube-dns`
 * Services, the kube-proxy DaemonSet, the coredns Deployment and the control-plane static pod
 * manifests that the control-plane kubelet turns into mirror pods.
 */
import type { KInput } from '../api/types';
import type { ApiStore } from '../api/store';
import type { ClusterConfig, NodeConfig } from '../config';
import { parseQuantity } from './quantity';
import { rfc3339 } from '../clock';
import { kubeadmObjects } from './kubeadm-objects';

export const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];
export const CONTROL_PLANE_ENDPOINT_PORT = 6443;
export const KUBERNETES_SERVICE_IP = '10.96.0.1';
export const KUBE_DNS_SERVICE_IP = '10.96.0.10';
export const COREDNS_IMAGE = 'registry.k8s.io/coredns/coredns:v1.12.1';
export const PAUSE_IMAGE = 'registry.k8s.io/pause:3.10.1';
/** kubelet eviction threshold memory.available<100Mi is subtracted from allocatable. */
export const EVICTION_HARD_MEMORY = 100 * 2 ** 20;

/** Node IPs are 192.168.49.(2 + index), pod CIDRs 10.244.<index>.0/24 (flannel / kubeadm default). */
export function nodeAddress(index: number): string {
  return `192.168.49.${2 + index}`;
}

export function podCidr(index: number): string {
  return `10.244.${index}.0/24`;
}

export function nodeObject(n: NodeConfig, index: number, cfg: ClusterConfig, now: number): KInput {
  const memBytes = parseQuantity(n.memory);
  // Capacity is reported in Ki as the kubelet reads it from the machine.
  const memKi = Math.floor(memBytes / 1024);
  const allocKi = Math.floor((memBytes - EVICTION_HARD_MEMORY) / 1024);
  const ts = rfc3339(now);
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: n.name,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': n.name,
        'kubernetes.io/os': 'linux',
        ...(n.controlPlane
          ? { 'node.kubernetes.io/exclude-from-external-load-balancers': '' }
          : {}),
        ...n.labels,
      },
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: podCidr(index),
      podCIDRs: [podCidr(index)],
      ...(n.taints.length ? { taints: n.taints.map((t) => ({ ...t })) } : {}),
    },
    status: {
      capacity: {
        cpu: n.cpu,
        'ephemeral-storage': '102626232Ki',
        'hugepages-2Mi': '0',
        memory: `${memKi}Ki`,
        pods: String(n.pods),
      },
      allocatable: {
        cpu: n.cpu,
        'ephemeral-storage': '94580335255',
        'hugepages-2Mi': '0',
        memory: `${allocKi}Ki`,
        pods: String(n.pods),
      },
      conditions: [
        cond(
          'MemoryPressure',
          'False',
          'KubeletHasSufficientMemory',
          'kubelet has sufficient memory available',
          ts,
        ),
        cond(
          'DiskPressure',
          'False',
          'KubeletHasNoDiskPressure',
          'kubelet has no disk pressure',
          ts,
        ),
        cond(
          'PIDPressure',
          'False',
          'KubeletHasSufficientPID',
          'kubelet has sufficient PID available',
          ts,
        ),
        cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status', ts),
      ],
      addresses: [
        { type: 'InternalIP', address: nodeAddress(index) },
        { type: 'Hostname', address: n.name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: '',
        containerRuntimeVersion: 'containerd://2.1.4',
        kernelVersion: '6.8.0-85-generic',
        kubeProxyVersion: '',
        kubeletVersion: cfg.kubernetesVersion,
        machineID: '',
        operatingSystem: 'linux',
        osImage: 'Ubuntu 24.04.3 LTS',
        systemUUID: '',
      },
    },
  };
}

function cond(type: string, status: string, reason: string, message: string, ts: string) {
  return { type, status, lastHeartbeatTime: ts, lastTransitionTime: ts, reason, message };
}

export function namespaceObject(name: string): KInput {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

/** Creates the cluster's objects in the store (before components start). */
export function bootstrapCluster(store: ApiStore, cfg: ClusterConfig, now: number): void {
  for (const ns of SYSTEM_NAMESPACES) store.create(namespaceObject(ns));
  cfg.nodes.forEach((n, i) => store.create(nodeObject(n, i, cfg, now)));
  store.create({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { component: 'apiserver', provider: 'kubernetes' },
    },
    spec: {
      type: 'ClusterIP',
      clusterIP: KUBERNETES_SERVICE_IP,
      clusterIPs: [KUBERNETES_SERVICE_IP],
      ports: [
        { name: 'https', port: 443, protocol: 'TCP', targetPort: CONTROL_PLANE_ENDPOINT_PORT },
      ],
      sessionAffinity: 'None',
    },
  });
  if (!cfg.addons) return;
  for (const pc of PRIORITY_CLASSES) store.create(pc);
  for (const o of kubeadmObjects(cfg, now)) store.create(o);
  store.create(kubeDnsService());
  store.create(kubeProxyDaemonSet(cfg));
  store.create(corednsDeployment());
}

export const PRIORITY_CLASSES: KInput[] = [
  {
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { name: 'system-cluster-critical' },
    value: 2000000000,
    globalDefault: false,
    preemptionPolicy: 'PreemptLowerPriority',
    description:
      'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.',
  },
  {
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { name: 'system-node-critical' },
    value: 2000001000,
    globalDefault: false,
    preemptionPolicy: 'PreemptLowerPriority',
    description: 'Used for system critical pods that must not be moved from their current node.',
  },
];

function kubeDnsService(): KInput {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      labels: {
        'k8s-app': 'kube-dns',
        'kubernetes.io/cluster-service': 'true',
        'kubernetes.io/name': 'CoreDNS',
      },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      type: 'ClusterIP',
      clusterIP: KUBE_DNS_SERVICE_IP,
      clusterIPs: [KUBE_DNS_SERVICE_IP],
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
      sessionAffinity: 'None',
    },
  };
}

function kubeProxyDaemonSet(cfg: ClusterConfig): KInput {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'kube-proxy', namespace: 'kube-system', labels: { 'k8s-app': 'kube-proxy' } },
    spec: {
      selector: { matchLabels: { 'k8s-app': 'kube-proxy' } },
      template: {
        metadata: { labels: { 'k8s-app': 'kube-proxy' } },
        spec: {
          containers: [
            {
              name: 'kube-proxy',
              image: `registry.k8s.io/kube-proxy:${cfg.kubernetesVersion}`,
              command: [
                '/usr/local/bin/kube-proxy',
                '--config=/var/lib/kube-proxy/config.conf',
                '--hostname-override=$(NODE_NAME)',
              ],
              env: [
                {
                  name: 'NODE_NAME',
                  valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } },
                },
              ],
              securityContext: { privileged: true },
            },
          ],
          hostNetwork: true,
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          priorityClassName: 'system-node-critical',
          serviceAccountName: 'kube-proxy',
          tolerations: [{ operator: 'Exists' }],
        },
      },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
    },
  };
}

function corednsDeployment(): KInput {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'coredns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: '25%' } },
      template: {
        metadata: { labels: { 'k8s-app': 'kube-dns' } },
        spec: {
          affinity: {
            podAntiAffinity: {
              preferredDuringSchedulingIgnoredDuringExecution: [
                {
                  weight: 100,
                  podAffinityTerm: {
                    labelSelector: {
                      matchExpressions: [{ key: 'k8s-app', operator: 'In', values: ['kube-dns'] }],
                    },
                    topologyKey: 'kubernetes.io/hostname',
                  },
                },
              ],
            },
          },
          containers: [
            {
              name: 'coredns',
              image: COREDNS_IMAGE,
              args: ['-conf', '/etc/coredns/Corefile'],
              ports: [
                { containerPort: 53, name: 'dns', protocol: 'UDP' },
                { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
                { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
              ],
              resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
              livenessProbe: {
                httpGet: { path: '/health', port: 8080, scheme: 'HTTP' },
                initialDelaySeconds: 60,
                timeoutSeconds: 5,
                successThreshold: 1,
                failureThreshold: 5,
              },
              readinessProbe: { httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' } },
            },
          ],
          dnsPolicy: 'Default',
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          priorityClassName: 'system-cluster-critical',
          serviceAccountName: 'coredns',
          tolerations: [
            { key: 'CriticalAddonsOnly', operator: 'Exists' },
            { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
          ],
        },
      },
    },
  };
}

/** Static pod manifests in /etc/kubernetes/manifests on a kubeadm control-plane node. */
export function controlPlaneStaticPods(
  nodeName: string,
  nodeIp: string,
  version: string,
): KInput[] {
  const pod = (
    component: string,
    image: string,
    command: string[],
    cpu: string,
    extraLabels: Record<string, string> = {},
  ): KInput => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${component}-${nodeName}`,
      namespace: 'kube-system',
      labels: { component, tier: 'control-plane', ...extraLabels },
      annotations: {
        'kubernetes.io/config.source': 'file',
        ...(component === 'kube-apiserver'
          ? { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${nodeIp}:6443` }
          : {}),
        ...(component === 'etcd'
          ? { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${nodeIp}:2379` }
          : {}),
      },
    },
    spec: {
      containers: [{ name: component, image, command, resources: { requests: { cpu } } }],
      hostNetwork: true,
      priority: 2000001000,
      priorityClassName: 'system-node-critical',
      nodeName,
      tolerations: [{ operator: 'Exists', effect: 'NoExecute' }],
    },
  });
  return [
    pod(
      'etcd',
      'registry.k8s.io/etcd:3.6.5-0',
      ['etcd', `--advertise-client-urls=https://${nodeIp}:2379`],
      '100m',
    ),
    pod(
      'kube-apiserver',
      `registry.k8s.io/kube-apiserver:${version}`,
      ['kube-apiserver', `--advertise-address=${nodeIp}`],
      '250m',
    ),
    pod(
      'kube-controller-manager',
      `registry.k8s.io/kube-controller-manager:${version}`,
      ['kube-controller-manager'],
      '200m',
    ),
    pod('kube-scheduler', `registry.k8s.io/kube-scheduler:${version}`, ['kube-scheduler'], '100m'),
  ];
}
