/**
 * The kubelet's node heartbeats (`k/k:pkg/kubelet/kubelet_node_status.go`, `nodelease`): the Lease
 * in kube-node-lease renewed every 10 s, and the Node status posted when it changes or every
 * nodeStatusReportFrequency (5 m): conditions' lastHeartbeatTime and the cached images.
 */
import { rfc3339, rfc3339Micro } from '../clock';
import { events } from '../events';
import type { Kubelet } from './kubelet';
import { imageId, lookupImage, parseImageRef } from './images/resolve';
import { refreshProjectedVolumes } from './volumes';
import { NODE_LEASE_DURATION_S, NODE_STATUS_MAX_IMAGES, NODE_STATUS_REPORT_MS } from './constants';

const CONDITIONS: [string, string, string, string][] = [
  [
    'MemoryPressure',
    'False',
    'KubeletHasSufficientMemory',
    'kubelet has sufficient memory available',
  ],
  ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
  ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
  ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'],
];

function renewLease(k: Kubelet): void {
  const node = k.node();
  if (!node) return;
  const now = rfc3339Micro(k.sim.now());
  const store = k.sim.store;
  if (store.get('Lease', 'kube-node-lease', k.nodeName)) {
    store.mutate('Lease', 'kube-node-lease', k.nodeName, (l) => (l.spec.renewTime = now));
    return;
  }
  try {
    store.create({
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: {
        name: k.nodeName,
        namespace: 'kube-node-lease',
        ownerReferences: [
          { apiVersion: 'v1', kind: 'Node', name: k.nodeName, uid: node.metadata.uid },
        ],
      },
      spec: {
        holderIdentity: k.nodeName,
        leaseDurationSeconds: NODE_LEASE_DURATION_S,
        renewTime: now,
      },
    });
  } catch {
    // Lease not in this API table: the node status heartbeat still works.
  }
}

function imagesList(k: Kubelet) {
  return Object.keys(k.state.images)
    .map((key) => {
      const spec = lookupImage(k.sim, key);
      return {
        names: [
          imageId(spec!),
          parseImageRef(key).full.replace(/^docker\.io\/library\//, 'docker.io/library/'),
        ],
        sizeBytes: k.state.images[key].size,
      };
    })
    .sort((a, b) => b.sizeBytes - a.sizeBytes || (a.names[1] < b.names[1] ? -1 : 1))
    .slice(0, NODE_STATUS_MAX_IMAGES);
}

/** Posts the node status if it changed, was not Ready, or is due (`force`: at boot). */
export function postNodeStatus(k: Kubelet, force = false): void {
  const node = k.node();
  if (!node) return;
  const now = k.sim.now();
  const ready = node.status?.conditions?.find((c: { type: string }) => c.type === 'Ready');
  const due = now - k.state.lastStatusReport >= NODE_STATUS_REPORT_MS;
  if (!force && !due && !k.state.statusDirty && ready?.status === 'True') return;
  const ts = rfc3339(now);
  const wasReady = ready?.status === 'True';
  k.sim.store.mutate(
    'Node',
    undefined,
    k.nodeName,
    (n) => {
      const conds = (n.status.conditions ??= []) as {
        type: string;
        status: string;
        lastHeartbeatTime: string;
        lastTransitionTime: string;
        reason: string;
        message: string;
      }[];
      for (const [type, status, reason, message] of CONDITIONS) {
        const c = conds.find((x) => x.type === type);
        if (!c)
          conds.push({
            type,
            status,
            lastHeartbeatTime: ts,
            lastTransitionTime: ts,
            reason,
            message,
          });
        else {
          if (c.status !== status) c.lastTransitionTime = ts;
          Object.assign(c, { status, reason, message, lastHeartbeatTime: ts });
        }
      }
      n.status.images = imagesList(k);
    },
    { subresource: 'status' },
  );
  if (!wasReady && ready) {
    events(k.sim).record(
      node,
      'Normal',
      'NodeReady',
      `Node ${k.nodeName} status is now: NodeReady`,
      { component: 'kubelet', host: k.nodeName },
    );
  }
  k.state.lastStatusReport = now;
  k.state.statusDirty = false;
}

export function heartbeat(k: Kubelet): void {
  renewLease(k);
  postNodeStatus(k);
}

/** The periodic pod sync refreshes ConfigMap and Secret volumes. */
export function resyncVolumes(k: Kubelet): void {
  for (const rt of Object.values(k.state.pods)) {
    const pod = k.pod(rt.uid);
    if (pod) refreshProjectedVolumes(k.sim, pod, rt);
  }
}
