/**
 * Who sends a request: the machine outside the cluster (the learner's host), a pod by name, or
 * the playground's default in-cluster debug pod.
 */
import type { Simulation } from '../sim';
import type { ClientRef } from './kube-proxy';

/** The host running the browser/terminal: the gateway of the cluster's docker network (minikube, kind). */
export const OUTSIDE_CLIENT_IP = '192.168.49.1';
export const OUTSIDE = 'outside';
/** The default in-cluster client: a debug pod (`kubectl run tmp --image=curlimages/curl`) without a node. */
export const DEBUG_CLIENT = 'debug';
export const DEBUG_CLIENT_IP = '10.244.0.254';

export interface Client extends ClientRef {
  name: string;
  namespace: string;
  outside: boolean;
}

export type ClientResult = { ok: true; client: Client } | { ok: false; message: string };

/** `outside`, a pod name (in `namespace`), or undefined for the default debug client. */
export function clientFor(
  sim: Simulation,
  from: string | undefined,
  namespace = 'default',
): ClientResult {
  if (from === OUTSIDE)
    return { ok: true, client: { name: OUTSIDE, ip: OUTSIDE_CLIENT_IP, namespace, outside: true } };
  if (!from || from === DEBUG_CLIENT)
    return {
      ok: true,
      client: { name: DEBUG_CLIENT, ip: DEBUG_CLIENT_IP, namespace, outside: false },
    };
  const pod = sim.store.get('Pod', namespace, from);
  if (!pod) return { ok: false, message: `Error from server (NotFound): pods "${from}" not found` };
  const ip = pod.status?.podIP;
  const phase = pod.status?.phase ?? 'Pending';
  // The wording kubectl exec gives for a pod that cannot run a command.
  if (phase === 'Succeeded' || phase === 'Failed') {
    return {
      ok: false,
      message: `error: cannot exec into a container in a completed pod; current phase is ${phase}`,
    };
  }
  if (!ip || phase !== 'Running') {
    const c = pod.spec?.containers?.[0]?.name ?? '';
    return {
      ok: false,
      message: `error: unable to upgrade connection: container not found ("${c}")`,
    };
  }
  return {
    ok: true,
    client: { name: from, ip, namespace, nodeName: pod.spec?.nodeName, outside: false },
  };
}
