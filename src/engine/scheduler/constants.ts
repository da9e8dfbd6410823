/**
 * kube-scheduler's defaults, each named after the Kubernetes setting or constant it mirrors.
 */

/** Events and the pod condition name this scheduler (`KubeSchedulerProfile.schedulerName`). */
export const SCHEDULER_NAME = 'default-scheduler';

/** `podInitialBackoffSeconds` default (kube-scheduler `config/v1/types.go`). */
export const POD_INITIAL_BACKOFF_MS = 1_000;
/** `podMaxBackoffSeconds` default (kube-scheduler `config/v1/types.go`). */
export const POD_MAX_BACKOFF_MS = 10_000;
/** `k/k:pkg/scheduler/backend/queue/scheduling_queue.go DefaultPodMaxInUnschedulablePodsDuration`. */
export const POD_MAX_IN_UNSCHEDULABLE_PODS_MS = 5 * 60_000;
/** `flushUnschedulablePodsLeftover` runs every 30 s (scheduling_queue.go Run). */
export const UNSCHEDULABLE_FLUSH_PERIOD_MS = 30_000;

/** `framework.MaxNodeScore`. */
export const MAX_NODE_SCORE = 100;
/** `k/k:pkg/scheduler/schedule_one.go minFeasibleNodesToFind`. */
export const MIN_FEASIBLE_NODES_TO_FIND = 100;
/** `minFeasibleNodesPercentageToFind`. */
export const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

/** `k/k:pkg/scheduler/util/pod_resources.go DefaultMilliCPURequest` (scoring only). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
/** `DefaultMemoryRequest` = 200 MiB (scoring only). */
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

/** DefaultPreemption `minCandidateNodesPercentage` default (10) and `minCandidateNodesAbsolute` (100). */
export const MIN_CANDIDATE_NODES_PERCENTAGE = 10;
export const MIN_CANDIDATE_NODES_ABSOLUTE = 100;

/** Decision records kept for the "why this node?" panel (a playground limit, not a Kubernetes one). */
export const MAX_DECISION_RECORDS = 200;

/** PodTopologySpread system defaults (`k/k:.../podtopologyspread/plugin.go systemDefaultConstraints`). */
export const SYSTEM_DEFAULT_SPREAD = [
  { topologyKey: 'kubernetes.io/hostname', maxSkew: 3 },
  { topologyKey: 'topology.kubernetes.io/zone', maxSkew: 5 },
] as const;

/** InterPodAffinity `hardPodAffinityWeight` default. */
export const HARD_POD_AFFINITY_WEIGHT = 1;
