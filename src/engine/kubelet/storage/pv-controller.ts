/**
 * The PersistentVolume controller plus the cluster's default provisioner: binds a claim to a
 * matching Available PV, or provisions one from its StorageClass (the default `standard`, as
 * minikube ships it), and keeps each volume's files, which outlive the pods that mount them.
 * Mirrors the essentials of k/k:pkg/controller/volume/persistentvolume/pv_controller.go.
 */
import type { Json } from '../../clock';
import type { Simulation } from '../../sim';
import type { KObject } from '../../api/types';
import { Controller, splitKey } from '../../controllers/controller';
import { events } from '../../events';
import { parseQuantity } from '../../cluster/quantity';
import type { FileTree } from '../container-fs';

export const PV_CONTROLLER = 'persistentvolume-binder-controller';
export const DEFAULT_STORAGE_CLASS = 'standard';
export const DEFAULT_PROVISIONER = 'k8s.io/minikube-hostpath';
/** A host-path provisioner answers within a second. */
export const PROVISION_DELAY_MS = 1_000;

const SOURCE = { component: 'persistentvolume-controller' };

export function standardStorageClass(): KObject['spec'] {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: {
      name: DEFAULT_STORAGE_CLASS,
      annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
      labels: { 'addonmanager.kubernetes.io/mode': 'EnsureExists' },
    },
    provisioner: DEFAULT_PROVISIONER,
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'Immediate',
  };
}

/** The files of a PV (created empty on first use). */
export function volumeTree(sim: Simulation, pvName: string): FileTree {
  const c = sim.component<PvController>(PV_CONTROLLER);
  if (!c) return {};
  return (c.data[pvName] ??= {});
}

function accessModesFit(pv: KObject, pvc: KObject): boolean {
  const have = new Set<string>(pv.spec?.accessModes ?? []);
  return ((pvc.spec?.accessModes ?? []) as string[]).every((m) => have.has(m));
}

export class PvController extends Controller {
  data: Record<string, FileTree> = {};

  constructor(sim: Simulation) {
    super(sim, PV_CONTROLLER);
    this.watch(['PersistentVolumeClaim'], (e) => this.enqueue(e.object));
    this.watch(['PersistentVolume'], (e) => {
      if (e.type === 'DELETED') delete this.data[e.object.metadata.name];
      for (const c of this.store.list('PersistentVolumeClaim'))
        if (c.status?.phase !== 'Bound') this.enqueue(c);
    });
  }

  start(): void {
    if (
      this.sim.config.addons &&
      !this.store.get('StorageClass', undefined, DEFAULT_STORAGE_CLASS)
    ) {
      try {
        this.store.create(standardStorageClass());
      } catch {
        // StorageClass not known to this API table: provisioning still works by class name.
      }
    }
    for (const c of this.store.list('PersistentVolumeClaim')) this.enqueue(c);
  }

  private defaultClass(): string | undefined {
    const classes = this.store.list('StorageClass');
    const d = classes.find(
      (c) => c.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true',
    );
    return d?.metadata.name ?? (this.sim.config.addons ? DEFAULT_STORAGE_CLASS : undefined);
  }

  protected sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const pvc = this.store.get('PersistentVolumeClaim', namespace, name);
    if (!pvc) {
      this.releaseVolumes(namespace ?? 'default', name);
      return;
    }
    if (pvc.metadata.deletionTimestamp || pvc.status?.phase === 'Bound') return;
    const request = parseQuantity(pvc.spec?.resources?.requests?.storage ?? '0');
    const className: string | undefined = pvc.spec?.storageClassName ?? this.defaultClass();
    const pv = pvc.spec?.volumeName
      ? this.store.get('PersistentVolume', undefined, pvc.spec.volumeName)
      : this.store
          .list('PersistentVolume')
          .filter(
            (v) =>
              v.status?.phase !== 'Bound' && v.status?.phase !== 'Released' && !v.spec?.claimRef,
          )
          .filter(
            (v) =>
              (v.spec?.storageClassName ?? '') === (className ?? '') &&
              parseQuantity(v.spec?.capacity?.storage) >= request &&
              accessModesFit(v, pvc),
          )
          .sort(
            (a, b) =>
              parseQuantity(a.spec?.capacity?.storage) - parseQuantity(b.spec?.capacity?.storage),
          )[0];
    if (pv) {
      this.bind(pvc, pv);
      return;
    }
    if (
      !className ||
      !(this.store.get('StorageClass', undefined, className) || className === DEFAULT_STORAGE_CLASS)
    ) {
      events(this.sim).record(
        pvc,
        'Normal',
        'FailedBinding',
        'no persistent volumes available for this claim and no storage class is set',
        SOURCE,
      );
      return;
    }
    const provisioner =
      this.store.get('StorageClass', undefined, className)?.provisioner ?? DEFAULT_PROVISIONER;
    events(this.sim).record(
      pvc,
      'Normal',
      'ExternalProvisioning',
      `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
      SOURCE,
    );
    this.sim.after(PROVISION_DELAY_MS, this.name, 'provision', {
      namespace: pvc.metadata.namespace ?? 'default',
      name,
      className,
      provisioner,
    });
  }

  protected override onAction(action: string, payload: Json): void {
    if (action !== 'provision') return;
    const p = payload as {
      namespace: string;
      name: string;
      className: string;
      provisioner: string;
    };
    const pvc = this.store.get('PersistentVolumeClaim', p.namespace, p.name);
    if (!pvc || pvc.status?.phase === 'Bound') return;
    const pvName = `pvc-${pvc.metadata.uid}`;
    const src = {
      component: `${p.provisioner}_${this.sim.config.nodes.find((n) => n.controlPlane)?.name ?? 'control-plane'}`,
    };
    events(this.sim).record(
      pvc,
      'Normal',
      'Provisioning',
      `External provisioner is provisioning volume for claim "${p.namespace}/${p.name}"`,
      src,
    );
    const sc = this.store.get('StorageClass', undefined, p.className);
    const pv =
      this.store.get('PersistentVolume', undefined, pvName) ??
      this.store.create({
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        metadata: {
          name: pvName,
          annotations: {
            hostPathProvisionerIdentity: p.provisioner,
            'pv.kubernetes.io/provisioned-by': p.provisioner,
          },
        },
        spec: {
          accessModes: pvc.spec?.accessModes ?? ['ReadWriteOnce'],
          capacity: { storage: pvc.spec?.resources?.requests?.storage ?? '1Gi' },
          hostPath: { path: `/tmp/hostpath-provisioner/${p.namespace}/${p.name}`, type: '' },
          persistentVolumeReclaimPolicy: sc?.reclaimPolicy ?? 'Delete',
          storageClassName: p.className,
          volumeMode: pvc.spec?.volumeMode ?? 'Filesystem',
        },
      });
    events(this.sim).record(
      pvc,
      'Normal',
      'ProvisioningSucceeded',
      `Successfully provisioned volume ${pvName}`,
      src,
    );
    this.bind(pvc, pv);
  }

  private bind(pvc: KObject, pv: KObject): void {
    const ns = pvc.metadata.namespace ?? 'default';
    this.store.mutate('PersistentVolume', undefined, pv.metadata.name, (o) => {
      o.spec.claimRef = {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        name: pvc.metadata.name,
        namespace: ns,
        uid: pvc.metadata.uid,
      };
      o.metadata.annotations = {
        ...(o.metadata.annotations ?? {}),
        'pv.kubernetes.io/bound-by-controller': 'yes',
      };
    });
    this.store.mutate(
      'PersistentVolume',
      undefined,
      pv.metadata.name,
      (o) => (o.status = { phase: 'Bound' }),
      { subresource: 'status' },
    );
    this.store.mutate('PersistentVolumeClaim', ns, pvc.metadata.name, (o) => {
      o.spec.volumeName = pv.metadata.name;
      o.metadata.annotations = {
        ...(o.metadata.annotations ?? {}),
        'pv.kubernetes.io/bind-completed': 'yes',
        'pv.kubernetes.io/bound-by-controller': 'yes',
      };
    });
    this.store.mutate(
      'PersistentVolumeClaim',
      ns,
      pvc.metadata.name,
      (o) =>
        (o.status = {
          phase: 'Bound',
          accessModes: pv.spec?.accessModes ?? ['ReadWriteOnce'],
          capacity: { ...(pv.spec?.capacity ?? {}) },
        }),
      { subresource: 'status' },
    );
  }

  /** A deleted claim releases its PV: Delete removes it (and its data), Retain keeps it Released. */
  private releaseVolumes(namespace: string, name: string): void {
    for (const pv of this.store.list('PersistentVolume')) {
      const ref = pv.spec?.claimRef;
      if (ref?.namespace !== namespace || ref?.name !== name) continue;
      if ((pv.spec?.persistentVolumeReclaimPolicy ?? 'Retain') === 'Delete')
        this.store.delete('PersistentVolume', undefined, pv.metadata.name);
      else
        this.store.mutate(
          'PersistentVolume',
          undefined,
          pv.metadata.name,
          (o) => (o.status = { phase: 'Released' }),
          { subresource: 'status' },
        );
    }
  }

  protected override saveState(): Json {
    return this.data as unknown as Json;
  }

  protected override loadState(s: Json): void {
    this.data = (s ?? {}) as unknown as Record<string, FileTree>;
  }
}
