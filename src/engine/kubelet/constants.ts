/**
 * Every delay and limit of the simulated node agents, in one place. Kubernetes defaults cite their
 * source; the simulated durations of a real machine (sandbox creation, image bandwidth) are
 * measured orders of magnitude on a kind/kubeadm node.
 */

// ------------------------------------------------------------------ pod lifecycle stages (kwok-style)

/** RunPodSandbox: pause container + CNI ADD on a warm node take about half a second. */
export const SANDBOX_CREATE_MS = 500;
/** CreateContainer (snapshot + OCI spec) before the Created event. */
export const CONTAINER_CREATE_MS = 150;
/** StartContainer after Created: the runtime starts the process. */
export const CONTAINER_START_MS = 50;
/** Resolving a tag to a manifest before the layers download (registry round trip). */
export const IMAGE_RESOLVE_MS = 200;
/** Simulated registry bandwidth: 15 MB/s, a typical home/cloud link to Docker Hub. */
export const IMAGE_PULL_BYTES_PER_SEC = 15_000_000;
/** Unpacking a layer into the snapshotter. */
export const IMAGE_UNPACK_MS_PER_LAYER = 40;
/** A failed pull answers after the registry's NotFound. */
export const IMAGE_PULL_FAIL_MS = 800;
/** Status manager: the kubelet confirms a finished deletion shortly after the last container exits. */
export const POD_CLEANUP_MS = 200;
/** Retry interval when a pod is blocked on something the kubelet waits for (PVC, ConfigMap). */
export const POD_RETRY_MS = 2_000;

// ------------------------------------------------------------------ backoffs (k/k:pkg/kubelet/kubelet.go)

/** `containerBackOffPeriod = 10 * time.Second` */
export const CONTAINER_BACKOFF_MS = 10_000;
/** `MaxContainerBackOff = 300 * time.Second` */
export const MAX_CONTAINER_BACKOFF_MS = 300_000;
/** `imageBackOffPeriod = 10 * time.Second` */
export const IMAGE_BACKOFF_MS = 10_000;
/** `MaxImageBackOff = 300 * time.Second` */
export const MAX_IMAGE_BACKOFF_MS = 300_000;

// ------------------------------------------------------------------ probes (SetDefaults_Probe)

export const PROBE_DEFAULT_PERIOD_S = 10;
export const PROBE_DEFAULT_TIMEOUT_S = 1;
export const PROBE_DEFAULT_FAILURE_THRESHOLD = 3;
export const PROBE_DEFAULT_SUCCESS_THRESHOLD = 1;

// ------------------------------------------------------------------ termination

/** `DefaultTerminationGracePeriodSeconds = 30` (core/v1/types.go). */
export const DEFAULT_GRACE_PERIOD_S = 30;
/** Exit code of a process killed by SIGKILL (128 + 9). */
export const SIGKILL_EXIT_CODE = 137;

// ------------------------------------------------------------------ node status (kubernetes/kubelet:config/v1beta1/types.go)

/** `nodeStatusUpdateFrequency` default 10 s. */
export const NODE_STATUS_UPDATE_MS = 10_000;
/** `nodeStatusReportFrequency` default 5 m: unchanged status is still posted this often. */
export const NODE_STATUS_REPORT_MS = 5 * 60_000;
/** `nodeLeaseDurationSeconds` default 40. */
export const NODE_LEASE_DURATION_S = 40;
/** Lease renew interval: 25% of the lease duration = 10 s (`k/k:pkg/kubelet/kubelet.go`, renewIntervalFraction 0.25). */
export const NODE_LEASE_RENEW_MS = 10_000;
/** ConfigMap/Secret volumes are refreshed on the kubelet's periodic pod sync (`syncFrequency` 1 m). */
export const VOLUME_RESYNC_MS = 60_000;
/** node.status.images lists at most 50 images (`nodeStatusMaxImages`). */
export const NODE_STATUS_MAX_IMAGES = 50;

// ------------------------------------------------------------------ node lifecycle controller

/** `--node-monitor-period` default 5 s. */
export const NODE_MONITOR_PERIOD_MS = 5_000;

// ------------------------------------------------------------------ logs

/** Lines kept per container instance (the simulated log file rotates beyond this). */
export const MAX_LOG_LINES = 1000;
/** A script that loops without sleeping is paused this long every MAX_VM_STEPS instructions. */
export const VM_BUSY_LOOP_PAUSE_MS = 1_000;
/** Instructions a script runs before yielding (guards `while true; do echo; done`). */
export const MAX_VM_STEPS = 2_000;
