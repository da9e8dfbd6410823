/**
 * Service validation (`k/k:pkg/apis/core/validation/validation.go ValidateService`,
 * `ValidateServiceUpdate`, `validateUpgradeDowngradeClusterIPs`) for the fields users set.
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
import type { KObject } from '../../types';
import { PORT_PROTOCOLS, validatePortNumOrName } from './container';
import { invalidRendered } from './causes';
import { isDNS1123Label, isDNS1123Subdomain, isValidPortNum } from './names';
import { goValueStrings } from './goformat';
import { validateLabels, validateObjectMeta } from './meta';

/** `supportedServiceType`, sorted as `sets.List` returns them. */
export const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const SESSION_AFFINITIES = ['ClientIP', 'None'];
const TRAFFIC_POLICIES = ['Cluster', 'Local'];
/** `core.MaxClientIPServiceAffinitySeconds`: one day. */
export const MAX_CLIENT_IP_AFFINITY_SECONDS = 86400;

export const isHeadless = (svc: KObject) => svc.spec?.clusterIP === 'None';

function validatePorts(svc: KObject): FieldCause[] {
  const spec = svc.spec;
  const ports: any[] = Array.isArray(spec.ports) ? spec.ports : [];
  const out: FieldCause[] = [];
  if (ports.length === 0 && !isHeadless(svc) && spec.type !== 'ExternalName')
    out.push(fieldRequired('spec.ports'));
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const pp = `spec.ports[${i}]`;
    if (ports.length > 1 && !p.name) out.push(fieldRequired(`${pp}.name`));
    else if (p.name) {
      // Service port names are DNS-1123 labels (k/k validation.go validateServicePort); the
      // IANA_SVC_NAME rule (a letter, 15 chars) applies to container port names only.
      for (const m of isDNS1123Label(p.name)) out.push(fieldInvalid(`${pp}.name`, p.name, m));
      if (names.has(p.name)) out.push(fieldDuplicate(`${pp}.name`, p.name));
      names.add(p.name);
    }
    for (const m of isValidPortNum(p.port)) out.push(fieldInvalid(`${pp}.port`, p.port ?? 0, m));
    if (!p.protocol) out.push(fieldRequired(`${pp}.protocol`));
    else if (!PORT_PROTOCOLS.includes(p.protocol))
      out.push(fieldNotSupported(`${pp}.protocol`, p.protocol, PORT_PROTOCOLS));
    if (p.targetPort !== undefined)
      out.push(...validatePortNumOrName(p.targetPort, `${pp}.targetPort`));
    if (p.nodePort && spec.type === 'ClusterIP')
      out.push(fieldForbidden(`${pp}.nodePort`, "may not be used when `type` is 'ClusterIP'"));
    if (p.nodePort && spec.type === 'ExternalName')
      out.push(fieldForbidden(`${pp}.nodePort`, "may not be used when `type` is 'ExternalName'"));
  });
  return out;
}

export function validateService(svc: KObject): FieldCause[] {
  const spec = svc.spec ?? {};
  const out = [...validateObjectMeta(svc)];
  if (!SERVICE_TYPES.includes(spec.type))
    out.push(fieldNotSupported('spec.type', spec.type ?? '', SERVICE_TYPES));
  if (spec.type === 'ExternalName') {
    if (!spec.externalName) out.push(fieldRequired('spec.externalName'));
    else
      for (const m of isDNS1123Subdomain(spec.externalName.replace(/\.$/, '')))
        out.push(fieldInvalid('spec.externalName', spec.externalName, m));
    if ((spec.clusterIPs?.length ?? 0) > 0 && spec.clusterIP !== 'None') {
      out.push(
        invalidRendered(
          'spec.clusterIPs',
          goValueStrings(spec.clusterIPs),
          'may not be set for ExternalName services',
        ),
      );
    }
  }
  if (spec.ports !== undefined || spec.type !== 'ExternalName') out.push(...validatePorts(svc));
  out.push(...validateLabels(spec.selector, 'spec.selector'));
  if (!SESSION_AFFINITIES.includes(spec.sessionAffinity))
    out.push(
      fieldNotSupported('spec.sessionAffinity', spec.sessionAffinity ?? '', SESSION_AFFINITIES),
    );
  const timeout = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds;
  if (
    spec.sessionAffinity === 'ClientIP' &&
    (timeout <= 0 || timeout > MAX_CLIENT_IP_AFFINITY_SECONDS)
  ) {
    out.push(
      fieldInvalid(
        'spec.sessionAffinityConfig.clientIP.timeoutSeconds',
        timeout,
        `must be greater than 0 and less than ${MAX_CLIENT_IP_AFFINITY_SECONDS}`,
      ),
    );
  }
  if (spec.externalTrafficPolicy && !TRAFFIC_POLICIES.includes(spec.externalTrafficPolicy)) {
    out.push(
      fieldNotSupported('spec.externalTrafficPolicy', spec.externalTrafficPolicy, TRAFFIC_POLICIES),
    );
  }
  // validateServiceExternalTrafficPolicy
  const externallyAccessible =
    spec.type === 'NodePort' ||
    spec.type === 'LoadBalancer' ||
    (spec.type === 'ClusterIP' && spec.externalIPs?.length > 0);
  if (spec.externalTrafficPolicy && !externallyAccessible) {
    out.push(
      fieldInvalid(
        'spec.externalTrafficPolicy',
        spec.externalTrafficPolicy,
        'may only be set for externally-accessible services',
      ),
    );
  }
  if (spec.internalTrafficPolicy && !TRAFFIC_POLICIES.includes(spec.internalTrafficPolicy)) {
    out.push(
      fieldNotSupported('spec.internalTrafficPolicy', spec.internalTrafficPolicy, TRAFFIC_POLICIES),
    );
  }
  return out;
}

/** ValidateServiceUpdate: the allocated cluster IPs may not change (validateUpgradeDowngradeClusterIPs). */
export function validateServiceUpdate(svc: KObject, old: KObject): FieldCause[] {
  const out = validateService(svc);
  if (svc.spec?.type === 'ExternalName' || old.spec?.type === 'ExternalName') return out;
  if (isHeadless(svc) && isHeadless(old)) return out;
  const before: string[] = old.spec?.clusterIPs ?? [];
  const after: string[] = svc.spec?.clusterIPs ?? [];
  if (before.length === after.length) {
    before.forEach((ip, i) => {
      if (ip !== after[i])
        out.push(
          invalidRendered(
            `spec.clusterIPs[${i}]`,
            goValueStrings(after),
            'may not change once set',
          ),
        );
    });
  } else if (before.length > 0 && after.length === 0) {
    out.push(
      invalidRendered(
        'spec.clusterIPs[0]',
        goValueStrings(after),
        'primary clusterIP can not be unset',
      ),
    );
  }
  return out;
}
