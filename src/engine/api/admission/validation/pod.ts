/**
 * Pod validation: `k/k:pkg/apis/core/validation/validation.go` ValidatePodSpec (volumes,
 * containers, restartPolicy, dnsPolicy, tolerations, ...), ValidatePodTemplateSpec and
 * ValidatePodUpdate (the "pod updates may not change fields other than ..." rule).
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import {
  fieldDuplicate,
  fieldForbidden,
  fieldInvalid,
  fieldNotSupported,
  fieldRequired,
  type FieldCause,
} from '../../errors';
import { deepClone, jsonEqual, type KObject } from '../../types';
import { validateContainers } from './container';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName } from './names';
import {
  validateAnnotations,
  validateLabels,
  validateNonnegative,
  validateObjectMeta,
} from './meta';

export const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const TOLERATION_OPERATORS = ['Equal', 'Exists'];
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
/** `math.MaxInt32`, the upper bound of activeDeadlineSeconds. */
const MAX_INT32 = 2147483647;

/** ValidatePodUpdate's message (before the spec diff it appends, which is left out here). */
export const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

function validateVolumes(volumes: any[], path: string): { names: Set<string>; errs: FieldCause[] } {
  const names = new Set<string>();
  const errs: FieldCause[] = [];
  volumes.forEach((v, i) => {
    const p = `${path}[${i}].name`;
    if (!v?.name) errs.push(fieldRequired(p));
    else {
      for (const m of isDNS1123Label(v.name)) errs.push(fieldInvalid(p, v.name, m));
      if (names.has(v.name)) errs.push(fieldDuplicate(p, v.name));
      names.add(v.name);
    }
    if (v?.persistentVolumeClaim && !v.persistentVolumeClaim.claimName)
      errs.push(fieldRequired(`${path}[${i}].persistentVolumeClaim.claimName`));
    if (v?.configMap && !v.configMap.name) errs.push(fieldRequired(`${path}[${i}].configMap.name`));
    if (v?.secret && !v.secret.secretName)
      errs.push(fieldRequired(`${path}[${i}].secret.secretName`));
  });
  return { names, errs };
}

/** `ValidateTolerations`. */
function validateTolerations(tolerations: any[], path: string): FieldCause[] {
  const out: FieldCause[] = [];
  tolerations.forEach((t, i) => {
    const p = `${path}[${i}]`;
    if (t.key) for (const m of isQualifiedName(t.key)) out.push(fieldInvalid(`${p}.key`, t.key, m));
    if (!t.key && t.operator !== 'Exists')
      out.push(
        fieldInvalid(
          `${p}.operator`,
          t.operator ?? '',
          'operator must be Exists when `key` is empty, which means "match all values and all keys"',
        ),
      );
    if (t.tolerationSeconds != null && t.effect !== 'NoExecute')
      out.push(
        fieldInvalid(
          `${p}.effect`,
          t.effect ?? '',
          "effect must be 'NoExecute' when `tolerationSeconds` is set",
        ),
      );
    if (t.operator && !TOLERATION_OPERATORS.includes(t.operator))
      out.push(fieldNotSupported(`${p}.operator`, t.operator, TOLERATION_OPERATORS));
    if (t.operator === 'Exists' && t.value)
      out.push(
        fieldInvalid(`${p}.operator`, t.value, "value must be empty when `operator` is 'Exists'"),
      );
    if (t.effect && !TAINT_EFFECTS.includes(t.effect))
      out.push(fieldNotSupported(`${p}.effect`, t.effect, TAINT_EFFECTS));
  });
  return out;
}

/** ValidatePodSpec for the fields the playground uses. */
export function validatePodSpec(spec: any, path: string): FieldCause[] {
  if (!spec || typeof spec !== 'object') return [fieldRequired(path)];
  const { names: volumes, errs: out } = validateVolumes(
    Array.isArray(spec.volumes) ? spec.volumes : [],
    `${path}.volumes`,
  );
  const seen = new Set<string>();
  const containers = Array.isArray(spec.containers) ? spec.containers : [];
  if (containers.length === 0) out.push(fieldRequired(`${path}.containers`));
  else out.push(...validateContainers(containers, `${path}.containers`, volumes, seen, false));
  out.push(
    ...validateContainers(
      Array.isArray(spec.initContainers) ? spec.initContainers : [],
      `${path}.initContainers`,
      volumes,
      seen,
      true,
    ),
  );
  if (!spec.restartPolicy) out.push(fieldRequired(`${path}.restartPolicy`));
  else if (!RESTART_POLICIES.includes(spec.restartPolicy))
    out.push(fieldNotSupported(`${path}.restartPolicy`, spec.restartPolicy, RESTART_POLICIES));
  if (spec.dnsPolicy && !DNS_POLICIES.includes(spec.dnsPolicy))
    out.push(fieldNotSupported(`${path}.dnsPolicy`, spec.dnsPolicy, DNS_POLICIES));
  out.push(
    ...validateNonnegative(
      spec.terminationGracePeriodSeconds,
      `${path}.terminationGracePeriodSeconds`,
    ),
  );
  if (
    spec.activeDeadlineSeconds != null &&
    (spec.activeDeadlineSeconds < 1 || spec.activeDeadlineSeconds > MAX_INT32)
  ) {
    out.push(
      fieldInvalid(
        `${path}.activeDeadlineSeconds`,
        spec.activeDeadlineSeconds,
        `must be between 1 and ${MAX_INT32}, inclusive`,
      ),
    );
  }
  out.push(...validateLabels(spec.nodeSelector, `${path}.nodeSelector`));
  if (spec.serviceAccountName)
    for (const m of isDNS1123Subdomain(spec.serviceAccountName))
      out.push(fieldInvalid(`${path}.serviceAccountName`, spec.serviceAccountName, m));
  if (spec.nodeName)
    for (const m of isDNS1123Subdomain(spec.nodeName))
      out.push(fieldInvalid(`${path}.nodeName`, spec.nodeName, m));
  if (spec.hostname)
    for (const m of isDNS1123Label(spec.hostname))
      out.push(fieldInvalid(`${path}.hostname`, spec.hostname, m));
  if (spec.subdomain)
    for (const m of isDNS1123Label(spec.subdomain))
      out.push(fieldInvalid(`${path}.subdomain`, spec.subdomain, m));
  out.push(
    ...validateTolerations(
      Array.isArray(spec.tolerations) ? spec.tolerations : [],
      `${path}.tolerations`,
    ),
  );
  return out;
}

/** ValidatePodTemplateSpec: template labels, annotations and the pod spec. */
export function validatePodTemplateSpec(template: any, path: string): FieldCause[] {
  if (!template || typeof template !== 'object') return [fieldRequired(path)];
  return [
    ...validateLabels(template.metadata?.labels, `${path}.metadata.labels`),
    ...validateAnnotations(template.metadata?.annotations, `${path}.metadata.annotations`),
    ...validatePodSpec(template.spec, `${path}.spec`),
  ];
}

export function validatePod(pod: KObject): FieldCause[] {
  return [...validateObjectMeta(pod), ...validatePodSpec(pod.spec, 'spec')];
}

const tolerationKey = (t: any) =>
  JSON.stringify([t.key ?? '', t.operator ?? 'Equal', t.value ?? '', t.effect ?? '']);

/**
 * ValidatePodUpdate: the spec may change only in the listed fields. Binding (setting nodeName on
 * an unbound pod) is allowed because the playground's scheduler binds through an update rather
 * than the pods/binding subresource.
 */
export function validatePodUpdate(pod: KObject, old: KObject): FieldCause[] {
  const out = validatePod(pod);
  const next = deepClone(pod.spec ?? {});
  const prev = old.spec ?? {};
  for (const list of ['containers', 'initContainers']) {
    const a = next[list];
    const b = prev[list];
    if (Array.isArray(a) && Array.isArray(b) && a.length === b.length)
      a.forEach((c: any, i: number) => c && b[i] && (c.image = b[i].image));
  }
  next.activeDeadlineSeconds = prev.activeDeadlineSeconds;
  if (prev.terminationGracePeriodSeconds < 0 && next.terminationGracePeriodSeconds === 1)
    next.terminationGracePeriodSeconds = prev.terminationGracePeriodSeconds;
  if (!prev.nodeName) next.nodeName = prev.nodeName;
  // Only additions to tolerations (existing ones may shorten their tolerationSeconds).
  const nextTolerations = new Set((next.tolerations ?? []).map(tolerationKey));
  if ((prev.tolerations ?? []).every((t: any) => nextTolerations.has(tolerationKey(t))))
    next.tolerations = prev.tolerations;
  // Scheduling gates may only be removed (validateSchedulingGatesUpdate).
  const prevGates = (prev.schedulingGates ?? []).map((g: any) => g.name);
  if ((next.schedulingGates ?? []).every((g: any) => prevGates.includes(g.name)))
    next.schedulingGates = prev.schedulingGates;
  if (!jsonEqual(stripUndefined(next), prev))
    out.push(fieldForbidden('spec', POD_UPDATE_FORBIDDEN));
  if (
    prev.activeDeadlineSeconds != null &&
    (pod.spec?.activeDeadlineSeconds == null ||
      pod.spec.activeDeadlineSeconds > prev.activeDeadlineSeconds)
  ) {
    out.push(
      fieldInvalid(
        'spec.activeDeadlineSeconds',
        pod.spec?.activeDeadlineSeconds ?? null,
        'must be less than or equal to previous value',
      ),
    );
  }
  return out;
}

function stripUndefined(o: Record<string, unknown>): Record<string, unknown> {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}
