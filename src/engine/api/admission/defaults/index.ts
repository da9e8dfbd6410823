/**
 * Defaulting: what the API server's decoder does to every object it reads (the generated
 * `SetObjectDefaults_<Kind>` functions), on create and on update alike.
 */
import type { KObject } from '../../types';
import {
  setDefaultsEndpoints,
  setDefaultsEndpointSlice,
  setDefaultsHorizontalPodAutoscaler,
  setDefaultsLimitRange,
  setDefaultsNamespace,
  setDefaultsNode,
  setDefaultsPersistentVolume,
  setDefaultsPersistentVolumeClaim,
  setDefaultsPriorityClass,
  setDefaultsSecret,
  setDefaultsService,
} from './core';
import { setDefaultsPod, setDefaultsPodTemplate } from './pod';
import {
  setDefaultsCronJob,
  setDefaultsDaemonSet,
  setDefaultsDeployment,
  setDefaultsJob,
  setDefaultsReplicaSet,
  setDefaultsStatefulSet,
} from './workloads';

type Defaulter = (obj: KObject) => void;

const DEFAULTERS: Record<string, Defaulter> = {
  Pod: setDefaultsPod,
  PodTemplate: (o) => setDefaultsPodTemplate(o.template),
  ReplicationController: (o) => setDefaultsPodTemplate(o.spec?.template),
  Deployment: setDefaultsDeployment,
  ReplicaSet: setDefaultsReplicaSet,
  DaemonSet: setDefaultsDaemonSet,
  StatefulSet: setDefaultsStatefulSet,
  Job: setDefaultsJob,
  CronJob: setDefaultsCronJob,
  Service: setDefaultsService,
  Namespace: setDefaultsNamespace,
  Node: setDefaultsNode,
  Secret: setDefaultsSecret,
  PersistentVolumeClaim: setDefaultsPersistentVolumeClaim,
  PersistentVolume: setDefaultsPersistentVolume,
  Endpoints: setDefaultsEndpoints,
  EndpointSlice: setDefaultsEndpointSlice,
  HorizontalPodAutoscaler: setDefaultsHorizontalPodAutoscaler,
  PriorityClass: setDefaultsPriorityClass,
  LimitRange: setDefaultsLimitRange,
};

export function applyDefaults(obj: KObject): void {
  DEFAULTERS[obj.kind]?.(obj);
}
