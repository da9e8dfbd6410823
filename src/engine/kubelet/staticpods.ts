/**
 * Static pods: the control-plane kubelet runs the manifests in /etc/kubernetes/manifests and
 * publishes a mirror pod for each (`k/k:pkg/kubelet/pod/mirror_client.go`): annotation
 * kubernetes.io/config.mirror and an ownerReference to its Node.
 */
import { controlPlaneStaticPods } from '../cluster/bootstrap';
import { rfc3339 } from '../clock';
import { digestOf } from './images/layers';
import type { Kubelet } from './kubelet';

export function ensureMirrorPods(k: Kubelet): void {
  const node = k.node();
  const isControlPlane =
    k.sim.config.nodes.find((n) => n.name === k.nodeName)?.controlPlane ??
    node?.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined;
  if (!node || !isControlPlane || !k.sim.config.addons) return;
  for (const manifest of controlPlaneStaticPods(
    k.nodeName,
    k.nodeIp(),
    k.sim.config.kubernetesVersion,
  )) {
    const name = manifest.metadata!.name!;
    if (k.sim.store.get('Pod', 'kube-system', name)) continue;
    const hash = digestOf(`static:${name}`).slice(0, 32);
    k.sim.store.create({
      ...manifest,
      metadata: {
        ...manifest.metadata,
        annotations: {
          ...manifest.metadata!.annotations,
          'kubernetes.io/config.hash': hash,
          'kubernetes.io/config.mirror': hash,
          'kubernetes.io/config.seen': rfc3339(k.sim.now()).replace('Z', '.000000000Z'),
        },
        ownerReferences: [
          {
            apiVersion: 'v1',
            kind: 'Node',
            name: k.nodeName,
            uid: node.metadata.uid,
            controller: true,
          },
        ],
      },
    });
  }
}
