/**
 * The kube-system / kube-public ConfigMaps and ServiceAccounts that `kubeadm init` (and the
 * kube-apiserver it starts) leave in a fresh cluster, so `kubectl get cm -A` and
 * `kubectl get sa -A` look like a real kubeadm cluster. The `kube-root-ca.crt` ConfigMaps and the
 * `default` ServiceAccounts come from their controllers, not from here.
 *
 * Contents mirror k/k:cmd/kubeadm/app/phases/addons/dns/manifests.go (CoreDNS Corefile),
 * k/k:cmd/kubeadm/app/phases/addons/proxy (kube-proxy ConfigMap), k/k:cmd/kubeadm/app/phases/
 * uploadconfig (kubeadm-config, kubelet-config), k/k:cmd/kubeadm/app/phases/bootstraptoken/
 * clusterinfo (cluster-info), and the apiserver's
 * k/k:pkg/controlplane/controller/clusterauthenticationtrust (extension-apiserver-authentication)
 * and k/k:pkg/serviceaccount/legacytokentracking (kube-apiserver-legacy-service-account-token-tracking).
 */
import type { KInput } from '../api/types';
import type { ClusterConfig } from '../config';
import { nodeAddress, KUBE_DNS_SERVICE_IP, CONTROL_PLANE_ENDPOINT_PORT } from './bootstrap';

/** kubeadm defaults (k/k:cmd/kubeadm/app/apis/kubeadm/v1beta4/defaults.go) + flannel's pod CIDR. */
export const POD_SUBNET = '10.244.0.0/16';
export const SERVICE_SUBNET = '10.96.0.0/12';
export const DNS_DOMAIN = 'cluster.local';

/**
 * Placeholder PEM bodies: the simulation has no TLS. Clearly marked as simulated so nobody
 * mistakes them for key material.
 */
const SIMULATED_PEM = `-----BEGIN CERTIFICATE-----
U0lNVUxBVEVEIENFUlRJRklDQVRFIC0ga3ViZXBsYXkgaGFzIG5vIFRMUw==
-----END CERTIFICATE-----
`;
/** base64("SIMULATED CERTIFICATE - kubeplay has no TLS") as a certificate-authority-data value. */
const SIMULATED_CA_DATA = 'U0lNVUxBVEVEIENFUlRJRklDQVRFIC0ga3ViZXBsYXkgaGFzIG5vIFRMUw==';

/** The Corefile exactly as kubeadm renders CoreDNSConfigMap (manifests.go). */
export function corefile(dnsDomain = DNS_DOMAIN): string {
  return `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes ${dnsDomain} in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30 {
       disable success ${dnsDomain}
       disable denial ${dnsDomain}
    }
    loop
    reload
    loadbalance
}
`;
}

/** The kube-proxy config.conf (KubeProxyConfiguration, as kubeadm marshals the defaulted object). */
export function kubeProxyConfig(cfg: ClusterConfig): string {
  // proxyMode 'rr' is the simulation's IPVS round-robin; 'random' is iptables' random pick.
  const ipvs = cfg.proxyMode === 'rr';
  return `apiVersion: kubeproxy.config.k8s.io/v1alpha1
bindAddress: 0.0.0.0
bindAddressHardFail: false
clientConnection:
  acceptContentTypes: ""
  burst: 0
  contentType: ""
  kubeconfig: /var/lib/kube-proxy/kubeconfig.conf
  qps: 0
clusterCIDR: ${POD_SUBNET}
configSyncPeriod: 0s
conntrack:
  maxPerCore: null
  min: null
  tcpBeLiberal: false
  tcpCloseWaitTimeout: null
  tcpEstablishedTimeout: null
  udpStreamTimeout: 0s
  udpTimeout: 0s
detectLocal:
  bridgeInterface: ""
  interfaceNamePrefix: ""
detectLocalMode: ""
enableProfiling: false
healthzBindAddress: ""
hostnameOverride: ""
iptables:
  localhostNodePorts: null
  masqueradeAll: false
  masqueradeBit: null
  minSyncPeriod: 0s
  syncPeriod: 0s
ipvs:
  excludeCIDRs: null
  minSyncPeriod: 0s
  scheduler: ${ipvs ? '"rr"' : '""'}
  strictARP: false
  syncPeriod: 0s
  tcpFinTimeout: 0s
  tcpTimeout: 0s
  udpTimeout: 0s
kind: KubeProxyConfiguration
logging:
  flushFrequency: 0
  options:
    json:
      infoBufferSize: "0"
    text:
      infoBufferSize: "0"
  verbosity: 0
metricsBindAddress: ""
mode: ${ipvs ? '"ipvs"' : '""'}
nftables:
  masqueradeAll: false
  masqueradeBit: null
  minSyncPeriod: 0s
  syncPeriod: 0s
nodePortAddresses: null
oomScoreAdj: null
portRange: ""
showHiddenMetricsForVersion: ""
winkernel:
  enableDSR: false
  forwardHealthCheckVip: false
  networkName: ""
  rootHnsEndpointName: ""
  sourceVip: ""
`;
}

/** kube-proxy's in-cluster kubeconfig.conf (KubeProxyConfigMap19 in kubeadm's proxy manifests). */
function kubeProxyKubeconfig(server: string): string {
  return `apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt
    server: ${server}
  name: default
contexts:
- context:
    cluster: default
    namespace: default
    user: default
  name: default
current-context: default
users:
- name: default
  user:
    tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token
`;
}

function clusterConfiguration(cfg: ClusterConfig, endpoint: string): string {
  return `apiServer: {}
apiVersion: kubeadm.k8s.io/v1beta4
caCertificateValidityPeriod: 87600h0m0s
certificateValidityPeriod: 8760h0m0s
certificatesDir: /etc/kubernetes/pki
clusterName: kubernetes
controlPlaneEndpoint: ${endpoint}
controllerManager: {}
dns: {}
encryptionAlgorithm: RSA-2048
etcd:
  local:
    dataDir: /var/lib/etcd
imageRepository: registry.k8s.io
kind: ClusterConfiguration
kubernetesVersion: ${cfg.kubernetesVersion}
networking:
  dnsDomain: ${DNS_DOMAIN}
  podSubnet: ${POD_SUBNET}
  serviceSubnet: ${SERVICE_SUBNET}
proxy: {}
scheduler: {}
`;
}

/** The essentials of the KubeletConfiguration kubeadm uploads (v1beta1 defaults + kubeadm's). */
function kubeletConfiguration(maxPods: number): string {
  return `apiVersion: kubelet.config.k8s.io/v1beta1
authentication:
  anonymous:
    enabled: false
  webhook:
    cacheTTL: 0s
    enabled: true
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
authorization:
  mode: Webhook
  webhook:
    cacheAuthorizedTTL: 0s
    cacheUnauthorizedTTL: 0s
cgroupDriver: systemd
clusterDNS:
- ${KUBE_DNS_SERVICE_IP}
clusterDomain: ${DNS_DOMAIN}
containerRuntimeEndpoint: ""
cpuManagerReconcilePeriod: 0s
evictionPressureTransitionPeriod: 0s
fileCheckFrequency: 0s
healthzBindAddress: 127.0.0.1
healthzPort: 10248
httpCheckFrequency: 0s
imageMaximumGCAge: 0s
imageMinimumGCAge: 0s
kind: KubeletConfiguration
logging:
  flushFrequency: 0
  options:
    json:
      infoBufferSize: "0"
    text:
      infoBufferSize: "0"
  verbosity: 0
maxPods: ${maxPods}
memorySwap: {}
nodeStatusReportFrequency: 0s
nodeStatusUpdateFrequency: 0s
resolvConf: /run/systemd/resolve/resolv.conf
rotateCertificates: true
runtimeRequestTimeout: 0s
shutdownGracePeriod: 0s
shutdownGracePeriodCriticalPods: 0s
staticPodPath: /etc/kubernetes/manifests
streamingConnectionIdleTimeout: 0s
syncFrequency: 0s
volumeStatsAggPeriod: 0s
`;
}

/** kubeadm's cluster-info kubeconfig (clusterinfo.go: only the cluster, no users or contexts). */
function clusterInfoKubeconfig(server: string): string {
  return `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: ${SIMULATED_CA_DATA}
    server: ${server}
  name: ""
contexts: null
current-context: ""
kind: Config
preferences: {}
users: null
`;
}

/** YYYY-MM-DD (legacytokentracking's dateFormat "2006-01-02"), in UTC. */
function isoDate(now: number): string {
  const d = new Date(now);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
}

function configMap(
  ns: string,
  name: string,
  data: Record<string, string>,
  labels?: Record<string, string>,
): KInput {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace: ns, ...(labels ? { labels } : {}) },
    data,
  };
}

function serviceAccount(ns: string, name: string): KInput {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: ns } };
}

/** The objects, in the order kubeadm init / the apiserver create them. */
export function kubeadmObjects(cfg: ClusterConfig, now: number): KInput[] {
  const cpIndex = Math.max(
    0,
    cfg.nodes.findIndex((n) => n.controlPlane),
  );
  const cpName = cfg.nodes[cpIndex]?.name ?? 'control-plane';
  const endpoint = `${cpName}:${CONTROL_PLANE_ENDPOINT_PORT}`;
  const maxPods = cfg.nodes[cpIndex]?.pods ?? 110;
  const ks = 'kube-system';
  return [
    // kube-apiserver at startup.
    configMap(ks, 'extension-apiserver-authentication', {
      'client-ca-file': SIMULATED_PEM,
      'requestheader-allowed-names': '["front-proxy-client"]',
      'requestheader-client-ca-file': SIMULATED_PEM,
      'requestheader-extra-headers-prefix': '["X-Remote-Extra-"]',
      'requestheader-group-headers': '["X-Remote-Group"]',
      'requestheader-uid-headers': '["X-Remote-Uid"]',
      'requestheader-username-headers': '["X-Remote-User"]',
    }),
    configMap(ks, 'kube-apiserver-legacy-service-account-token-tracking', {
      since: isoDate(now),
    }),
    // kubeadm init phases upload-config, bootstrap-token, addon.
    configMap(ks, 'kubeadm-config', { ClusterConfiguration: clusterConfiguration(cfg, endpoint) }),
    configMap(ks, 'kubelet-config', { kubelet: kubeletConfiguration(maxPods) }),
    configMap('kube-public', 'cluster-info', {
      kubeconfig: clusterInfoKubeconfig(
        `https://${nodeAddress(cpIndex)}:${CONTROL_PLANE_ENDPOINT_PORT}`,
      ),
    }),
    configMap(ks, 'coredns', { Corefile: corefile() }),
    serviceAccount(ks, 'coredns'),
    serviceAccount(ks, 'kube-proxy'),
    configMap(
      ks,
      'kube-proxy',
      {
        'config.conf': kubeProxyConfig(cfg),
        'kubeconfig.conf': kubeProxyKubeconfig(`https://${endpoint}`),
      },
      { app: 'kube-proxy' },
    ),
  ];
}
