/**
 * Workload validation: `k/k:pkg/apis/apps/validation/validation.go` (Deployment, ReplicaSet,
 * DaemonSet, StatefulSet) and `k/k:pkg/apis/batch/validation/validation.go` (Job, CronJob), with
 * the selector-immutability rule of the apps/v1 registry strategies.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import {
  fieldForbidden,
  fieldInvalid,
  fieldNotSupported,
  fieldRequired,
  type FieldCause,
} from '../../errors';
import { jsonEqual, type KObject } from '../../types';
import { immutable, invalidRendered } from './causes';
import { goIntOrString, goLabelSelector } from './goformat';
import {
  isEmptySelector,
  selectorMatches,
  validateLabelSelector,
  validateNonnegative,
  validateObjectMeta,
  type LabelSelector,
} from './meta';
import { validatePodTemplateSpec } from './pod';

/** Shared by Deployment, ReplicaSet, DaemonSet, StatefulSet: selector, template, restartPolicy. */
function validateSelectorAndTemplate(spec: any, kindWord: string, emptyMsg: string): FieldCause[] {
  const out: FieldCause[] = [];
  const sel: LabelSelector | undefined = spec.selector;
  if (!sel) out.push(fieldRequired('spec.selector'));
  else {
    out.push(...validateLabelSelector(sel, 'spec.selector'));
    if (isEmptySelector(sel))
      out.push(invalidRendered('spec.selector', goLabelSelector(sel), emptyMsg));
  }
  const template = spec.template;
  if (!template) return [...out, fieldRequired('spec.template')];
  // ValidatePodTemplateSpecForReplicaSet: a non-empty selector must select the template's labels.
  // A missing selector converts to labels.Nothing(), which matches nothing: both errors appear.
  if (
    (!sel || !isEmptySelector(sel)) &&
    !(sel && selectorMatches(sel, template.metadata?.labels))
  ) {
    out.push(
      fieldInvalid(
        'spec.template.metadata.labels',
        template.metadata?.labels ?? {},
        '`selector` does not match template `labels`',
      ),
    );
  }
  out.push(...validatePodTemplateSpec(template, 'spec.template'));
  const rp = template.spec?.restartPolicy;
  if (rp && rp !== 'Always')
    out.push(fieldNotSupported('spec.template.spec.restartPolicy', rp, ['Always']));
  if (template.spec?.activeDeadlineSeconds != null) {
    out.push(
      fieldForbidden(
        'spec.template.spec.activeDeadlineSeconds',
        `activeDeadlineSeconds in ${kindWord} is not Supported`,
      ),
    );
  }
  return out;
}

function intOrPercent(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^[0-9]+%$/.test(v)) return Number(v.slice(0, -1));
  return undefined;
}

/** ValidatePositiveIntOrPercent. */
function validatePositiveIntOrPercent(v: unknown, path: string): FieldCause[] {
  if (typeof v === 'string' && !/^[0-9]+%$/.test(v)) {
    return [
      fieldInvalid(
        path,
        v,
        "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
      ),
    ];
  }
  if (typeof v === 'number' && v < 0)
    return [fieldInvalid(path, v, 'must be greater than or equal to 0')];
  return [];
}

/** ValidateRollingUpdateDeployment / validateRollingUpdateDaemonSet. */
function validateRollingUpdate(ru: any, path: string): FieldCause[] {
  const out = [
    ...validatePositiveIntOrPercent(ru.maxUnavailable, `${path}.maxUnavailable`),
    ...validatePositiveIntOrPercent(ru.maxSurge, `${path}.maxSurge`),
  ];
  if ((intOrPercent(ru.maxUnavailable) ?? 0) === 0 && (intOrPercent(ru.maxSurge) ?? 0) === 0) {
    out.push(
      invalidRendered(
        `${path}.maxUnavailable`,
        goIntOrString(ru.maxUnavailable ?? 0),
        'may not be 0 when `maxSurge` is 0',
      ),
    );
  }
  if (typeof ru.maxUnavailable === 'string' && (intOrPercent(ru.maxUnavailable) ?? 0) > 100) {
    out.push(
      fieldInvalid(`${path}.maxUnavailable`, ru.maxUnavailable, 'must not be greater than 100%'),
    );
  }
  return out;
}

function validateDeploymentStrategy(strategy: any): FieldCause[] {
  switch (strategy?.type) {
    case 'Recreate':
      return strategy.rollingUpdate
        ? [
            fieldForbidden(
              'spec.strategy.rollingUpdate',
              "may not be specified when strategy `type` is 'Recreate'",
            ),
          ]
        : [];
    case 'RollingUpdate':
      return strategy.rollingUpdate
        ? validateRollingUpdate(strategy.rollingUpdate, 'spec.strategy.rollingUpdate')
        : [
            fieldRequired(
              'spec.strategy.rollingUpdate',
              'this should be defaulted and never be nil',
            ),
          ];
    default:
      return [
        fieldNotSupported('spec.strategy.type', strategy?.type ?? '', [
          'Recreate',
          'RollingUpdate',
        ]),
      ];
  }
}

export function validateDeployment(d: KObject): FieldCause[] {
  const spec = d.spec ?? {};
  const out = [...validateObjectMeta(d), ...validateNonnegative(spec.replicas, 'spec.replicas')];
  out.push(
    ...validateSelectorAndTemplate(spec, 'ReplicaSet', 'empty selector is invalid for deployment'),
  );
  out.push(...validateDeploymentStrategy(spec.strategy));
  out.push(...validateNonnegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  out.push(...validateNonnegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  if (spec.progressDeadlineSeconds != null) {
    out.push(...validateNonnegative(spec.progressDeadlineSeconds, 'spec.progressDeadlineSeconds'));
    if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
      out.push(
        fieldInvalid(
          'spec.progressDeadlineSeconds',
          spec.progressDeadlineSeconds,
          'must be greater than minReadySeconds',
        ),
      );
    }
  }
  return out;
}

export function validateReplicaSet(rs: KObject): FieldCause[] {
  const spec = rs.spec ?? {};
  return [
    ...validateObjectMeta(rs),
    ...validateNonnegative(spec.replicas, 'spec.replicas'),
    ...validateNonnegative(spec.minReadySeconds, 'spec.minReadySeconds'),
    ...validateSelectorAndTemplate(spec, 'ReplicaSet', 'empty selector is invalid for deployment'),
  ];
}

export function validateDaemonSet(ds: KObject): FieldCause[] {
  const spec = ds.spec ?? {};
  const out = [
    ...validateObjectMeta(ds),
    ...validateSelectorAndTemplate(spec, 'DaemonSet', 'empty selector is invalid for daemonset'),
  ];
  out.push(...validateNonnegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  const us = spec.updateStrategy ?? {};
  if (us.type === 'RollingUpdate') {
    if (us.rollingUpdate)
      out.push(...validateRollingUpdate(us.rollingUpdate, 'spec.updateStrategy.rollingUpdate'));
  } else if (us.type !== 'OnDelete')
    out.push(
      fieldNotSupported('spec.updateStrategy.type', us.type ?? '', ['OnDelete', 'RollingUpdate']),
    );
  return out;
}

export function validateStatefulSet(sts: KObject): FieldCause[] {
  const spec = sts.spec ?? {};
  const out = [...validateObjectMeta(sts)];
  if (!['OrderedReady', 'Parallel'].includes(spec.podManagementPolicy)) {
    out.push(
      fieldInvalid(
        'spec.podManagementPolicy',
        spec.podManagementPolicy ?? '',
        "must be 'OrderedReady' or 'Parallel'",
      ),
    );
  }
  const us = spec.updateStrategy ?? {};
  if (us.type === 'OnDelete' && us.rollingUpdate)
    out.push(
      fieldInvalid(
        'spec.updateStrategy.rollingUpdate',
        us.rollingUpdate,
        "only allowed for updateStrategy 'RollingUpdate'",
      ),
    );
  else if (us.type === 'RollingUpdate')
    out.push(
      ...validateNonnegative(
        us.rollingUpdate?.partition,
        'spec.updateStrategy.rollingUpdate.partition',
      ),
    );
  else if (us.type !== 'OnDelete')
    out.push(
      fieldInvalid('spec.updateStrategy', us.type ?? '', "must be 'RollingUpdate' or 'OnDelete'"),
    );
  out.push(...validateNonnegative(spec.replicas, 'spec.replicas'));
  // Containers may mount volumeClaimTemplates by name: the controller adds those volumes to each
  // pod (k/k apps validation leaves them out of the template check for this reason).
  const claims: string[] = (spec.volumeClaimTemplates ?? [])
    .map((c: { metadata?: { name?: string } }) => c.metadata?.name)
    .filter((n: unknown): n is string => typeof n === 'string');
  const declared = new Set(
    (spec.template?.spec?.volumes ?? []).map((v: { name?: string }) => v.name),
  );
  const extra = claims
    .filter((n) => !declared.has(n))
    .map((name) => ({ name, persistentVolumeClaim: { claimName: name } }));
  const withClaims =
    extra.length && spec.template?.spec
      ? {
          ...spec,
          template: {
            ...spec.template,
            spec: {
              ...spec.template.spec,
              volumes: [...(spec.template.spec.volumes ?? []), ...extra],
            },
          },
        }
      : spec;
  out.push(
    ...validateSelectorAndTemplate(
      withClaims,
      'StatefulSet',
      'empty selector is invalid for statefulset',
    ),
  );
  return out;
}

/** Selector immutability in apps/v1 (deployment/replicaset/daemonset strategy ValidateUpdate). */
function selectorImmutable(obj: KObject, old: KObject): FieldCause[] {
  return jsonEqual(obj.spec?.selector, old.spec?.selector)
    ? []
    : [immutable('spec.selector', goLabelSelector(obj.spec?.selector))];
}

export const validateDeploymentUpdate = (d: KObject, old: KObject) => [
  ...validateDeployment(d),
  ...selectorImmutable(d, old),
];
export const validateReplicaSetUpdate = (rs: KObject, old: KObject) => [
  ...validateReplicaSet(rs),
  ...selectorImmutable(rs, old),
];
export const validateDaemonSetUpdate = (ds: KObject, old: KObject) => [
  ...validateDaemonSet(ds),
  ...selectorImmutable(ds, old),
];

/** StatefulSets may change only these spec fields (ValidateStatefulSetUpdate). */
const STS_MUTABLE = [
  'replicas',
  'ordinals',
  'template',
  'updateStrategy',
  'persistentVolumeClaimRetentionPolicy',
  'minReadySeconds',
];

export function validateStatefulSetUpdate(sts: KObject, old: KObject): FieldCause[] {
  const out = validateStatefulSet(sts);
  const strip = (spec: any) =>
    Object.fromEntries(Object.entries(spec ?? {}).filter(([k]) => !STS_MUTABLE.includes(k)));
  if (!jsonEqual(strip(sts.spec), strip(old.spec))) {
    out.push(
      fieldForbidden(
        'spec',
        "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
      ),
    );
  }
  return out;
}
