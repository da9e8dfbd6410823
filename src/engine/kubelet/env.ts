/**
 * A container's environment, resolved when it is created (`k/k:pkg/kubelet/kubelet_pods.go
 * makeEnvironmentVariables`): service links, envFrom, env with valueFrom, `$(VAR)` references.
 * A missing ConfigMap/Secret fails the start with CreateContainerConfigError.
 */
import type { Simulation } from '../sim';
import type { KObject } from '../api/types';
import { parseQuantity } from '../cluster/quantity';
import { decodeBase64 } from './base64';

export type EnvResult = { ok: true; env: Record<string, string> } | { ok: false; message: string };

export function sourceData(
  sim: Simulation,
  kind: 'ConfigMap' | 'Secret',
  ns: string,
  name: string,
): Record<string, string> | undefined {
  const o = sim.store.get(kind, ns, name);
  if (!o) return undefined;
  if (kind === 'ConfigMap') return { ...(o.data ?? {}) };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((o.data ?? {}) as Record<string, string>))
    out[k] = decodeBase64(v);
  for (const [k, v] of Object.entries((o.stringData ?? {}) as Record<string, string>)) out[k] = v;
  return out;
}

/** `$(VAR)` expansion as `k8s.io/kubernetes/third_party/forked/golang/expansion` does; `$$` escapes. */
export function expandRefs(s: string, env: Record<string, string>): string {
  return s.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (m, name: string | undefined) => {
    if (m === '$$') return '$';
    return name !== undefined && name in env ? env[name] : m;
  });
}

/** `<NAME>_SERVICE_HOST` and friends for the services of the namespace (enableServiceLinks). */
function serviceLinks(sim: Simulation, pod: KObject): Record<string, string> {
  const env: Record<string, string> = {};
  const ns = pod.metadata.namespace ?? 'default';
  const svcs = sim.store.list('Service', { namespace: ns });
  const kube = sim.store.get('Service', 'default', 'kubernetes');
  const all = pod.spec?.enableServiceLinks === false ? [] : svcs;
  for (const s of [...all, ...(kube && ns !== 'default' ? [kube] : [])]) {
    const ip = s.spec?.clusterIP;
    if (!ip || ip === 'None') continue;
    const p = s.spec?.ports?.[0];
    if (!p) continue;
    const n = s.metadata.name.toUpperCase().replace(/-/g, '_');
    const proto = (p.protocol ?? 'TCP') as string;
    env[`${n}_SERVICE_HOST`] = ip;
    env[`${n}_SERVICE_PORT`] = String(p.port);
    if (p.name)
      env[`${n}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, '_')}`] = String(p.port);
    env[`${n}_PORT`] = `${proto.toLowerCase()}://${ip}:${p.port}`;
    env[`${n}_PORT_${p.port}_${proto}`] = `${proto.toLowerCase()}://${ip}:${p.port}`;
    env[`${n}_PORT_${p.port}_${proto}_PROTO`] = proto.toLowerCase();
    env[`${n}_PORT_${p.port}_${proto}_PORT`] = String(p.port);
    env[`${n}_PORT_${p.port}_${proto}_ADDR`] = ip;
  }
  return env;
}

function fieldRef(pod: KObject, path: string, nodeIp: string): string {
  const map: Record<string, string | undefined> = {
    'metadata.name': pod.metadata.name,
    'metadata.namespace': pod.metadata.namespace,
    'metadata.uid': pod.metadata.uid,
    'spec.nodeName': pod.spec?.nodeName,
    'spec.serviceAccountName': pod.spec?.serviceAccountName ?? 'default',
    'status.podIP': pod.status?.podIP,
    'status.hostIP': nodeIp,
  };
  const lab = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (lab)
    return (
      (pod.metadata as unknown as Record<string, Record<string, string> | undefined>)[lab[1]]?.[
        lab[2]
      ] ?? ''
    );
  return map[path] ?? '';
}

export function containerEnv(
  sim: Simulation,
  pod: KObject,
  container: KObject['spec'],
  imageEnv: Record<string, string>,
  nodeIp: string,
  podIp: string,
): EnvResult {
  const ns = pod.metadata.namespace ?? 'default';
  const p = { ...pod, status: { ...(pod.status ?? {}), podIP: podIp } } as KObject;
  const env: Record<string, string> = {
    ...imageEnv,
    HOSTNAME: pod.spec?.hostname ?? pod.metadata.name,
    ...serviceLinks(sim, pod),
  };
  for (const src of container.envFrom ?? []) {
    const ref = src.configMapRef ?? src.secretRef;
    const kind = src.configMapRef ? 'ConfigMap' : 'Secret';
    const data = sourceData(sim, kind, ns, ref?.name ?? '');
    if (!data) {
      if (ref?.optional) continue;
      return { ok: false, message: `${kind.toLowerCase()} "${ref?.name}" not found` };
    }
    for (const [k, v] of Object.entries(data)) env[(src.prefix ?? '') + k] = v;
  }
  for (const e of container.env ?? []) {
    if (e.valueFrom === undefined) {
      env[e.name] = expandRefs(e.value ?? '', env);
      continue;
    }
    const vf = e.valueFrom;
    const keyRef = vf.configMapKeyRef ?? vf.secretKeyRef;
    if (keyRef) {
      const kind = vf.configMapKeyRef ? 'ConfigMap' : 'Secret';
      const data = sourceData(sim, kind, ns, keyRef.name);
      if (!data) {
        if (keyRef.optional) continue;
        return { ok: false, message: `${kind.toLowerCase()} "${keyRef.name}" not found` };
      }
      if (!(keyRef.key in data)) {
        if (keyRef.optional) continue;
        return {
          ok: false,
          message: `couldn't find key ${keyRef.key} in ${kind} ${ns}/${keyRef.name}`,
        };
      }
      env[e.name] = data[keyRef.key];
    } else if (vf.fieldRef) {
      env[e.name] = fieldRef(p, vf.fieldRef.fieldPath, nodeIp);
    } else if (vf.resourceFieldRef) {
      const r = vf.resourceFieldRef.resource as string;
      const [kind, res] = r.split('.');
      const q = container.resources?.[kind]?.[res];
      env[e.name] = String(
        res === 'cpu'
          ? Math.ceil(parseQuantity(q ?? '0')) || 1
          : Math.floor(parseQuantity(q ?? '0')),
      );
    }
  }
  return { ok: true, env };
}
