/**
 * What the API server does to every write before it is stored, in kube-apiserver's order:
 * strict decoding and defaulting (the request decoder), the mutating admission plugins
 * (NamespaceLifecycle, LimitRanger, ServiceAccount, Priority, DefaultTolerationSeconds), the REST storage's
 * own steps (Service IP and port allocation in BeginCreate/BeginUpdate, then the strategy's
 * PrepareForCreate) and finally validation (Validate* / ValidateUpdate*).
 */
import type { Simulation } from '../../sim';
import type { ApiStore, Operation } from '../store';
import { jsonEqual, type KObject } from '../types';
import { allocateService } from './allocators/service';
import { strictDecode } from './decode';
import { applyDefaults } from './defaults';
import { defaultTolerationSeconds } from './plugins/default-toleration-seconds';
import { admitLimitRanger } from './plugins/limit-ranger';
import { namespaceLifecycle } from './plugins/namespace-lifecycle';
import { admitPodPriority, validatePriorityClass } from './plugins/priority';
import { admitServiceAccount } from './plugins/service-account';
import { defaultStorageClass } from './plugins/default-storage-class';
import { prepareForCreate } from './strategy';
import { validate } from './validation';

export function installAdmission(sim: Simulation): void {
  sim.store.addAdmission(null, (op, obj, old, store, ctx) =>
    admit(sim, op, obj, old, store, ctx.subresource),
  );
}

function admit(
  sim: Simulation,
  op: Operation,
  obj: KObject,
  old: KObject | undefined,
  store: ApiStore,
  subresource?: 'status',
): void {
  if (op === 'DELETE') {
    // The object handed to DELETE hooks is the stored (frozen) one: only checks happen here.
    namespaceLifecycle(op, obj, store);
    return;
  }
  // Status writes come from the control plane's own components, which only ever write well-typed
  // status; decoding them again is the single largest cost of a busy simulation.
  if (subresource !== 'status') strictDecode(obj);
  applyDefaults(obj);
  if (op === 'UPDATE' && old) keepGenerationIfSpecUnchanged(obj, old);
  namespaceLifecycle(op, obj, store);
  if (obj.kind === 'Pod') admitPod(sim, op, obj, old, store);
  if (obj.kind === 'PriorityClass') validatePriorityClass(op, obj, store);
  if (obj.kind === 'PersistentVolumeClaim' && op === 'CREATE') defaultStorageClass(obj, store);
  if (obj.kind === 'Service') {
    allocateService(op, obj, old, store, {
      clusterIP: sim.rng('apiserver/clusterip'),
      nodePort: sim.rng('apiserver/nodeport'),
    });
  }
  if (op === 'CREATE') prepareForCreate(obj, sim.now());
  validate(op, obj, old);
}

function admitPod(
  sim: Simulation,
  op: Operation,
  pod: KObject,
  old: KObject | undefined,
  store: ApiStore,
): void {
  if (op === 'CREATE') {
    admitLimitRanger(pod, store);
    admitServiceAccount(pod, store, sim.rng('apiserver/serviceaccount'));
  }
  admitPodPriority(op, pod, old, store);
  defaultTolerationSeconds(pod, sim.config.defaultTolerationSeconds);
}

/**
 * The store bumps generation when the submitted spec differs from the stored one; a spec that only
 * lacked defaults is the same spec once defaulted, so the generation stays (the real server
 * defaults while decoding, before PrepareForUpdate compares specs).
 */
function keepGenerationIfSpecUnchanged(obj: KObject, old: KObject): void {
  if (obj.metadata.generation !== old.metadata.generation && jsonEqual(obj.spec, old.spec))
    obj.metadata.generation = old.metadata.generation;
}
