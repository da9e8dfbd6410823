/**
 * Generates the engine's API tables from the Kubernetes OpenAPI v2 document:
 *
 *   src/engine/api/generated/resources.ts     the kind table (what `kubectl api-resources` prints)
 *   src/engine/api/generated/definitions.json the OpenAPI definitions those kinds reference
 *
 * Usage: npm run gen:schemas -- [path/to/swagger.json]   (default /tmp/swagger.json)
 *
 * The input is Kubernetes' api/openapi-spec/swagger.json of release-1.36 (also published as
 * kubernetes/swagger.json.unprocessed in kubernetes-client/python). It is 4 MB and is not kept
 * in the repository; the generated files are.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

const SOURCE = 'Kubernetes v1.36 OpenAPI, api/openapi-spec/swagger.json';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, 'src/engine/api/generated');

/** The kinds the simulated API server serves, as group/version/kind. */
const KINDS: ReadonlyArray<readonly [group: string, version: string, kinds: string]> = [
  [
    '',
    'v1',
    'Namespace Node Pod Service Endpoints Event ConfigMap Secret ServiceAccount PersistentVolume ' +
      'PersistentVolumeClaim ResourceQuota LimitRange ReplicationController',
  ],
  ['apps', 'v1', 'ReplicaSet Deployment DaemonSet StatefulSet ControllerRevision'],
  ['discovery.k8s.io', 'v1', 'EndpointSlice'],
  ['batch', 'v1', 'Job CronJob'],
  ['policy', 'v1', 'PodDisruptionBudget'],
  ['autoscaling', 'v2', 'HorizontalPodAutoscaler'],
  ['networking.k8s.io', 'v1', 'Ingress IngressClass NetworkPolicy'],
  ['storage.k8s.io', 'v1', 'StorageClass'],
  ['scheduling.k8s.io', 'v1', 'PriorityClass'],
  ['coordination.k8s.io', 'v1', 'Lease'],
  ['rbac.authorization.k8s.io', 'v1', 'Role RoleBinding ClusterRole ClusterRoleBinding'],
];

/**
 * Short names, keyed by plural. The swagger does not carry them; these are what discovery
 * serves (the `ShortNames()` of each registry's REST storage, e.g.
 * pkg/registry/apps/deployment/storage/storage.go) and `kubectl api-resources` prints.
 */
const SHORT_NAMES: Readonly<Record<string, readonly string[]>> = {
  configmaps: ['cm'],
  endpoints: ['ep'],
  events: ['ev'],
  limitranges: ['limits'],
  namespaces: ['ns'],
  nodes: ['no'],
  persistentvolumeclaims: ['pvc'],
  persistentvolumes: ['pv'],
  pods: ['po'],
  replicationcontrollers: ['rc'],
  resourcequotas: ['quota'],
  serviceaccounts: ['sa'],
  services: ['svc'],
  daemonsets: ['ds'],
  deployments: ['deploy'],
  replicasets: ['rs'],
  statefulsets: ['sts'],
  horizontalpodautoscalers: ['hpa'],
  cronjobs: ['cj'],
  ingresses: ['ing'],
  networkpolicies: ['netpol'],
  poddisruptionbudgets: ['pdb'],
  priorityclasses: ['pc'],
  storageclasses: ['sc'],
};

/** Resources in the "all" category (`Categories()` of their REST storage), as `kubectl get all` uses. */
const CATEGORY_ALL = new Set([
  'pods',
  'replicationcontrollers',
  'services',
  'daemonsets',
  'deployments',
  'replicasets',
  'statefulsets',
  'horizontalpodautoscalers',
  'cronjobs',
  'jobs',
]);

/**
 * Go types of struct fields whose Go type is a named type (enum-like strings, ResourceList,
 * types.UID, ...). The swagger only says "string" or "object", but the API server's JSON decoder
 * names the Go type in its errors ("... of type v1.PullPolicy"). Mirrors the struct fields of
 * k8s.io/api v0.36.0 (<group>/<version>/types.go) and k8s.io/apimachinery v0.36.0
 * (pkg/apis/meta/v1/types.go); fields not listed have the Go type the swagger implies.
 * One definition a line: "<definition> <jsonName>=<goType> ...".
 */
const GO_TYPES = `
io.k8s.api.apps.v1.DaemonSetCondition status=v1.ConditionStatus type=v1.DaemonSetConditionType
io.k8s.api.apps.v1.DaemonSetUpdateStrategy type=v1.DaemonSetUpdateStrategyType
io.k8s.api.apps.v1.DeploymentCondition status=v1.ConditionStatus type=v1.DeploymentConditionType
io.k8s.api.apps.v1.DeploymentStrategy type=v1.DeploymentStrategyType
io.k8s.api.apps.v1.ReplicaSetCondition status=v1.ConditionStatus type=v1.ReplicaSetConditionType
io.k8s.api.apps.v1.StatefulSetCondition status=v1.ConditionStatus type=v1.StatefulSetConditionType
io.k8s.api.apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy whenDeleted=v1.PersistentVolumeClaimRetentionPolicyType whenScaled=v1.PersistentVolumeClaimRetentionPolicyType
io.k8s.api.apps.v1.StatefulSetSpec podManagementPolicy=v1.PodManagementPolicyType
io.k8s.api.apps.v1.StatefulSetUpdateStrategy type=v1.StatefulSetUpdateStrategyType
io.k8s.api.autoscaling.v2.ContainerResourceMetricSource name=v1.ResourceName
io.k8s.api.autoscaling.v2.ContainerResourceMetricStatus name=v1.ResourceName
io.k8s.api.autoscaling.v2.HPAScalingPolicy type=v2.HPAScalingPolicyType
io.k8s.api.autoscaling.v2.HPAScalingRules selectPolicy=v2.ScalingPolicySelect
io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerCondition status=v1.ConditionStatus type=v2.HorizontalPodAutoscalerConditionType
io.k8s.api.autoscaling.v2.MetricSpec type=v2.MetricSourceType
io.k8s.api.autoscaling.v2.MetricStatus type=v2.MetricSourceType
io.k8s.api.autoscaling.v2.MetricTarget type=v2.MetricTargetType
io.k8s.api.autoscaling.v2.ResourceMetricSource name=v1.ResourceName
io.k8s.api.autoscaling.v2.ResourceMetricStatus name=v1.ResourceName
io.k8s.api.batch.v1.CronJobSpec concurrencyPolicy=v1.ConcurrencyPolicy
io.k8s.api.batch.v1.JobCondition status=v1.ConditionStatus type=v1.JobConditionType
io.k8s.api.batch.v1.JobSpec completionMode=v1.CompletionMode podReplacementPolicy=v1.PodReplacementPolicy
io.k8s.api.batch.v1.PodFailurePolicyOnExitCodesRequirement operator=v1.PodFailurePolicyOnExitCodesOperator
io.k8s.api.batch.v1.PodFailurePolicyOnPodConditionsPattern status=v1.ConditionStatus type=v1.PodConditionType
io.k8s.api.batch.v1.PodFailurePolicyRule action=v1.PodFailurePolicyAction
io.k8s.api.batch.v1.UncountedTerminatedPods failed=[]types.UID succeeded=[]types.UID
io.k8s.api.coordination.v1.LeaseSpec strategy=v1.CoordinatedLeaseStrategy
io.k8s.api.core.v1.AppArmorProfile type=v1.AppArmorProfileType
io.k8s.api.core.v1.AttachedVolume name=v1.UniqueVolumeName
io.k8s.api.core.v1.AzureDiskVolumeSource cachingMode=v1.AzureDataDiskCachingMode kind=v1.AzureDataDiskKind
io.k8s.api.core.v1.Capabilities add=[]v1.Capability drop=[]v1.Capability
io.k8s.api.core.v1.ConfigMapNodeConfigSource uid=types.UID
io.k8s.api.core.v1.Container imagePullPolicy=v1.PullPolicy restartPolicy=v1.ContainerRestartPolicy terminationMessagePolicy=v1.TerminationMessagePolicy
io.k8s.api.core.v1.ContainerPort protocol=v1.Protocol
io.k8s.api.core.v1.ContainerResizePolicy resourceName=v1.ResourceName restartPolicy=v1.ResourceResizeRestartPolicy
io.k8s.api.core.v1.ContainerRestartRule action=v1.ContainerRestartRuleAction
io.k8s.api.core.v1.ContainerRestartRuleOnExitCodes operator=v1.ContainerRestartRuleOnExitCodesOperator
io.k8s.api.core.v1.ContainerStatus allocatedResources=v1.ResourceList stopSignal=v1.Signal
io.k8s.api.core.v1.EmptyDirVolumeSource medium=v1.StorageMedium
io.k8s.api.core.v1.EndpointPort protocol=v1.Protocol
io.k8s.api.core.v1.EphemeralContainer imagePullPolicy=v1.PullPolicy restartPolicy=v1.ContainerRestartPolicy terminationMessagePolicy=v1.TerminationMessagePolicy
io.k8s.api.core.v1.HTTPGetAction scheme=v1.URIScheme
io.k8s.api.core.v1.HostPathVolumeSource type=v1.HostPathType
io.k8s.api.core.v1.ImageVolumeSource pullPolicy=v1.PullPolicy
io.k8s.api.core.v1.Lifecycle stopSignal=v1.Signal
io.k8s.api.core.v1.LimitRangeItem default=v1.ResourceList defaultRequest=v1.ResourceList max=v1.ResourceList maxLimitRequestRatio=v1.ResourceList min=v1.ResourceList type=v1.LimitType
io.k8s.api.core.v1.LoadBalancerIngress ipMode=v1.LoadBalancerIPMode
io.k8s.api.core.v1.ModifyVolumeStatus status=v1.PersistentVolumeClaimModifyVolumeStatus
io.k8s.api.core.v1.NamespaceCondition status=v1.ConditionStatus type=v1.NamespaceConditionType
io.k8s.api.core.v1.NamespaceSpec finalizers=[]v1.FinalizerName
io.k8s.api.core.v1.NamespaceStatus phase=v1.NamespacePhase
io.k8s.api.core.v1.NodeAddress type=v1.NodeAddressType
io.k8s.api.core.v1.NodeAllocatableResourceClaimStatus resources=map[v1.ResourceName]resource.Quantity
io.k8s.api.core.v1.NodeCondition status=v1.ConditionStatus type=v1.NodeConditionType
io.k8s.api.core.v1.NodeSelectorRequirement operator=v1.NodeSelectorOperator
io.k8s.api.core.v1.NodeStatus allocatable=v1.ResourceList capacity=v1.ResourceList phase=v1.NodePhase volumesInUse=[]v1.UniqueVolumeName
io.k8s.api.core.v1.ObjectReference uid=types.UID
io.k8s.api.core.v1.PersistentVolumeClaimCondition status=v1.ConditionStatus type=v1.PersistentVolumeClaimConditionType
io.k8s.api.core.v1.PersistentVolumeClaimSpec accessModes=[]v1.PersistentVolumeAccessMode volumeMode=v1.PersistentVolumeMode
io.k8s.api.core.v1.PersistentVolumeClaimStatus accessModes=[]v1.PersistentVolumeAccessMode allocatedResourceStatuses=map[v1.ResourceName]v1.ClaimResourceStatus allocatedResources=v1.ResourceList capacity=v1.ResourceList phase=v1.PersistentVolumeClaimPhase
io.k8s.api.core.v1.PersistentVolumeSpec accessModes=[]v1.PersistentVolumeAccessMode capacity=v1.ResourceList persistentVolumeReclaimPolicy=v1.PersistentVolumeReclaimPolicy volumeMode=v1.PersistentVolumeMode
io.k8s.api.core.v1.PersistentVolumeStatus phase=v1.PersistentVolumePhase
io.k8s.api.core.v1.PodCondition status=v1.ConditionStatus type=v1.PodConditionType
io.k8s.api.core.v1.PodOS name=v1.OSName
io.k8s.api.core.v1.PodReadinessGate conditionType=v1.PodConditionType
io.k8s.api.core.v1.PodSecurityContext fsGroupChangePolicy=v1.PodFSGroupChangePolicy seLinuxChangePolicy=v1.PodSELinuxChangePolicy supplementalGroupsPolicy=v1.SupplementalGroupsPolicy
io.k8s.api.core.v1.PodSpec dnsPolicy=v1.DNSPolicy overhead=v1.ResourceList preemptionPolicy=v1.PreemptionPolicy restartPolicy=v1.RestartPolicy
io.k8s.api.core.v1.PodStatus allocatedResources=v1.ResourceList phase=v1.PodPhase qosClass=v1.PodQOSClass resize=v1.PodResizeStatus
io.k8s.api.core.v1.PortStatus protocol=v1.Protocol
io.k8s.api.core.v1.ReplicationControllerCondition status=v1.ConditionStatus type=v1.ReplicationControllerConditionType
io.k8s.api.core.v1.ResourceHealth health=v1.ResourceHealthStatus resourceID=v1.ResourceID
io.k8s.api.core.v1.ResourceQuotaSpec hard=v1.ResourceList scopes=[]v1.ResourceQuotaScope
io.k8s.api.core.v1.ResourceQuotaStatus hard=v1.ResourceList used=v1.ResourceList
io.k8s.api.core.v1.ResourceRequirements limits=v1.ResourceList requests=v1.ResourceList
io.k8s.api.core.v1.ResourceStatus name=v1.ResourceName
io.k8s.api.core.v1.ScopedResourceSelectorRequirement operator=v1.ScopeSelectorOperator scopeName=v1.ResourceQuotaScope
io.k8s.api.core.v1.SeccompProfile type=v1.SeccompProfileType
io.k8s.api.core.v1.Secret type=v1.SecretType
io.k8s.api.core.v1.SecurityContext procMount=v1.ProcMountType
io.k8s.api.core.v1.ServicePort protocol=v1.Protocol
io.k8s.api.core.v1.ServiceSpec externalTrafficPolicy=v1.ServiceExternalTrafficPolicy internalTrafficPolicy=v1.ServiceInternalTrafficPolicy ipFamilies=[]v1.IPFamily ipFamilyPolicy=v1.IPFamilyPolicy sessionAffinity=v1.ServiceAffinity type=v1.ServiceType
io.k8s.api.core.v1.Taint effect=v1.TaintEffect
io.k8s.api.core.v1.Toleration effect=v1.TaintEffect operator=v1.TolerationOperator
io.k8s.api.core.v1.TopologySpreadConstraint nodeAffinityPolicy=v1.NodeInclusionPolicy nodeTaintsPolicy=v1.NodeInclusionPolicy whenUnsatisfiable=v1.UnsatisfiableConstraintAction
io.k8s.api.core.v1.VolumeMount mountPropagation=v1.MountPropagationMode recursiveReadOnly=v1.RecursiveReadOnlyMode
io.k8s.api.core.v1.VolumeMountStatus recursiveReadOnly=v1.RecursiveReadOnlyMode
io.k8s.api.core.v1.VolumeResourceRequirements limits=v1.ResourceList requests=v1.ResourceList
io.k8s.api.discovery.v1.EndpointPort protocol=v1.Protocol
io.k8s.api.discovery.v1.EndpointSlice addressType=v1.AddressType
io.k8s.api.networking.v1.HTTPIngressPath pathType=v1.PathType
io.k8s.api.networking.v1.IngressPortStatus protocol=v1.Protocol
io.k8s.api.networking.v1.NetworkPolicyPort protocol=v1.Protocol
io.k8s.api.networking.v1.NetworkPolicySpec policyTypes=[]v1.PolicyType
io.k8s.api.policy.v1.PodDisruptionBudgetSpec unhealthyPodEvictionPolicy=v1.UnhealthyPodEvictionPolicyType
io.k8s.api.scheduling.v1.PriorityClass preemptionPolicy=v1.PreemptionPolicy
io.k8s.api.storage.v1.StorageClass reclaimPolicy=v1.PersistentVolumeReclaimPolicy volumeBindingMode=v1.VolumeBindingMode
io.k8s.apimachinery.pkg.apis.meta.v1.Condition status=v1.ConditionStatus
io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement operator=v1.LabelSelectorOperator
io.k8s.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry operation=v1.ManagedFieldsOperationType
io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta uid=types.UID
io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference uid=types.UID
`;

/** Schema keys whose values are data, kept as they are. */
const DATA_KEYS = new Set(
  (
    'description type format required $ref enum x-kubernetes-list-type x-kubernetes-list-map-keys ' +
    'x-kubernetes-patch-merge-key x-kubernetes-patch-strategy x-kubernetes-int-or-string ' +
    'x-kubernetes-preserve-unknown-fields x-kubernetes-group-version-kind'
  ).split(' '),
);
/**
 * Schema keys holding sub-schemas, kept and stripped in turn. Everything else (defaults, unions,
 * validations, x-kubernetes-map-type) is dropped.
 */
const SCHEMA_KEYS = new Set(['properties', 'items', 'additionalProperties']);
/** Our own key: the Go type of a struct field when it is not the one the schema implies. */
const GO_TYPE_KEY = 'x-kubeplay-go-type';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Gvk {
  group: string;
  version: string;
  kind: string;
}

interface Operation {
  'x-kubernetes-action'?: string;
  'x-kubernetes-group-version-kind'?: Gvk;
}

interface Swagger {
  definitions: Record<string, JsonObject>;
  paths: Record<string, Record<string, Operation>>;
}

interface ResourceRow {
  kind: string;
  group: string;
  version: string;
  apiVersion: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  verbs: string[];
  shortNames: string[];
  categories: string[];
  definition: string;
}

/** kubectl api-resources prints verbs in this order (sorted, as discovery serves them). */
const VERB_ORDER = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];
/** x-kubernetes-action → discovery verb (apiserver's endpoints/installer.go). */
const ACTION_VERB: Readonly<Record<string, string>> = {
  post: 'create',
  put: 'update',
  patch: 'patch',
  get: 'get',
  list: 'list',
  delete: 'delete',
  deletecollection: 'deletecollection',
  watch: 'watch',
  watchlist: 'watch',
};

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function findDefinition(swagger: Swagger, gvk: Gvk): string {
  for (const [name, def] of Object.entries(swagger.definitions)) {
    const gvks = def['x-kubernetes-group-version-kind'];
    if (!Array.isArray(gvks)) continue;
    for (const g of gvks) {
      if (
        isObject(g) &&
        g.group === gvk.group &&
        g.version === gvk.version &&
        g.kind === gvk.kind
      ) {
        return name;
      }
    }
  }
  throw new Error(`no definition for ${gvk.group}/${gvk.version} ${gvk.kind}`);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Derives plural, scope and verbs from the resource's own paths (not its subresources). */
function resourceRow(swagger: Swagger, gvk: Gvk): ResourceRow {
  const prefix = gvk.group ? `/apis/${gvk.group}/${gvk.version}` : `/api/${gvk.version}`;
  const re = new RegExp(
    `^${escapeRe(prefix)}/(?:watch/)?(namespaces/\\{namespace\\}/)?([a-z0-9]+)(/\\{name\\})?$`,
  );
  let plural = '';
  let namespaced = false;
  const verbs = new Set<string>();
  for (const [path, item] of Object.entries(swagger.paths)) {
    const m = re.exec(path);
    if (!m) continue;
    for (const [method, op] of Object.entries(item)) {
      if (method === 'parameters') continue;
      const g = op['x-kubernetes-group-version-kind'];
      if (!g || g.group !== gvk.group || g.version !== gvk.version || g.kind !== gvk.kind) continue;
      if (plural && plural !== m[2]) throw new Error(`${gvk.kind}: two plurals ${plural}, ${m[2]}`);
      plural = m[2];
      if (m[1]) namespaced = true;
      const verb = ACTION_VERB[op['x-kubernetes-action'] ?? ''];
      if (verb) verbs.add(verb);
    }
  }
  if (!plural) throw new Error(`no paths for ${gvk.group}/${gvk.version} ${gvk.kind}`);
  return {
    kind: gvk.kind,
    group: gvk.group,
    version: gvk.version,
    apiVersion: gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version,
    plural,
    // The API server's default singular name is the lower-cased kind.
    singular: gvk.kind.toLowerCase(),
    namespaced,
    verbs: VERB_ORDER.filter((v) => verbs.has(v)),
    shortNames: [...(SHORT_NAMES[plural] ?? [])],
    categories: CATEGORY_ALL.has(plural) ? ['all'] : [],
    definition: findDefinition(swagger, gvk),
  };
}

function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}

function collectRefs(v: Json, out: string[]): void {
  if (Array.isArray(v)) {
    for (const x of v) collectRefs(x, out);
  } else if (isObject(v)) {
    for (const [k, x] of Object.entries(v)) {
      if (k === '$ref' && typeof x === 'string') out.push(refName(x));
      else collectRefs(x, out);
    }
  }
}

/** Keeps the DATA_KEYS and SCHEMA_KEYS of a schema, recursing into sub-schemas. */
function strip(schema: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(schema).sort()) {
    const v = schema[key];
    if (DATA_KEYS.has(key)) out[key] = v;
    else if (!SCHEMA_KEYS.has(key)) continue;
    else if (key === 'properties' && isObject(v)) {
      const props: JsonObject = {};
      for (const [name, p] of Object.entries(v)) if (isObject(p)) props[name] = strip(p);
      out[key] = props;
    } else if (isObject(v)) out[key] = strip(v);
    else out[key] = v;
  }
  return out;
}

function applyGoTypes(defs: Record<string, JsonObject>): void {
  for (const line of GO_TYPES.trim().split('\n')) {
    const [name, ...pairs] = line.split(' ');
    const props = defs[name]?.properties;
    if (!isObject(props)) throw new Error(`GO_TYPES: ${name} is not in the closure`);
    for (const pair of pairs) {
      const [field, goType] = pair.split('=');
      const prop = props[field];
      if (!isObject(prop)) throw new Error(`GO_TYPES: ${name}.${field} does not exist`);
      prop[GO_TYPE_KEY] = goType;
    }
  }
}

async function formatTs(file: string, source: string): Promise<string> {
  const config = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(source, { ...config, filepath: file });
}

async function main(): Promise<void> {
  const input = process.argv[2] ?? '/tmp/swagger.json';
  const swagger = JSON.parse(readFileSync(input, 'utf8')) as Swagger;

  const rows: ResourceRow[] = [];
  for (const [group, version, kinds] of KINDS) {
    for (const kind of kinds.split(' ')) rows.push(resourceRow(swagger, { group, version, kind }));
  }
  // `kubectl api-resources` stable-sorts by group (core first); discovery lists each group's
  // resources by name (kubectl/pkg/cmd/apiresources/apiresources.go, sortableResource).
  rows.sort((a, b) =>
    a.group !== b.group ? (a.group < b.group ? -1 : 1) : a.plural < b.plural ? -1 : 1,
  );

  // Transitive closure of the definitions the kinds reference.
  const closure = new Set<string>();
  const stack = rows.map((r) => r.definition);
  while (stack.length > 0) {
    const name = stack.pop() as string;
    if (closure.has(name)) continue;
    const def = swagger.definitions[name];
    if (!def) throw new Error(`dangling $ref ${name}`);
    closure.add(name);
    const refs: string[] = [];
    collectRefs(def, refs);
    stack.push(...refs);
  }
  const definitions: Record<string, JsonObject> = {};
  for (const name of [...closure].sort()) definitions[name] = strip(swagger.definitions[name]);
  applyGoTypes(definitions);

  mkdirSync(OUT_DIR, { recursive: true });
  const defsJson = JSON.stringify({
    info: {
      source: SOURCE,
      generator: 'scripts/gen-schemas.ts',
      note: `Definitions referenced by the kinds in resources.ts. Only structural keys are kept; "${GO_TYPE_KEY}" is added by the generator.`,
    },
    definitions,
  });
  writeFileSync(join(OUT_DIR, 'definitions.json'), defsJson + '\n');

  const resourcesFile = join(OUT_DIR, 'resources.ts');
  const ts = `// Code generated by scripts/gen-schemas.ts from ${SOURCE}. DO NOT EDIT.
// Short names and categories are not in the OpenAPI document; the generator keeps them as a table.

/** One row of \`kubectl api-resources\`, plus the OpenAPI definition of the kind. */
export interface ResourceInfo {
  readonly kind: string;
  /** '' for the core group. */
  readonly group: string;
  readonly version: string;
  /** 'v1', 'apps/v1', ... */
  readonly apiVersion: string;
  /** The resource name: 'deployments'. */
  readonly plural: string;
  readonly singular: string;
  readonly namespaced: boolean;
  readonly verbs: readonly string[];
  readonly shortNames: readonly string[];
  readonly categories: readonly string[];
  /** OpenAPI definition name, e.g. 'io.k8s.api.apps.v1.Deployment'. */
  readonly definition: string;
}

/** Sorted as \`kubectl api-resources\` prints them: core group first, then groups by name. */
export const RESOURCES: readonly ResourceInfo[] = ${JSON.stringify(rows, null, 2)};
`;
  writeFileSync(resourcesFile, await formatTs(resourcesFile, ts));

  const kb = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;
  console.log(
    `gen-schemas: ${rows.length} kinds, ${closure.size} definitions, definitions.json ${kb(defsJson.length)}`,
  );
}

await main();
