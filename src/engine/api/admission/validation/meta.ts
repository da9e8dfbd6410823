/**
 * Object metadata, labels, annotations and label selectors:
 * `k8s.io/apimachinery/pkg/api/validation/objectmeta.go ValidateObjectMetaAccessor`,
 * `k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go ValidateLabels, ValidateLabelSelector`.
 */
import { fieldForbidden, fieldInvalid, fieldRequired, type FieldCause } from '../../errors';
import type { KObject } from '../../types';
import {
  isLabelValue,
  isQualifiedName,
  nameIsDNS1035Label,
  nameIsDNSLabel,
  nameIsDNSSubdomain,
  nameIsPathSegment,
  type NameValidator,
} from './names';

/** `TotalAnnotationSizeLimitB`: all annotations of an object together, 256 KiB. */
export const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * 1024;

/**
 * Which name format each kind requires (the `nameFn` its Validate* passes to ValidateObjectMeta):
 * Services are DNS-1035 labels (`ValidateServiceName`), Namespaces RFC 1123 labels
 * (`ValidateNamespaceName`), HPAs and Events only path segments; everything else a subdomain.
 */
const NAME_FORMAT: Record<string, NameValidator> = {
  Service: nameIsDNS1035Label,
  Namespace: nameIsDNSLabel,
  HorizontalPodAutoscaler: nameIsPathSegment,
  Event: nameIsPathSegment,
};

export function nameValidatorFor(kind: string): NameValidator {
  return NAME_FORMAT[kind] ?? nameIsDNSSubdomain;
}

export function validateLabels(
  labels: Record<string, string> | undefined,
  path: string,
): FieldCause[] {
  const out: FieldCause[] = [];
  for (const k of Object.keys(labels ?? {}).sort()) {
    for (const msg of isQualifiedName(k)) out.push(fieldInvalid(path, k, msg));
    const v = labels![k];
    if (typeof v === 'string')
      for (const msg of isLabelValue(v)) out.push(fieldInvalid(path, v, msg));
  }
  return out;
}

export function validateAnnotations(
  annotations: Record<string, string> | undefined,
  path: string,
): FieldCause[] {
  const out: FieldCause[] = [];
  let size = 0;
  for (const k of Object.keys(annotations ?? {}).sort()) {
    for (const msg of isQualifiedName(k.toLowerCase())) out.push(fieldInvalid(path, k, msg));
    size += k.length + String(annotations![k]).length;
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT_B) {
    out.push({
      reason: 'FieldValueTooLong',
      field: path,
      message: `Too long: may not be more than ${TOTAL_ANNOTATION_SIZE_LIMIT_B} bytes`,
    });
  }
  return out;
}

/** `ValidateObjectMetaAccessor`: name (and generateName as a prefix), labels, annotations. */
export function validateObjectMeta(
  obj: KObject,
  nameFn: NameValidator = nameValidatorFor(obj.kind),
): FieldCause[] {
  const md = obj.metadata;
  const out: FieldCause[] = [];
  if (md.generateName)
    for (const msg of nameFn(md.generateName, true))
      out.push(fieldInvalid('metadata.generateName', md.generateName, msg));
  if (!md.name) out.push(fieldRequired('metadata.name', 'name or generateName is required'));
  else
    for (const msg of nameFn(md.name, false)) out.push(fieldInvalid('metadata.name', md.name, msg));
  out.push(...validateLabels(md.labels, 'metadata.labels'));
  out.push(...validateAnnotations(md.annotations, 'metadata.annotations'));
  return out;
}

interface SelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: SelectorRequirement[];
}

/** `ValidateLabelSelector` with `AllowInvalidLabelValueInSelector: false`. */
export function validateLabelSelector(sel: LabelSelector, path: string): FieldCause[] {
  const out = validateLabels(sel.matchLabels, `${path}.matchLabels`);
  (sel.matchExpressions ?? []).forEach((r, i) => {
    const p = `${path}.matchExpressions[${i}]`;
    const n = r.values?.length ?? 0;
    switch (r.operator) {
      case 'In':
      case 'NotIn':
        if (n === 0)
          out.push(
            fieldRequired(`${p}.values`, "must be specified when `operator` is 'In' or 'NotIn'"),
          );
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (n > 0)
          out.push(
            fieldForbidden(
              `${p}.values`,
              "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
            ),
          );
        break;
      default:
        out.push(fieldInvalid(`${p}.operator`, r.operator, 'not a valid selector operator'));
    }
    for (const msg of isQualifiedName(r.key ?? '')) out.push(fieldInvalid(`${p}.key`, r.key, msg));
  });
  return out;
}

/** `labels.Selector.Matches` for a metav1.LabelSelector. */
export function selectorMatches(
  sel: LabelSelector,
  labels: Record<string, string> | undefined,
): boolean {
  const l = labels ?? {};
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const r of sel.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    const inValues = has && (r.values ?? []).includes(l[r.key]);
    if (r.operator === 'In' && !inValues) return false;
    if (r.operator === 'NotIn' && inValues) return false;
    if (r.operator === 'Exists' && !has) return false;
    if (r.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

export function isEmptySelector(sel: LabelSelector): boolean {
  return Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions?.length ?? 0) === 0;
}

/** `ValidateNonnegativeField`. */
export function validateNonnegative(v: unknown, path: string): FieldCause[] {
  return typeof v === 'number' && v < 0
    ? [fieldInvalid(path, v, 'must be greater than or equal to 0')]
    : [];
}
