/**
 * Priority (`k/k:plugin/pkg/admission/priority/admission.go`): a new pod's priorityClassName is
 * resolved to `spec.priority` and `spec.preemptionPolicy`; without a class the global default
 * class applies, or priority 0 and PreemptLowerPriority. PriorityClasses are checked too.
 */
import type { ApiStore, Operation } from '../../store';
import type { KObject } from '../../types';
import { forbidden } from './forbidden';

/** `scheduling.HighestUserDefinablePriority`. */
export const HIGHEST_USER_DEFINABLE_PRIORITY = 1000000000;
/** `scheduling.SystemCriticalPriority` and the two built-in classes derived from it. */
export const SYSTEM_CRITICAL_PRIORITY = 2 * HIGHEST_USER_DEFINABLE_PRIORITY;
export const SYSTEM_PRIORITY_CLASSES: Record<string, number> = {
  'system-cluster-critical': SYSTEM_CRITICAL_PRIORITY,
  'system-node-critical': SYSTEM_CRITICAL_PRIORITY + 1000,
};
/** `scheduling.DefaultPriorityWhenNoDefaultClassExists`. */
export const DEFAULT_PRIORITY = 0;

interface Resolved {
  name?: string;
  value: number;
  preemptionPolicy?: string;
}

/** The lowest-valued class marked globalDefault (`getDefaultPriorityClass`). */
function defaultClass(store: ApiStore): KObject | undefined {
  let best: KObject | undefined;
  for (const pc of store.list('PriorityClass'))
    if (pc.globalDefault && (!best || best.value > pc.value)) best = pc;
  return best;
}

function resolve(pod: KObject, store: ApiStore): Resolved {
  const name: string | undefined = pod.spec?.priorityClassName;
  if (!name) {
    const d = defaultClass(store);
    return d
      ? { name: d.metadata.name, value: d.value, preemptionPolicy: d.preemptionPolicy }
      : { value: DEFAULT_PRIORITY, preemptionPolicy: 'PreemptLowerPriority' };
  }
  const pc = store.get('PriorityClass', undefined, name);
  if (pc) return { name, value: pc.value, preemptionPolicy: pc.preemptionPolicy };
  // The apiserver creates the system classes at start-up; a cluster without add-ons still has them.
  if (name in SYSTEM_PRIORITY_CLASSES)
    return { name, value: SYSTEM_PRIORITY_CLASSES[name], preemptionPolicy: 'PreemptLowerPriority' };
  throw forbidden(pod, `no PriorityClass with name ${name} was found`);
}

export function admitPodPriority(
  op: Operation,
  pod: KObject,
  old: KObject | undefined,
  store: ApiStore,
): void {
  const spec = pod.spec;
  if (!spec || typeof spec !== 'object') return;
  if (op === 'UPDATE' && old) {
    // Keep what this plugin set on create; validation rejects any other change.
    spec.priority ??= old.spec?.priority;
    spec.preemptionPolicy ??= old.spec?.preemptionPolicy;
    return;
  }
  if (op !== 'CREATE') return;
  const r = resolve(pod, store);
  if (r.name && !spec.priorityClassName) spec.priorityClassName = r.name;
  if (spec.priority != null && spec.priority !== r.value) {
    throw forbidden(
      pod,
      `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${r.value} from the given PriorityClass name`,
    );
  }
  spec.priority = r.value;
  if (r.preemptionPolicy) {
    if (spec.preemptionPolicy && spec.preemptionPolicy !== r.preemptionPolicy) {
      throw forbidden(
        pod,
        `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${r.preemptionPolicy} from the given PriorityClass name`,
      );
    }
    spec.preemptionPolicy = r.preemptionPolicy;
  }
}

/** validatePriorityClass: one global default, user values up to 1e9, `system-` names reserved. */
export function validatePriorityClass(op: Operation, pc: KObject, store: ApiStore): void {
  if (op === 'DELETE') return;
  const name = pc.metadata.name;
  if (name in SYSTEM_PRIORITY_CLASSES) return;
  if (name.startsWith('system-'))
    throw forbidden(
      pc,
      `priority class names with 'system-' prefix are reserved for system use only: ${name}`,
    );
  if (pc.value > HIGHEST_USER_DEFINABLE_PRIORITY)
    throw forbidden(
      pc,
      `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}`,
    );
  if (pc.globalDefault) {
    const d = defaultClass(store);
    if (d && (op === 'CREATE' || d.metadata.name !== name))
      throw forbidden(
        pc,
        `PriorityClass ${d.metadata.name} is already marked as default. Only one default can exist`,
      );
  }
}
