/**
 * Validation: each kind's strategy `Validate` / `ValidateUpdate`. All causes are collected and
 * returned as one Invalid error, as `errors.NewInvalid` does.
 */
import { invalid, type FieldCause } from '../../errors';
import { resourceForKind } from '../../registry';
import { jsonEqual, type KObject } from '../../types';
import type { Operation } from '../../store';
import { validateCronJob, validateJob, validateJobUpdate } from './batch';
import { validateObjectMeta } from './meta';
import {
  validateConfigMap,
  validateConfigMapUpdate,
  validateHorizontalPodAutoscaler,
  validatePodDisruptionBudget,
  validateSecret,
  validateSecretUpdate,
} from './misc';
import { validatePod, validatePodUpdate } from './pod';
import { validateService, validateServiceUpdate } from './service';
import {
  validateDaemonSet,
  validateDaemonSetUpdate,
  validateDeployment,
  validateDeploymentUpdate,
  validateReplicaSet,
  validateReplicaSetUpdate,
  validateStatefulSet,
  validateStatefulSetUpdate,
} from './workloads';

type Validator = (obj: KObject) => FieldCause[];
type UpdateValidator = (obj: KObject, old: KObject) => FieldCause[];

const ON_CREATE: Record<string, Validator> = {
  Pod: validatePod,
  Deployment: validateDeployment,
  ReplicaSet: validateReplicaSet,
  DaemonSet: validateDaemonSet,
  StatefulSet: validateStatefulSet,
  Job: validateJob,
  CronJob: validateCronJob,
  Service: validateService,
  ConfigMap: validateConfigMap,
  Secret: validateSecret,
  PodDisruptionBudget: validatePodDisruptionBudget,
  HorizontalPodAutoscaler: validateHorizontalPodAutoscaler,
};

const ON_UPDATE: Record<string, UpdateValidator> = {
  Pod: validatePodUpdate,
  Deployment: validateDeploymentUpdate,
  ReplicaSet: validateReplicaSetUpdate,
  DaemonSet: validateDaemonSetUpdate,
  StatefulSet: validateStatefulSetUpdate,
  Job: validateJobUpdate,
  Service: validateServiceUpdate,
  ConfigMap: validateConfigMapUpdate,
  Secret: validateSecretUpdate,
};

const withoutStatus = ({ status: _status, ...rest }: KObject) => rest;

export function validate(op: Operation, obj: KObject, old: KObject | undefined): void {
  if (op === 'DELETE') return;
  // A write through the status subresource (or one that changes nothing but status) is checked
  // by the ValidateXStatusUpdate functions, which the playground does not need.
  if (op === 'UPDATE' && old && jsonEqual(withoutStatus(obj), withoutStatus(old))) return;
  let causes: FieldCause[];
  if (op === 'UPDATE' && old) {
    const fn = ON_UPDATE[obj.kind];
    causes = fn ? fn(obj, old) : (ON_CREATE[obj.kind] ?? validateObjectMeta)(obj);
  } else if (ON_CREATE[obj.kind]) causes = ON_CREATE[obj.kind](obj);
  else causes = resourceForKind(obj.kind) ? validateObjectMeta(obj) : [];
  if (causes.length > 0) throw invalid(obj.kind, obj.metadata?.name ?? '', causes);
}
