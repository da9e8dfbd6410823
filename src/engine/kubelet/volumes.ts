/**
 * Pod volumes as the kubelet's volume manager sets them up: emptyDir (per pod), ConfigMap and
 * Secret (files per key, refreshed on the periodic sync), PVC (data that outlives the pod, kept by
 * the PV controller). A missing source blocks the pod with FailedMount, as MountVolume.SetUp does.
 */
import type { KObject } from '../api/types';
import type { Simulation } from '../sim';
import { sourceData } from './env';
import type { FileTree, Mount } from './container-fs';
import type { PodRt } from './state';
import { volumeTree } from './storage/pv-controller';

interface KeyToPath {
  key: string;
  path: string;
}

function projected(data: Record<string, string>, items: KeyToPath[] | undefined): FileTree {
  const tree: FileTree = {};
  if (items?.length) {
    for (const it of items) if (it.key in data) tree[`/${it.path}`] = data[it.key];
  } else {
    for (const [k, v] of Object.entries(data)) tree[`/${k}`] = v;
  }
  return tree;
}

/** Loads every volume of the pod into `rt.volumes`; returns the first failure message, if any. */
export function setUpVolumes(
  sim: Simulation,
  pod: KObject,
  rt: PodRt,
): { volume: string; message: string } | undefined {
  const ns = pod.metadata.namespace ?? 'default';
  for (const v of pod.spec?.volumes ?? []) {
    if (v.emptyDir) {
      rt.volumes[v.name] ??= {};
    } else if (v.configMap || v.secret) {
      const kind = v.configMap ? 'ConfigMap' : 'Secret';
      const src = v.configMap ?? v.secret;
      const name = v.configMap ? src.name : src.secretName;
      const data = sourceData(sim, kind, ns, name);
      if (!data) {
        if (src.optional) {
          rt.volumes[v.name] = {};
          continue;
        }
        return { volume: v.name, message: `${kind.toLowerCase()} "${name}" not found` };
      }
      rt.volumes[v.name] = projected(data, src.items);
    } else if (v.persistentVolumeClaim) {
      const claim = v.persistentVolumeClaim.claimName;
      const pvc = sim.store.get('PersistentVolumeClaim', ns, claim);
      if (!pvc) return { volume: v.name, message: `persistentvolumeclaim "${claim}" not found` };
      if (pvc.status?.phase !== 'Bound' || !pvc.spec?.volumeName) {
        return { volume: v.name, message: `PVC ${ns}/${claim} is not bound` };
      }
    } else {
      // hostPath, downwardAPI, projected and others: an empty writable directory.
      rt.volumes[v.name] ??= {};
    }
  }
  return undefined;
}

/** Refreshes ConfigMap/Secret volume contents (the kubelet's periodic sync); returns true if any changed. */
export function refreshProjectedVolumes(sim: Simulation, pod: KObject, rt: PodRt): boolean {
  let changed = false;
  for (const v of pod.spec?.volumes ?? []) {
    if (!v.configMap && !v.secret) continue;
    const kind = v.configMap ? 'ConfigMap' : 'Secret';
    const src = v.configMap ?? v.secret;
    const data = sourceData(
      sim,
      kind,
      pod.metadata.namespace ?? 'default',
      v.configMap ? src.name : src.secretName,
    );
    if (!data) continue;
    const next = projected(data, src.items);
    if (JSON.stringify(next) !== JSON.stringify(rt.volumes[v.name])) {
      rt.volumes[v.name] = next;
      changed = true;
    }
  }
  return changed;
}

/** The mounts of one container (subPath mounts of single files are copied into its scratch layer at start). */
export function containerMounts(
  sim: Simulation,
  pod: KObject,
  rt: PodRt,
  container: {
    volumeMounts?: { name: string; mountPath: string; readOnly?: boolean; subPath?: string }[];
  },
): Mount[] {
  const mounts: Mount[] = [];
  const ns = pod.metadata.namespace ?? 'default';
  for (const vm of container.volumeMounts ?? []) {
    if (vm.subPath) continue;
    const vol = (pod.spec?.volumes ?? []).find((v: { name: string }) => v.name === vm.name);
    if (!vol) continue;
    let tree: FileTree | undefined;
    let readOnly = !!vm.readOnly;
    if (vol.persistentVolumeClaim) {
      const pvc = sim.store.get('PersistentVolumeClaim', ns, vol.persistentVolumeClaim.claimName);
      if (pvc?.spec?.volumeName) tree = volumeTree(sim, pvc.spec.volumeName);
      readOnly ||= !!vol.persistentVolumeClaim.readOnly;
    } else {
      tree = rt.volumes[vm.name] ??= {};
      if (vol.configMap || vol.secret) readOnly = true;
    }
    if (tree) mounts.push({ path: vm.mountPath.replace(/\/+$/, '') || '/', tree, readOnly });
  }
  return mounts;
}

/** subPath mounts: the file (or directory) of the volume copied to the mount path. */
export function subPathFiles(
  pod: KObject,
  rt: PodRt,
  container: { volumeMounts?: { name: string; mountPath: string; subPath?: string }[] },
): FileTree {
  const out: FileTree = {};
  for (const vm of container.volumeMounts ?? []) {
    if (!vm.subPath) continue;
    const tree = rt.volumes[vm.name] ?? {};
    const file = tree[`/${vm.subPath}`];
    if (file !== undefined) out[vm.mountPath] = file;
    else out[`${vm.mountPath.replace(/\/+$/, '')}/`] = '';
  }
  void pod;
  return out;
}
