/**
 * The `default/kubernetes` Service has no selector: the API server itself publishes its endpoints
 * (the control-plane nodes' advertise address on 6443) as an Endpoints object and an
 * EndpointSlice, both named `kubernetes`. Mirrors k/k:pkg/controlplane/reconcilers (lease
 * endpoint reconciler) and pkg/controlplane/controller/kubernetesservice.
 */
import type { ApiStore } from '../api/store';
import { CONTROL_PLANE_ENDPOINT_PORT } from '../cluster/bootstrap';
import { nodeInternalIp } from './service-table';
import { SERVICE_NAME_LABEL } from './endpoints-util';

/** `discovery.LabelSkipMirror`: keeps the EndpointSlice mirroring controller away. */
export const SKIP_MIRROR_LABEL = 'endpointslice.kubernetes.io/skip-mirror';

export function publishApiServerEndpoints(store: ApiStore): void {
  if (!store.get('Service', 'default', 'kubernetes')) return;
  const ips = store
    .list('Node')
    .filter((n) => n.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined)
    .map(nodeInternalIp)
    .filter((ip): ip is string => !!ip);
  if (ips.length === 0) return;
  const port = { name: 'https', port: CONTROL_PLANE_ENDPOINT_PORT, protocol: 'TCP' };
  if (!store.get('Endpoints', 'default', 'kubernetes')) {
    store.create({
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: {
        name: 'kubernetes',
        namespace: 'default',
        labels: { [SKIP_MIRROR_LABEL]: 'true' },
      },
      subsets: [{ addresses: ips.map((ip) => ({ ip })), ports: [port] }],
    });
  }
  if (!store.get('EndpointSlice', 'default', 'kubernetes')) {
    store.create({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: 'kubernetes',
        namespace: 'default',
        labels: { [SERVICE_NAME_LABEL]: 'kubernetes' },
      },
      addressType: 'IPv4',
      endpoints: ips.map((ip) => ({ addresses: [ip], conditions: { ready: true } })),
      ports: [port],
    });
  }
}
