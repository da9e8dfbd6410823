/**
 * Pod and PodSpec defaults, mirroring `k/k:pkg/apis/core/v1/defaults.go` (SetDefaults_Pod,
 * SetDefaults_PodSpec, SetDefaults_Container, SetDefaults_Probe, SetDefaults_HTTPGetAction,
 * SetDefaults_Volume and the volume-source modes) as the generated `SetObjectDefaults_*` apply them
 * to every PodSpec, including the templates inside workloads.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */

/** `v1.DefaultTerminationGracePeriodSeconds`. */
export const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;
/** `v1.DefaultSchedulerName`. */
export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';
/** `v1.TerminationMessagePathDefault`. */
export const TERMINATION_MESSAGE_PATH_DEFAULT = '/dev/termination-log';
/** 0644: `SecretVolumeSourceDefaultMode`, `ConfigMapVolumeSourceDefaultMode`, projected and downward API. */
export const VOLUME_DEFAULT_MODE = 0o644;
/** SetDefaults_Probe: timeoutSeconds, periodSeconds, successThreshold, failureThreshold. */
export const PROBE_DEFAULTS = {
  timeoutSeconds: 1,
  periodSeconds: 10,
  successThreshold: 1,
  failureThreshold: 3,
} as const;
/** SetDefaults_ServiceAccountTokenProjection: one hour. */
export const DEFAULT_TOKEN_EXPIRATION_SECONDS = 3600;

const VOLUME_SOURCES = [
  'hostPath',
  'emptyDir',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'secret',
  'nfs',
  'iscsi',
  'glusterfs',
  'persistentVolumeClaim',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'downwardAPI',
  'fc',
  'azureFile',
  'configMap',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'projected',
  'portworxVolume',
  'scaleIO',
  'storageos',
  'csi',
  'ephemeral',
  'image',
];

/**
 * `parsers.ParseImageName`'s tag: the part after the last ':' of the last path segment, "latest"
 * when there is neither tag nor digest, "" when there is only a digest.
 */
export function imageTag(image: string): string {
  const [named, digest] = image.split('@', 2);
  const lastSlash = named.lastIndexOf('/');
  const colon = named.lastIndexOf(':');
  if (colon > lastSlash) return named.slice(colon + 1);
  return digest ? '' : 'latest';
}

function setDefaultsProbe(p: any): void {
  if (!p || typeof p !== 'object') return;
  for (const [k, v] of Object.entries(PROBE_DEFAULTS)) if (!p[k]) p[k] = v;
  setDefaultsHandler(p);
}

function setDefaultsHandler(h: any): void {
  if (!h || typeof h !== 'object') return;
  if (h.httpGet && typeof h.httpGet === 'object') {
    h.httpGet.path ||= '/';
    h.httpGet.scheme ||= 'HTTP';
  }
}

function setDefaultsEnv(env: any): void {
  if (!Array.isArray(env)) return;
  for (const e of env) {
    const ref = e?.valueFrom?.fieldRef;
    if (ref && typeof ref === 'object') ref.apiVersion ||= 'v1';
  }
}

function setDefaultsContainer(c: any): void {
  if (!c || typeof c !== 'object') return;
  if (!c.imagePullPolicy && typeof c.image === 'string')
    c.imagePullPolicy = imageTag(c.image) === 'latest' ? 'Always' : 'IfNotPresent';
  c.terminationMessagePath ||= TERMINATION_MESSAGE_PATH_DEFAULT;
  c.terminationMessagePolicy ||= 'File';
  // ResourceRequirements is a struct without omitempty effect: it always serialises as `{}`.
  if (c.resources === undefined || c.resources === null) c.resources = {};
  for (const p of Array.isArray(c.ports) ? c.ports : [])
    if (p && typeof p === 'object') p.protocol ||= 'TCP';
  setDefaultsProbe(c.livenessProbe);
  setDefaultsProbe(c.readinessProbe);
  setDefaultsProbe(c.startupProbe);
  setDefaultsHandler(c.lifecycle?.postStart);
  setDefaultsHandler(c.lifecycle?.preStop);
  setDefaultsEnv(c.env);
}

function setDefaultsVolume(v: any): void {
  if (!v || typeof v !== 'object') return;
  if (!VOLUME_SOURCES.some((s) => v[s] !== undefined && v[s] !== null)) v.emptyDir = {};
  for (const s of ['secret', 'configMap', 'downwardAPI', 'projected']) {
    if (v[s] && typeof v[s] === 'object' && v[s].defaultMode === undefined)
      v[s].defaultMode = VOLUME_DEFAULT_MODE;
  }
  if (v.hostPath && typeof v.hostPath === 'object') v.hostPath.type ??= '';
  for (const item of v.downwardAPI?.items ?? [])
    if (item?.fieldRef) item.fieldRef.apiVersion ||= 'v1';
  for (const src of v.projected?.sources ?? []) {
    if (src?.serviceAccountToken)
      src.serviceAccountToken.expirationSeconds ??= DEFAULT_TOKEN_EXPIRATION_SECONDS;
    for (const item of src?.downwardAPI?.items ?? [])
      if (item?.fieldRef) item.fieldRef.apiVersion ||= 'v1';
  }
}

/** SetDefaults_PodSpec plus the nested container, probe and volume defaults. */
export function setDefaultsPodSpec(spec: any): void {
  if (!spec || typeof spec !== 'object') return;
  spec.dnsPolicy ||= 'ClusterFirst';
  spec.restartPolicy ||= 'Always';
  if (spec.securityContext === undefined || spec.securityContext === null)
    spec.securityContext = {};
  spec.terminationGracePeriodSeconds ??= DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS;
  spec.schedulerName ||= DEFAULT_SCHEDULER_NAME;
  // v1 conversion keeps the deprecated `serviceAccount` in step with `serviceAccountName`
  // (`k/k:pkg/apis/core/v1/conversion.go Convert_core_PodSpec_To_v1_PodSpec`).
  if (!spec.serviceAccountName && spec.serviceAccount)
    spec.serviceAccountName = spec.serviceAccount;
  if (spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName;
  for (const list of ['containers', 'initContainers', 'ephemeralContainers']) {
    for (const c of Array.isArray(spec[list]) ? spec[list] : []) setDefaultsContainer(c);
  }
  for (const v of Array.isArray(spec.volumes) ? spec.volumes : []) setDefaultsVolume(v);
}

/** SetDefaults_Pod: requests default to limits (only on Pods, not templates), service links, host ports. */
export function setDefaultsPod(pod: any): void {
  const spec = pod.spec;
  if (!spec || typeof spec !== 'object') return;
  setDefaultsPodSpec(spec);
  for (const list of ['containers', 'initContainers']) {
    for (const c of Array.isArray(spec[list]) ? spec[list] : []) {
      const limits = c?.resources?.limits;
      if (!limits || typeof limits !== 'object') continue;
      c.resources.requests ??= {};
      for (const k of Object.keys(limits))
        if (!(k in c.resources.requests)) c.resources.requests[k] = limits[k];
    }
  }
  spec.enableServiceLinks ??= true;
  if (spec.hostNetwork) {
    for (const list of ['containers', 'initContainers']) {
      for (const c of Array.isArray(spec[list]) ? spec[list] : []) {
        for (const p of Array.isArray(c?.ports) ? c.ports : [])
          if (!p.hostPort) p.hostPort = p.containerPort;
      }
    }
  }
}

/** A PodTemplateSpec inside a workload: only SetDefaults_PodSpec and below. */
export function setDefaultsPodTemplate(template: any): void {
  if (template && typeof template === 'object') setDefaultsPodSpec(template.spec);
}
