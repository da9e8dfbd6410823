/**
 * Validation of ConfigMaps, Secrets, PodDisruptionBudgets and HPAs
 * (`k/k:pkg/apis/core/validation/validation.go ValidateConfigMap, ValidateSecret`,
 * `k/k:pkg/apis/policy/validation`, `k/k:pkg/apis/autoscaling/validation`).
 */
import { fieldInvalid, fieldRequired, type FieldCause } from '../../errors';
import type { KObject } from '../../types';
import { immutable, invalidRendered } from './causes';
import { goIntOrString } from './goformat';
import { isConfigMapKey } from './names';
import { validateLabelSelector, validateObjectMeta } from './meta';

/** `core.MaxSecretSize`: ConfigMap and Secret payloads are limited to 1 MiB. */
export const MAX_SECRET_SIZE = 1024 * 1024;

/** Data keys that each built-in Secret type requires (`ValidateSecret`). */
const REQUIRED_SECRET_KEYS: Record<string, string[]> = {
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/dockercfg': ['.dockercfg'],
};

function validateDataKeys(
  data: Record<string, unknown> | undefined,
  path: string,
  other?: Record<string, unknown>,
): FieldCause[] {
  const out: FieldCause[] = [];
  for (const key of Object.keys(data ?? {}).sort()) {
    for (const m of isConfigMapKey(key)) out.push(fieldInvalid(`${path}[${key}]`, key, m));
    if (other && key in other)
      out.push(fieldInvalid(`${path}[${key}]`, key, 'duplicate of key present in binaryData'));
  }
  return out;
}

function payloadSize(...bags: (Record<string, unknown> | undefined)[]): number {
  let n = 0;
  for (const bag of bags) for (const v of Object.values(bag ?? {})) n += String(v).length;
  return n;
}

const tooLong = (field: string): FieldCause => ({
  reason: 'FieldValueTooLong',
  field,
  message: `Too long: may not be more than ${MAX_SECRET_SIZE} bytes`,
});

export function validateConfigMap(cm: KObject): FieldCause[] {
  const out = [
    ...validateObjectMeta(cm),
    ...validateDataKeys(cm.data, 'data', cm.binaryData),
    ...validateDataKeys(cm.binaryData, 'binaryData'),
  ];
  if (payloadSize(cm.data, cm.binaryData) > MAX_SECRET_SIZE) out.push(tooLong(''));
  return out;
}

export function validateSecret(secret: KObject): FieldCause[] {
  const out = [...validateObjectMeta(secret), ...validateDataKeys(secret.data, 'data')];
  for (const key of REQUIRED_SECRET_KEYS[secret.type] ?? [])
    if (!(key in (secret.data ?? {}))) out.push(fieldRequired(`data[${key}]`));
  if (payloadSize(secret.data) > MAX_SECRET_SIZE) out.push(tooLong('data'));
  return out;
}

export function validateSecretUpdate(secret: KObject, old: KObject): FieldCause[] {
  const out = validateSecret(secret);
  if (secret.type !== old.type) out.push(immutable('type', JSON.stringify(secret.type ?? '')));
  if (
    old.immutable === true &&
    JSON.stringify(secret.data ?? {}) !== JSON.stringify(old.data ?? {})
  ) {
    out.push({
      reason: 'FieldValueForbidden',
      field: 'data',
      message: 'Forbidden: field is immutable when `immutable` is set',
    });
  }
  return out;
}

export function validateConfigMapUpdate(cm: KObject, old: KObject): FieldCause[] {
  const out = validateConfigMap(cm);
  if (old.immutable === true && JSON.stringify(cm.data ?? {}) !== JSON.stringify(old.data ?? {})) {
    out.push({
      reason: 'FieldValueForbidden',
      field: 'data',
      message: 'Forbidden: field is immutable when `immutable` is set',
    });
  }
  return out;
}

function validateIntOrPercent(v: unknown, path: string): FieldCause[] {
  if (typeof v === 'number' && v < 0)
    return [fieldInvalid(path, v, 'must be greater than or equal to 0')];
  if (typeof v === 'string') {
    if (!/^[0-9]+%$/.test(v))
      return [fieldInvalid(path, v, "must be an integer or percentage (e.g '5%')")];
    if (Number(v.slice(0, -1)) > 100)
      return [fieldInvalid(path, v, 'must not be greater than 100%')];
  }
  return [];
}

/** ValidatePodDisruptionBudgetSpec. */
export function validatePodDisruptionBudget(pdb: KObject): FieldCause[] {
  const spec = pdb.spec ?? {};
  const out = [...validateObjectMeta(pdb)];
  if (spec.minAvailable != null && spec.maxUnavailable != null) {
    const rendered = `policy.PodDisruptionBudgetSpec{MinAvailable:${goIntOrString(spec.minAvailable)}, MaxUnavailable:${goIntOrString(spec.maxUnavailable)}}`;
    out.push(
      invalidRendered('spec', rendered, 'minAvailable and maxUnavailable cannot be both set'),
    );
  }
  if (spec.minAvailable != null)
    out.push(...validateIntOrPercent(spec.minAvailable, 'spec.minAvailable'));
  if (spec.maxUnavailable != null)
    out.push(...validateIntOrPercent(spec.maxUnavailable, 'spec.maxUnavailable'));
  if (spec.selector) out.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  return out;
}

/** ValidateHorizontalPodAutoscalerSpec (the replica bounds and target reference). */
export function validateHorizontalPodAutoscaler(hpa: KObject): FieldCause[] {
  const spec = hpa.spec ?? {};
  const out = [...validateObjectMeta(hpa)];
  if (spec.minReplicas != null && spec.minReplicas < 1)
    out.push(
      fieldInvalid('spec.minReplicas', spec.minReplicas, 'must be greater than or equal to 1'),
    );
  if (!(spec.maxReplicas >= 1))
    out.push(fieldInvalid('spec.maxReplicas', spec.maxReplicas ?? 0, 'must be greater than 0'));
  else if (spec.minReplicas != null && spec.maxReplicas < spec.minReplicas) {
    out.push(
      fieldInvalid(
        'spec.maxReplicas',
        spec.maxReplicas,
        'must be greater than or equal to `minReplicas`',
      ),
    );
  }
  const ref = spec.scaleTargetRef ?? {};
  if (!ref.kind) out.push(fieldRequired('spec.scaleTargetRef.kind'));
  if (!ref.name) out.push(fieldRequired('spec.scaleTargetRef.name'));
  return out;
}
