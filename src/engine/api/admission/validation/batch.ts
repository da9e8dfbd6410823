/**
 * Job and CronJob validation (`k/k:pkg/apis/batch/validation/validation.go`): generated selector,
 * restartPolicy OnFailure/Never, immutable template/selector/completions, cron schedule format.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { fieldInvalid, fieldNotSupported, fieldRequired, type FieldCause } from '../../errors';
import { jsonEqual, type KObject } from '../../types';
import { JOB_LABELS } from '../strategy';
import { immutable, invalidRendered } from './causes';
import { goLabelSelector } from './goformat';
import {
  selectorMatches,
  validateLabelSelector,
  validateNonnegative,
  validateObjectMeta,
} from './meta';
import { validatePodTemplateSpec } from './pod';

/** `apimachineryvalidation.ValidateCronJobName`: the controller appends an 11-character suffix. */
export const CRONJOB_NAME_MAX_LENGTH = 52;
const JOB_RESTART_POLICIES = ['OnFailure', 'Never'];
const CONCURRENCY_POLICIES = ['Allow', 'Forbid', 'Replace'];
const COMPLETION_MODES = ['NonIndexed', 'Indexed'];
/** robfig/cron `@every`-free descriptors accepted by ParseStandard. */
const CRON_DESCRIPTORS = [
  '@yearly',
  '@annually',
  '@monthly',
  '@weekly',
  '@daily',
  '@midnight',
  '@hourly',
];

/** validateJobSpec (shared by Jobs and CronJob job templates), `path` is the JobSpec's path. */
function validateJobSpec(spec: any, path: string): FieldCause[] {
  const out: FieldCause[] = [];
  for (const f of [
    'parallelism',
    'completions',
    'activeDeadlineSeconds',
    'backoffLimit',
    'ttlSecondsAfterFinished',
  ]) {
    out.push(...validateNonnegative(spec[f], `${path}.${f}`));
  }
  if (spec.completionMode && !COMPLETION_MODES.includes(spec.completionMode))
    out.push(fieldNotSupported(`${path}.completionMode`, spec.completionMode, COMPLETION_MODES));
  if (spec.completionMode === 'Indexed' && spec.completions == null)
    out.push(fieldRequired(`${path}.completions`, 'when completion mode is Indexed'));
  out.push(...validatePodTemplateSpec(spec.template, `${path}.template`));
  const rp = spec.template?.spec?.restartPolicy;
  if (!JOB_RESTART_POLICIES.includes(rp))
    out.push(
      fieldNotSupported(`${path}.template.spec.restartPolicy`, rp ?? '', JOB_RESTART_POLICIES),
    );
  return out;
}

/** ValidateGeneratedSelector: the labels generateSelector put on the template must still be there. */
function validateGeneratedSelector(job: KObject): FieldCause[] {
  const spec = job.spec ?? {};
  if (spec.manualSelector === true || !spec.selector) return [];
  const out: FieldCause[] = [];
  const labels = spec.template?.metadata?.labels ?? {};
  const expected: Record<string, string> = {
    [JOB_LABELS.legacyControllerUid]: job.metadata.uid,
    [JOB_LABELS.legacyJobName]: job.metadata.name,
    [JOB_LABELS.controllerUid]: job.metadata.uid,
    [JOB_LABELS.jobName]: job.metadata.name,
  };
  for (const [k, v] of Object.entries(expected)) {
    // ValidateHasLabel
    if (!(k in labels))
      out.push(fieldRequired(`spec.template.metadata.labels[${k}]`, `must be '${v}'`));
    else if (labels[k] !== v)
      out.push(fieldInvalid(`spec.template.metadata.labels[${k}]`, labels[k], `must be '${v}'`));
  }
  if (!selectorMatches(spec.selector, { [JOB_LABELS.controllerUid]: job.metadata.uid })) {
    out.push(
      invalidRendered(
        'spec.selector',
        goLabelSelector(spec.selector),
        '`selector` not auto-generated',
      ),
    );
  }
  return out;
}

export function validateJob(job: KObject): FieldCause[] {
  const spec = job.spec ?? {};
  const out = [
    ...validateObjectMeta(job),
    ...validateGeneratedSelector(job),
    ...validateJobSpec(spec, 'spec'),
  ];
  if (!spec.selector) out.push(fieldRequired('spec.selector'));
  else {
    out.push(...validateLabelSelector(spec.selector, 'spec.selector'));
    if (!selectorMatches(spec.selector, spec.template?.metadata?.labels)) {
      out.push(
        fieldInvalid(
          'spec.template.metadata.labels',
          spec.template?.metadata?.labels ?? {},
          '`selector` does not match template `labels`',
        ),
      );
    }
  }
  return out;
}

/** ValidateJobSpecUpdate: completions, selector and the pod template are immutable. */
export function validateJobUpdate(job: KObject, old: KObject): FieldCause[] {
  const out = validateJob(job);
  const spec = job.spec ?? {};
  const prev = old.spec ?? {};
  if (spec.completions !== prev.completions)
    out.push(immutable('spec.completions', String(spec.completions ?? 'null')));
  if (!jsonEqual(spec.selector, prev.selector))
    out.push(immutable('spec.selector', goLabelSelector(spec.selector)));
  if (!jsonEqual(spec.template, prev.template))
    out.push(immutable('spec.template', 'core.PodTemplateSpec{...}'));
  return out;
}

/** The part of robfig/cron ParseStandard's checks users trip over: five fields or a descriptor. */
function validateSchedule(schedule: string): FieldCause[] {
  let s = schedule.trim();
  if (/^(CRON_)?TZ=/.test(s)) s = s.slice(s.indexOf(' ') + 1).trim();
  if (s.startsWith('@')) {
    return CRON_DESCRIPTORS.includes(s) || s.startsWith('@every ')
      ? []
      : [fieldInvalid('spec.schedule', schedule, `unrecognized descriptor: ${s}`)];
  }
  const fields = s.split(/\s+/).filter(Boolean);
  if (fields.length !== 5)
    return [
      fieldInvalid(
        'spec.schedule',
        schedule,
        `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`,
      ),
    ];
  return [];
}

export function validateCronJob(cj: KObject): FieldCause[] {
  const spec = cj.spec ?? {};
  const out = validateObjectMeta(cj);
  if (cj.metadata.name && cj.metadata.name.length > CRONJOB_NAME_MAX_LENGTH) {
    out.push(
      fieldInvalid(
        'metadata.name',
        cj.metadata.name,
        `must be no more than ${CRONJOB_NAME_MAX_LENGTH} characters`,
      ),
    );
  }
  if (!spec.schedule) out.push(fieldRequired('spec.schedule'));
  else out.push(...validateSchedule(spec.schedule));
  out.push(...validateNonnegative(spec.startingDeadlineSeconds, 'spec.startingDeadlineSeconds'));
  if (!spec.concurrencyPolicy) out.push(fieldRequired('spec.concurrencyPolicy'));
  else if (!CONCURRENCY_POLICIES.includes(spec.concurrencyPolicy))
    out.push(
      fieldNotSupported('spec.concurrencyPolicy', spec.concurrencyPolicy, CONCURRENCY_POLICIES),
    );
  const jobSpec = spec.jobTemplate?.spec ?? {};
  out.push(...validateJobSpec(jobSpec, 'spec.jobTemplate.spec'));
  if (jobSpec.selector)
    out.push(
      invalidRendered(
        'spec.jobTemplate.spec.selector',
        goLabelSelector(jobSpec.selector),
        '`selector` will be auto-generated',
      ),
    );
  if (jobSpec.manualSelector === true)
    out.push(fieldNotSupported('spec.jobTemplate.spec.manualSelector', true, ['nil', 'false']));
  return out;
}
