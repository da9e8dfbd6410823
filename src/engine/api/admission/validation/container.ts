/**
 * Container validation, mirroring `k/k:pkg/apis/core/validation/validation.go` (validateContainers,
 * validateContainerPorts, validateEnv, ValidateResourceRequirements, validateProbe,
 * validateHandler, ValidateVolumeMounts) for the messages users meet most.
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
import { parseQuantity } from '../../../cluster/quantity';
import { isDNS1123Label, isValidPortName, isValidPortNum } from './names';
import { validateNonnegative } from './meta';

/** `supportedPortProtocols`, listed sorted as `sets.List` returns them. */
export const PORT_PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];
const HTTP_SCHEMES = ['HTTP', 'HTTPS'];
/** `IsStandardContainerResourceName`: cpu, memory, ephemeral-storage and hugepages-<size>. */
const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

export const notFound = (field: string, value: unknown): FieldCause => ({
  reason: 'FieldValueNotFound',
  field,
  message: `Not found: ${JSON.stringify(value)}`,
});

/** `validatePortNumOrName`: an int port number or an IANA service name. */
export function validatePortNumOrName(port: unknown, path: string): FieldCause[] {
  if (typeof port === 'number') return isValidPortNum(port).map((m) => fieldInvalid(path, port, m));
  if (typeof port === 'string')
    return isValidPortName(port).map((m) => fieldInvalid(path, port, m));
  return [fieldInvalid(path, port, 'unknown type')];
}

function validateContainerPorts(ports: any[], path: string): FieldCause[] {
  const out: FieldCause[] = [];
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const pp = `${path}[${i}]`;
    if (p.name) {
      for (const m of isValidPortName(p.name)) out.push(fieldInvalid(`${pp}.name`, p.name, m));
      if (names.has(p.name)) out.push(fieldDuplicate(`${pp}.name`, p.name));
      names.add(p.name);
    }
    if (!p.containerPort) out.push(fieldRequired(`${pp}.containerPort`));
    else
      for (const m of isValidPortNum(p.containerPort))
        out.push(fieldInvalid(`${pp}.containerPort`, p.containerPort, m));
    if (p.hostPort)
      for (const m of isValidPortNum(p.hostPort))
        out.push(fieldInvalid(`${pp}.hostPort`, p.hostPort, m));
    if (!p.protocol) out.push(fieldRequired(`${pp}.protocol`));
    else if (!PORT_PROTOCOLS.includes(p.protocol))
      out.push(fieldNotSupported(`${pp}.protocol`, p.protocol, PORT_PROTOCOLS));
  });
  return out;
}

/** With RelaxedEnvironmentVariableValidation (GA): any printable ASCII except '='. */
function validateEnv(env: any[], path: string): FieldCause[] {
  const out: FieldCause[] = [];
  env.forEach((e, i) => {
    const p = `${path}[${i}].name`;
    if (!e?.name) out.push(fieldRequired(p));
    else if (!/^[\x20-\x7e]+$/.test(e.name) || e.name.includes('=')) {
      out.push(
        fieldInvalid(
          p,
          e.name,
          "a valid environment variable name must consist only of printable ASCII characters other than '='",
        ),
      );
    }
  });
  return out;
}

const isStandardResource = (name: string) =>
  STANDARD_CONTAINER_RESOURCES.has(name) || name.startsWith('hugepages-') || name.includes('/');

export function validateResources(res: any, path: string): FieldCause[] {
  const out: FieldCause[] = [];
  const limits: Record<string, unknown> = res?.limits ?? {};
  const requests: Record<string, unknown> = res?.requests ?? {};
  for (const [kind, list] of [
    ['limits', limits],
    ['requests', requests],
  ] as const) {
    for (const name of Object.keys(list).sort()) {
      const p = `${path}.${kind}[${name}]`;
      if (!isStandardResource(name))
        out.push(fieldInvalid(p, name, 'must be a standard resource for containers'));
      if (parseQuantity(list[name] as string) < 0)
        out.push(fieldInvalid(p, String(list[name]), 'must be greater than or equal to 0'));
    }
  }
  for (const name of Object.keys(requests).sort()) {
    if (!(name in limits)) continue;
    const req = parseQuantity(requests[name] as string);
    const lim = parseQuantity(limits[name] as string);
    if (req > lim)
      out.push(
        fieldInvalid(
          `${path}.requests`,
          String(requests[name]),
          `must be less than or equal to ${name} limit of ${String(limits[name])}`,
        ),
      );
  }
  return out;
}

const HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc', 'sleep'] as const;

/** `validateHandler`: exactly one action, each well formed. */
export function validateHandler(h: any, path: string): FieldCause[] {
  const out: FieldCause[] = [];
  let n = 0;
  for (const kind of HANDLERS) {
    const a = h?.[kind];
    if (a === undefined || a === null) continue;
    if (n > 0) {
      out.push(fieldForbidden(`${path}.${kind}`, 'may not specify more than 1 handler type'));
      continue;
    }
    n++;
    if (kind === 'exec' && !(a.command?.length > 0))
      out.push(fieldRequired(`${path}.exec.command`));
    if (kind === 'httpGet') {
      if (!a.path) out.push(fieldRequired(`${path}.httpGet.path`));
      out.push(...validatePortNumOrName(a.port, `${path}.httpGet.port`));
      if (a.scheme && !HTTP_SCHEMES.includes(a.scheme))
        out.push(fieldNotSupported(`${path}.httpGet.scheme`, a.scheme, HTTP_SCHEMES));
    }
    if (kind === 'tcpSocket') out.push(...validatePortNumOrName(a.port, `${path}.tcpSocket.port`));
    if (kind === 'grpc')
      for (const m of isValidPortNum(a.port))
        out.push(fieldInvalid(`${path}.grpc.port`, a.port, m));
  }
  if (n === 0) out.push(fieldRequired(path, 'must specify a handler type'));
  return out;
}

function validateProbe(probe: any, path: string, mustSucceedOnce: boolean): FieldCause[] {
  if (!probe) return [];
  const out = validateHandler(probe, path);
  for (const f of [
    'initialDelaySeconds',
    'timeoutSeconds',
    'periodSeconds',
    'successThreshold',
    'failureThreshold',
  ]) {
    out.push(...validateNonnegative(probe[f], `${path}.${f}`));
  }
  if (probe.terminationGracePeriodSeconds != null && probe.terminationGracePeriodSeconds <= 0) {
    out.push(
      fieldInvalid(
        `${path}.terminationGracePeriodSeconds`,
        probe.terminationGracePeriodSeconds,
        'must be greater than 0',
      ),
    );
  }
  // validateLivenessProbe / validateStartupProbe
  if (mustSucceedOnce && probe.successThreshold !== 1)
    out.push(fieldInvalid(`${path}.successThreshold`, probe.successThreshold, 'must be 1'));
  return out;
}

function validateVolumeMounts(mounts: any[], volumes: Set<string>, path: string): FieldCause[] {
  const out: FieldCause[] = [];
  const paths = new Set<string>();
  mounts.forEach((m, i) => {
    const p = `${path}[${i}]`;
    if (!m?.name) out.push(fieldRequired(`${p}.name`));
    else if (!volumes.has(m.name)) out.push(notFound(`${p}.name`, m.name));
    if (!m?.mountPath) out.push(fieldRequired(`${p}.mountPath`));
    else if (paths.has(m.mountPath))
      out.push(fieldInvalid(`${p}.mountPath`, m.mountPath, 'must be unique'));
    if (m?.mountPath) paths.add(m.mountPath);
  });
  return out;
}

/**
 * One list of containers. `seen` carries the names already used by other lists of the pod, so a
 * duplicate across containers and initContainers is reported too.
 */
export function validateContainers(
  list: any[],
  path: string,
  volumes: Set<string>,
  seen: Set<string>,
  isInit: boolean,
): FieldCause[] {
  const out: FieldCause[] = [];
  list.forEach((c, i) => {
    const p = `${path}[${i}]`;
    if (!c || typeof c !== 'object') return;
    if (!c.name) out.push(fieldRequired(`${p}.name`));
    else {
      for (const m of isDNS1123Label(c.name)) out.push(fieldInvalid(`${p}.name`, c.name, m));
      if (seen.has(c.name)) out.push(fieldDuplicate(`${p}.name`, c.name));
      seen.add(c.name);
    }
    if (!c.image) out.push(fieldRequired(`${p}.image`));
    if (c.imagePullPolicy && !PULL_POLICIES.includes(c.imagePullPolicy))
      out.push(fieldNotSupported(`${p}.imagePullPolicy`, c.imagePullPolicy, PULL_POLICIES));
    if (
      c.terminationMessagePolicy &&
      !TERMINATION_MESSAGE_POLICIES.includes(c.terminationMessagePolicy)
    ) {
      out.push(
        fieldNotSupported(
          `${p}.terminationMessagePolicy`,
          c.terminationMessagePolicy,
          TERMINATION_MESSAGE_POLICIES,
        ),
      );
    }
    out.push(...validateContainerPorts(Array.isArray(c.ports) ? c.ports : [], `${p}.ports`));
    out.push(...validateEnv(Array.isArray(c.env) ? c.env : [], `${p}.env`));
    out.push(
      ...validateVolumeMounts(
        Array.isArray(c.volumeMounts) ? c.volumeMounts : [],
        volumes,
        `${p}.volumeMounts`,
      ),
    );
    out.push(...validateResources(c.resources, `${p}.resources`));
    const sidecar = isInit && c.restartPolicy === 'Always';
    if (isInit && !sidecar) {
      // Regular init containers run to completion: probes are not allowed (validateInitContainers).
      for (const f of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (c[f])
          out.push(
            fieldForbidden(
              `${p}.${f}`,
              'may not be set for init containers without restartPolicy=Always',
            ),
          );
      }
    } else {
      out.push(...validateProbe(c.livenessProbe, `${p}.livenessProbe`, true));
      out.push(...validateProbe(c.readinessProbe, `${p}.readinessProbe`, false));
      out.push(...validateProbe(c.startupProbe, `${p}.startupProbe`, true));
    }
    if (c.lifecycle?.postStart)
      out.push(...validateHandler(c.lifecycle.postStart, `${p}.lifecycle.postStart`));
    if (c.lifecycle?.preStop)
      out.push(...validateHandler(c.lifecycle.preStop, `${p}.lifecycle.preStop`));
  });
  return out;
}
