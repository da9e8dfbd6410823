/** Which table columns each kind prints with (`AddHandlers` in printers.go). */
import { podColumns } from './pods';
import {
  controllerRevisionColumns,
  cronJobColumns,
  daemonSetColumns,
  deploymentColumns,
  jobColumns,
  replicaSetColumns,
  replicationControllerColumns,
  statefulSetColumns,
} from './workloads';
import {
  endpointSliceColumns,
  endpointsColumns,
  ingressClassColumns,
  ingressColumns,
  networkPolicyColumns,
  serviceColumns,
} from './network';
import {
  configMapColumns,
  eventColumns,
  hpaColumns,
  leaseColumns,
  namespaceColumns,
  nodeColumns,
  pdbColumns,
  priorityClassColumns,
  pvColumns,
  pvcColumns,
  resourceQuotaColumns,
  roleBindingColumns,
  roleColumns,
  secretColumns,
  serviceAccountColumns,
  storageClassColumns,
} from './cluster';
import { ageColumn, type Column } from './table';

const COLUMNS: Record<string, Column[]> = {
  Pod: podColumns,
  Deployment: deploymentColumns,
  ReplicaSet: replicaSetColumns,
  DaemonSet: daemonSetColumns,
  StatefulSet: statefulSetColumns,
  Job: jobColumns,
  CronJob: cronJobColumns,
  ReplicationController: replicationControllerColumns,
  ControllerRevision: controllerRevisionColumns,
  Service: serviceColumns,
  Endpoints: endpointsColumns,
  EndpointSlice: endpointSliceColumns,
  Ingress: ingressColumns,
  IngressClass: ingressClassColumns,
  NetworkPolicy: networkPolicyColumns,
  Node: nodeColumns,
  Namespace: namespaceColumns,
  Event: eventColumns,
  ConfigMap: configMapColumns,
  Secret: secretColumns,
  ServiceAccount: serviceAccountColumns,
  PodDisruptionBudget: pdbColumns,
  HorizontalPodAutoscaler: hpaColumns,
  PersistentVolume: pvColumns,
  PersistentVolumeClaim: pvcColumns,
  StorageClass: storageClassColumns,
  PriorityClass: priorityClassColumns,
  Lease: leaseColumns,
  Role: roleColumns,
  ClusterRole: roleColumns,
  RoleBinding: roleBindingColumns,
  ClusterRoleBinding: roleBindingColumns,
  ResourceQuota: resourceQuotaColumns,
  LimitRange: [
    { header: 'NAME', cell: (o) => o.metadata.name },
    { header: 'CREATED AT', cell: (o) => o.metadata.creationTimestamp },
  ],
};

/** The API server's default table for kinds without a printer: NAME and AGE. */
const DEFAULT_COLUMNS: Column[] = [{ header: 'NAME', cell: (o) => o.metadata.name }, ageColumn];

export function columnsFor(kind: string, wide: boolean): Column[] {
  return (COLUMNS[kind] ?? DEFAULT_COLUMNS).filter((c) => wide || !c.wide);
}
