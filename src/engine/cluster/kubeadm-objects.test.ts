import { describe, expect, it } from 'vitest';
import { createSimulation } from './create';
import { defaultClusterConfig } from '../config';
import { corefile, kubeProxyConfig } from './kubeadm-objects';

describe('kubeadm objects', () => {
  it('creates the kubeadm ConfigMaps and ServiceAccounts', () => {
    const sim = createSimulation(defaultClusterConfig({ seed: 1 }));
    const cms = sim.store
      .list('ConfigMap')
      .filter((c) => c.metadata.name !== 'kube-root-ca.crt')
      .map((c) => `${c.metadata.namespace}/${c.metadata.name}`)
      .sort();
    expect(cms).toEqual([
      'kube-public/cluster-info',
      'kube-system/coredns',
      'kube-system/extension-apiserver-authentication',
      'kube-system/kube-apiserver-legacy-service-account-token-tracking',
      'kube-system/kube-proxy',
      'kube-system/kubeadm-config',
      'kube-system/kubelet-config',
    ]);
    expect(sim.store.get('ServiceAccount', 'kube-system', 'coredns')).toBeDefined();
    expect(sim.store.get('ServiceAccount', 'kube-system', 'kube-proxy')).toBeDefined();
    const info = sim.store.get('ConfigMap', 'kube-public', 'cluster-info');
    expect(info?.data?.kubeconfig).toContain('server: https://192.168.49.2:6443');
    const kc = sim.store.get('ConfigMap', 'kube-system', 'kubeadm-config');
    expect(kc?.data?.ClusterConfiguration).toContain('controlPlaneEndpoint: control-plane:6443');
    expect(kc?.data?.ClusterConfiguration).toContain('podSubnet: 10.244.0.0/16');
    expect(kc?.data?.ClusterConfiguration).toContain('serviceSubnet: 10.96.0.0/12');
    const since = sim.store.get(
      'ConfigMap',
      'kube-system',
      'kube-apiserver-legacy-service-account-token-tracking',
    );
    expect(since?.data?.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('creates none of them without add-ons', () => {
    const sim = createSimulation(defaultClusterConfig({ seed: 1, addons: false }));
    expect(sim.store.get('ConfigMap', 'kube-system', 'coredns')).toBeUndefined();
    expect(sim.store.get('ServiceAccount', 'kube-system', 'kube-proxy')).toBeUndefined();
  });

  it('renders the kubeadm Corefile for cluster.local', () => {
    const f = corefile();
    expect(f.split('\n')[0]).toBe('.:53 {');
    expect(f).toContain(
      '    kubernetes cluster.local in-addr.arpa ip6.arpa {\n       pods insecure\n',
    );
    expect(f).toContain('    cache 30 {\n       disable success cluster.local\n');
    expect(f.trimEnd().endsWith('    loadbalance\n}')).toBe(true);
  });

  it.each([
    ['rr', 'mode: "ipvs"', 'scheduler: "rr"'],
    ['random', 'mode: ""', 'scheduler: ""'],
  ] as const)('kube-proxy config for proxyMode %s', (proxyMode, mode, scheduler) => {
    const c = kubeProxyConfig(defaultClusterConfig({ proxyMode }));
    expect(c).toContain(`\n${mode}\n`);
    expect(c).toContain(`  ${scheduler}\n`);
    expect(c).toContain('clusterCIDR: 10.244.0.0/16');
  });
});
