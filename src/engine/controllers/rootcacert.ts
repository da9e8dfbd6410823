/**
 * root-ca-cert-publisher (k/k:pkg/controller/certificates/rootcacertpublisher/publisher.go):
 * publishes the cluster CA as ConfigMap `kube-root-ca.crt` (key `ca.crt`) in every namespace.
 */
import type { Simulation } from '../sim';
import { Controller } from './controller';

export const ROOT_CA_CERT_PUBLISHER = 'root-ca-cert-publisher';
export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';
/** The annotation the publisher sets (`kubernetes.io/description`). */
const DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

/** A placeholder certificate: the simulation has no TLS, but the object looks the part. */
export const CLUSTER_CA_PEM = `-----BEGIN CERTIFICATE-----
MIIDBTCCAe2gAwIBAgIIKubeplaySimCAwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UE
AxMKa3ViZXJuZXRlczAeFw0yNjAxMDUwODU1MDBaFw0zNjAxMDMwOTAwMDBaMBUx
EzARBgNVBAMTCmt1YmVybmV0ZXMwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEK
-----END CERTIFICATE-----
`;

export class RootCaCertPublisher extends Controller {
  constructor(sim: Simulation) {
    super(sim, ROOT_CA_CERT_PUBLISHER);
    this.watch(
      ['Namespace'],
      (e) => e.type !== 'DELETED' && this.queue.add(e.object.metadata.name),
    );
    this.watch(
      ['ConfigMap'],
      (e) =>
        e.object.metadata.name === ROOT_CA_CONFIGMAP &&
        this.queue.add(e.object.metadata.namespace ?? ''),
    );
  }

  start(): void {
    for (const ns of this.store.list('Namespace')) this.queue.add(ns.metadata.name);
  }

  sync(ns: string): void {
    const n = this.store.get('Namespace', undefined, ns);
    if (!n || n.metadata.deletionTimestamp || n.status?.phase === 'Terminating') return;
    const cm = this.store.get('ConfigMap', ns, ROOT_CA_CONFIGMAP);
    if (!cm) {
      this.store.create({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: {
          name: ROOT_CA_CONFIGMAP,
          namespace: ns,
          annotations: { 'kubernetes.io/description': DESCRIPTION },
        },
        data: { 'ca.crt': CLUSTER_CA_PEM },
      });
    } else if (cm.data?.['ca.crt'] !== CLUSTER_CA_PEM) {
      this.store.mutate(
        'ConfigMap',
        ns,
        ROOT_CA_CONFIGMAP,
        (c) => (c.data = { ...(c.data ?? {}), 'ca.crt': CLUSTER_CA_PEM }),
      );
    }
  }
}
