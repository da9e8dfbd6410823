/**
 * The enumerated string fields the generated definitions lack (they come from a swagger without
 * `enum`). Values and their comments are the `+enum` Go types' constants in k8s.io/api
 * (core/v1/types.go, apps/v1/types.go); kube-openapi's enum generator
 * (kube-openapi pkg/generators/enum.go) puts the values, sorted, into `enum` and appends a
 * "Possible enum values:" paragraph to the field's description, one ` - `"Value"` comment` line
 * per value (the comment with the constant's name trimmed off).
 *
 * `items: true` marks list fields whose element type is the enum: kube-openapi does not carry the
 * enum onto array items, so kubectl explain shows none, but the editor schema still completes them.
 */
import type { OpenApiSchema } from './defs';

export interface EnumField {
  /** value → its Go comment ('' when the constant has none). */
  readonly values: Readonly<Record<string, string>>;
  readonly items?: boolean;
}

const PROTOCOL: EnumField = {
  values: {
    SCTP: 'is the SCTP protocol.',
    TCP: 'is the TCP protocol.',
    UDP: 'is the UDP protocol.',
  },
};

const TAINT_EFFECT: EnumField = {
  values: {
    NoExecute:
      'Evict any already-running pods that do not tolerate the taint. Currently enforced by NodeController.',
    NoSchedule:
      'Do not allow new pods to schedule onto the node unless they tolerate the taint, but allow all pods submitted to Kubelet without going through the scheduler to start, and allow all already-running pods to continue running. Enforced by the scheduler.',
    PreferNoSchedule:
      'Like TaintEffectNoSchedule, but the scheduler tries not to schedule new pods onto the node, rather than prohibiting new pods from scheduling onto the node entirely. Enforced by the scheduler.',
  },
};

const CORE = 'io.k8s.api.core.v1.';
const APPS = 'io.k8s.api.apps.v1.';

/** definition name → field → enum. */
export const ENUM_FIELDS: Readonly<Record<string, Readonly<Record<string, EnumField>>>> = {
  [CORE + 'Container']: {
    imagePullPolicy: {
      values: {
        Always:
          'means that kubelet always attempts to pull the latest image. Container will fail If the pull fails.',
        IfNotPresent:
          "means that kubelet pulls if the image isn't present on disk. Container will fail if the image isn't present and the pull fails.",
        Never:
          "means that kubelet never pulls an image, but only uses a local image. Container will fail if the image isn't present",
      },
    },
    terminationMessagePolicy: {
      values: {
        FallbackToLogsOnError:
          'will read the most recent contents of the container logs for the container status message when the container exits with an error and the terminationMessagePath has no contents.',
        File: "is the default behavior and will set the container status message to the contents of the container's terminationMessagePath when the container exits.",
      },
    },
  },
  [CORE + 'ContainerPort']: { protocol: PROTOCOL },
  [CORE + 'ServicePort']: { protocol: PROTOCOL },
  [CORE + 'PodSpec']: {
    restartPolicy: { values: { Always: '', Never: '', OnFailure: '' } },
    dnsPolicy: {
      values: {
        ClusterFirst:
          'indicates that the pod should use cluster DNS first unless hostNetwork is true, if it is available, then fall back on the default (as determined by kubelet) DNS settings.',
        ClusterFirstWithHostNet:
          'indicates that the pod should use cluster DNS first, if it is available, then fall back on the default (as determined by kubelet) DNS settings.',
        Default:
          'indicates that the pod should use the default (as determined by kubelet) DNS settings.',
        None: 'indicates that the pod should use empty DNS settings. DNS parameters such as nameservers and search paths should be defined via DNSConfig.',
      },
    },
  },
  [CORE + 'ServiceSpec']: {
    type: {
      values: {
        ClusterIP:
          'means a service will only be accessible inside the cluster, via the cluster IP.',
        ExternalName:
          'means a service consists of only a reference to an external name that kubedns or equivalent will return as a CNAME record, with no exposing or proxying of any pods involved.',
        LoadBalancer:
          "means a service will be exposed via an external load balancer (if the cloud provider supports it), in addition to 'NodePort' type.",
        NodePort:
          "means a service will be exposed on one port of every node, in addition to 'ClusterIP' type.",
      },
    },
    sessionAffinity: {
      values: { ClientIP: 'is the Client IP based.', None: '- no session affinity.' },
    },
    externalTrafficPolicy: {
      values: {
        Cluster: 'routes traffic to all endpoints.',
        Local:
          'preserves the source IP of the traffic by routing only to endpoints on the same node as the traffic was received on (dropping the traffic if there are no local endpoints).',
      },
    },
    internalTrafficPolicy: {
      values: {
        Cluster: 'routes traffic to all endpoints.',
        Local:
          'routes traffic only to endpoints on the same node as the client pod (dropping the traffic if there are no local endpoints).',
      },
    },
  },
  [CORE + 'Toleration']: {
    effect: TAINT_EFFECT,
    operator: { values: { Equal: '', Exists: '', Gt: '', Lt: '' } },
  },
  [CORE + 'Taint']: { effect: TAINT_EFFECT },
  [CORE + 'PersistentVolumeClaimSpec']: {
    accessModes: {
      items: true,
      values: { ReadOnlyMany: '', ReadWriteMany: '', ReadWriteOnce: '', ReadWriteOncePod: '' },
    },
  },
  [APPS + 'DeploymentStrategy']: {
    type: {
      values: {
        Recreate: 'Kill all existing pods before creating new ones.',
        RollingUpdate:
          'Replace the old ReplicaSets by new one using rolling update i.e gradually scale down the old ReplicaSets and scale up the new one.',
      },
    },
  },
  [APPS + 'DaemonSetUpdateStrategy']: {
    type: {
      values: {
        OnDelete: "Replace the old daemons only when it's killed",
        RollingUpdate:
          'Replace the old daemons by new ones using rolling update i.e replace them on each node one after the other.',
      },
    },
  },
  [APPS + 'StatefulSetSpec']: {
    podManagementPolicy: {
      values: {
        OrderedReady:
          'will create pods in strictly increasing order on scale up and strictly decreasing order on scale down, progressing only when the previous pod is ready or terminated. At most one pod will be changed at any time.',
        Parallel:
          'will create and delete pods as soon as the stateful set replica count is changed, and will not wait for pods to be ready or complete termination.',
      },
    },
  },
};

/** kube-openapi enumType.DescriptionLines, joined as its generateDescription joins them. */
export function enumDescription(description: string | undefined, e: EnumField): string {
  const lines = Object.keys(e.values)
    .sort()
    .map((v) => ` - \`${JSON.stringify(v)}\`${e.values[v] ? ' ' + e.values[v] : ''}`);
  const para = ['Possible enum values:', ...lines].join('\n');
  return description ? `${description}\n\n${para}` : para;
}

function withEnum(field: OpenApiSchema, e: EnumField): OpenApiSchema {
  const values = Object.keys(e.values).sort();
  if (e.items) return { ...field, items: { ...(field.items ?? {}), enum: values } };
  return { ...field, enum: values, description: enumDescription(field.description, e) };
}

const cache = new Map<string, OpenApiSchema>();

/** The definition with its enumerated fields' `enum` and "Possible enum values" filled in. */
export function withEnums(name: string, def: OpenApiSchema): OpenApiSchema {
  const fields = ENUM_FIELDS[name];
  if (!fields || !def.properties) return def;
  const cached = cache.get(name);
  if (cached) return cached;
  const properties: Record<string, OpenApiSchema> = { ...def.properties };
  for (const [k, e] of Object.entries(fields)) {
    if (properties[k]) properties[k] = withEnum(properties[k], e);
  }
  const out = { ...def, properties };
  cache.set(name, out);
  return out;
}
