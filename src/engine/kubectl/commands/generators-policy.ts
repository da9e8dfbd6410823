/**
 * `kubectl create` subcommands for policy, networking, scheduling and RBAC objects, built as the
 * typed objects of k8s.io/kubectl/pkg/cmd/create/create_{pdb,ingress,priorityclass,
 * serviceaccount,role,clusterrole,rolebinding,clusterrolebinding,secret_docker}.go build them.
 */
import type { KInput } from '../../api/types';
import { findResource } from '../resources';
import { CommandError } from '../context';
import { base64 } from './generators';

const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** metav1.ParseToLabelSelector for the equality and existence forms (`a=b,c==d`, `e`, `!f`). */
function labelSelector(sel: string): Record<string, unknown> {
  const matchLabels: Record<string, string> = {};
  const matchExpressions: Record<string, unknown>[] = [];
  for (const part of sel.split(',').map((s) => s.trim())) {
    const ne = part.match(/^([^!=\s]+)\s*!=\s*(.*)$/);
    if (ne) throw new CommandError('"!=" is not a valid label selector operator');
    const eq = part.match(/^([^!=\s]+)\s*==?\s*(.*)$/);
    if (eq) matchLabels[eq[1]] = eq[2];
    else if (/^!/.test(part))
      matchExpressions.push({ key: part.slice(1), operator: 'DoesNotExist' });
    else matchExpressions.push({ key: part, operator: 'Exists' });
  }
  return {
    ...(Object.keys(matchLabels).length ? { matchLabels } : {}),
    ...(matchExpressions.length ? { matchExpressions } : {}),
  };
}

/** intstr.Parse: digits become a number, anything else stays a string. */
function intOrString(v: string): number | string {
  return /^-?\d+$/.test(v) ? Number(v) : v;
}

/** create_pdb.go Validate + createPodDisruptionBudgets. */
export function pdbObject(name: string, selector: string, minAvail: string, maxUnavail: string) {
  if (!selector) throw new CommandError('a selector must be specified');
  if (!minAvail && !maxUnavail)
    throw new CommandError('one of min-available or max-unavailable must be specified');
  if (minAvail && maxUnavail)
    throw new CommandError('min-available and max-unavailable cannot be both specified');
  const re = /^[0-9]+%?$/;
  if (minAvail && !re.test(minAvail))
    throw new CommandError('invalid format specified for min-available');
  if (maxUnavail && !re.test(maxUnavail))
    throw new CommandError('invalid format specified for max-unavailable');
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { creationTimestamp: null, name },
    spec: {
      ...(minAvail ? { minAvailable: intOrString(minAvail) } : {}),
      ...(maxUnavail ? { maxUnavailable: intOrString(maxUnavail) } : {}),
      selector: labelSelector(selector),
    },
    // PodDisruptionBudgetStatus's int32 fields have no omitempty.
    status: { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 },
  } as unknown as KInput;
}

// create_ingress.go: regexHostPathSvc + regexTLS.
const RULE_RE = /^([\w*\-.]*)(\/.*)=([\w-]+):([\w-]+)(,(tls)=?([\w-]+)?)?/;

function ingressBackend(svc: string): Record<string, unknown> {
  const [name, port] = svc.split(':');
  const p = intOrString(port);
  return { service: { name, port: typeof p === 'number' ? { number: p } : { name: p } } };
}

function ingressPath(pathSvc: string): Record<string, unknown> {
  const [p, svc] = pathSvc.split('=');
  let path = '/' + p;
  let pathType = 'Exact';
  if (path.endsWith('*')) {
    pathType = 'Prefix';
    path = path.slice(0, -1);
  }
  return { backend: ingressBackend(svc), path, pathType };
}

/** create_ingress.go Validate + createIngress (buildTLSRules, buildIngressRules). */
export function ingressObject(
  name: string,
  cls: string,
  rules: string[],
  defaultBackend: string,
  annotations: string[],
): KInput {
  if (!defaultBackend && rules.length === 0)
    throw new CommandError(
      'not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)',
    );
  for (const r of rules)
    if (!RULE_RE.test(r))
      throw new CommandError(
        `rule ${r} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`,
      );
  const ann: Record<string, string> = {};
  for (const a of annotations) {
    const i = a.indexOf('=');
    if (i < 0)
      throw new CommandError(`annotation ${a} is invalid and should be in format key=[value]`);
    ann[a.slice(0, i)] = a.slice(i + 1);
  }
  if (defaultBackend && defaultBackend.split(':').length !== 2)
    throw new CommandError('default-backend should be in format servicename:serviceport');

  const tls: { hosts?: string[]; secretName?: string }[] = [];
  const seenHosts = new Set<string>();
  for (const r of rules) {
    const parts = r.split(',');
    if (parts.length !== 2) continue;
    const host = r.split('/')[0];
    const s = parts[1].split('=');
    const secret = s.length > 1 ? s[1] : '';
    if (seenHosts.has(host)) continue;
    seenHosts.add(host);
    const idx = tls.findIndex((t) => (t.secretName ?? '') === secret);
    if (idx > -1) {
      (tls[idx].hosts ??= []).push(host);
      continue;
    }
    const t: { hosts?: string[]; secretName?: string } = {};
    if (host) t.hosts = [host];
    if (secret) t.secretName = secret;
    if (t.hosts || t.secretName) tls.push(t);
  }
  const ingRules: { host?: string; http: { paths: unknown[] } }[] = [];
  for (const r of rules) {
    const noTls = r.split(',')[0];
    const i = noTls.indexOf('/');
    const host = noTls.slice(0, i);
    const path = ingressPath(noTls.slice(i + 1));
    const prev = ingRules.find((x) => (x.host ?? '') === host);
    if (prev) prev.http.paths.push(path);
    else ingRules.push({ ...(host ? { host } : {}), http: { paths: [path] } });
  }
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      ...(Object.keys(ann).length ? { annotations: ann } : {}),
      creationTimestamp: null,
      name,
    },
    spec: {
      ...(defaultBackend ? { defaultBackend: ingressBackend(defaultBackend) } : {}),
      ...(cls ? { ingressClassName: cls } : {}),
      ...(ingRules.length ? { rules: ingRules } : {}),
      ...(tls.length ? { tls } : {}),
    },
    status: { loadBalancer: {} },
  } as unknown as KInput;
}

/** create_priorityclass.go createPriorityClass (`--preemption-policy` defaults to PreemptLowerPriority). */
export function priorityClassObject(
  name: string,
  value: number,
  globalDefault: boolean,
  description: string,
  preemptionPolicy: string,
): KInput {
  return {
    apiVersion: 'scheduling.k8s.io/v1',
    ...(description ? { description } : {}),
    ...(globalDefault ? { globalDefault } : {}),
    kind: 'PriorityClass',
    metadata: { creationTimestamp: null, name },
    preemptionPolicy: preemptionPolicy || 'PreemptLowerPriority',
    value,
  } as unknown as KInput;
}

export function serviceAccountObject(name: string): KInput {
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { creationTimestamp: null, name },
  } as unknown as KInput;
}

/** pflag StringSlice: repeated flags and comma-separated values. */
export function slice(values: string[]): string[] {
  return values.flatMap((v) => v.split(',')).filter((v) => v !== '');
}

// create_role.go validResourceVerbs.
const VALID_VERBS = [
  '*',
  'get',
  'delete',
  'list',
  'create',
  'update',
  'patch',
  'watch',
  'proxy',
  'deletecollection',
  'use',
  'bind',
  'escalate',
  'impersonate',
];

/** create_role.go Validate + generateResourcePolicyRules (one rule per API group, sorted). */
export function policyRules(
  verbs: string[],
  resources: string[],
  resourceNames: string[],
  nonResourceURLs: string[],
  warn: (s: string) => void,
): Record<string, unknown>[] {
  if (verbs.length === 0) throw new CommandError('at least one verb must be specified');
  if (resources.length === 0 && nonResourceURLs.length === 0)
    throw new CommandError('at least one resource must be specified');
  if (resources.length)
    for (const v of verbs)
      if (!VALID_VERBS.includes(v)) warn(`Warning: '${v}' is not a standard resource verb\n`);
  const byGroup = new Map<string, string[]>();
  for (const r of resources) {
    const [res, sub] = r.split('/', 2);
    const dot = res.indexOf('.');
    let resource = dot < 0 ? res : res.slice(0, dot);
    let group = dot < 0 ? '' : res.slice(dot + 1);
    if (!resource)
      throw new CommandError('resource must be specified if apiGroup/subresource specified');
    if (resource !== '*') {
      const info = findResource(group ? `${resource}.${group}` : resource);
      if (!info) throw new CommandError(`the server doesn't have a resource type "${resource}"`);
      resource = info.plural;
      group = info.group;
    }
    if (sub) resource += '/' + sub;
    const list = byGroup.get(group) ?? [];
    if (!list.includes(resource)) list.push(resource);
    byGroup.set(group, list);
  }
  const rules: Record<string, unknown>[] = [...byGroup.keys()].sort().map((g) => ({
    apiGroups: [g],
    ...(resourceNames.length ? { resourceNames } : {}),
    resources: byGroup.get(g),
    verbs,
  }));
  if (nonResourceURLs.length) rules.push({ nonResourceURLs, verbs });
  return rules;
}

export function roleObject(kind: 'Role' | 'ClusterRole', name: string, rules: unknown[]): KInput {
  return {
    apiVersion: `${RBAC_GROUP}/v1`,
    kind,
    metadata: { creationTimestamp: null, name },
    rules,
  } as unknown as KInput;
}

/** create_rolebinding.go / create_clusterrolebinding.go: users, then groups, then service accounts. */
export function roleBindingObject(
  kind: 'RoleBinding' | 'ClusterRoleBinding',
  name: string,
  roleRef: { kind: string; name: string },
  users: string[],
  groups: string[],
  serviceAccounts: string[],
): KInput {
  const subjects: Record<string, unknown>[] = [
    ...users.map((n) => ({ apiGroup: RBAC_GROUP, kind: 'User', name: n })),
    ...groups.map((n) => ({ apiGroup: RBAC_GROUP, kind: 'Group', name: n })),
  ];
  for (const sa of serviceAccounts) {
    const t = sa.split(':');
    if (t.length !== 2 || !t[0] || !t[1])
      throw new CommandError('serviceaccount must be <namespace>:<name>');
    subjects.push({ kind: 'ServiceAccount', name: t[1], namespace: t[0] });
  }
  return {
    apiVersion: `${RBAC_GROUP}/v1`,
    kind,
    metadata: { creationTimestamp: null, name },
    roleRef: { apiGroup: RBAC_GROUP, ...roleRef },
    ...(subjects.length ? { subjects } : {}),
  } as unknown as KInput;
}

/** create_secret_docker.go: a `.dockerconfigjson` with one auths entry (Go struct field order). */
export function dockerRegistrySecret(
  name: string,
  server: string,
  username: string,
  password: string,
  email: string,
): KInput {
  const entry: Record<string, string> = { username, password };
  if (email) entry.email = email;
  entry.auth = base64(`${username}:${password}`);
  const json = JSON.stringify({ auths: { [server]: entry } });
  return {
    apiVersion: 'v1',
    data: { '.dockerconfigjson': base64(json) },
    kind: 'Secret',
    metadata: { creationTimestamp: null, name },
    type: 'kubernetes.io/dockerconfigjson',
  } as unknown as KInput;
}

export function tlsSecret(name: string, cert: string, key: string): KInput {
  return {
    apiVersion: 'v1',
    data: { 'tls.crt': base64(cert), 'tls.key': base64(key) },
    kind: 'Secret',
    metadata: { creationTimestamp: null, name },
    type: 'kubernetes.io/tls',
  } as unknown as KInput;
}
