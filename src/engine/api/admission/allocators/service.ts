/**
 * What the Service REST storage does before validation (`k/k:pkg/registry/core/service/storage/
 * storage.go beginCreate/beginUpdate` and `alloc.go`): keep clusterIP/clusterIPs in step, keep
 * values the server allocated earlier when a client resubmits without them, drop fields the new
 * type no longer needs, fill ipFamilyPolicy/ipFamilies, then allocate cluster IPs and node ports.
 * The playground's cluster is single-stack IPv4.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { fieldInvalid, invalid, type FieldCause } from '../../errors';
import type { RngStream } from '../../../rng';
import type { ApiStore, Operation } from '../../store';
import { jsonEqual, type KObject } from '../../types';
import { invalidRendered } from '../validation/causes';
import { goValueStrings } from '../validation/goformat';
import {
  allocateNextClusterIP,
  clusterIPAllocationError,
  ipToInt,
  usedClusterIPs,
} from './cluster-ip';
import { allocateNextNodePort, nodePortAllocationError, usedNodePorts } from './node-port';

export interface ServiceRngs {
  clusterIP: RngStream;
  nodePort: RngStream;
}

const needsClusterIP = (spec: any) => spec?.type !== 'ExternalName';
const needsNodePort = (spec: any) =>
  spec?.type === 'NodePort' ||
  (spec?.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);

function fail(svc: KObject, causes: FieldCause[]): never {
  throw invalid('Service', svc.metadata.name, causes);
}

/** `patchAllocatedValues`: a resubmitted manifest keeps its allocated IPs and node ports. */
function patchAllocatedValues(spec: any, old: any): void {
  if (needsClusterIP(old) && needsClusterIP(spec)) {
    spec.clusterIP ||= old.clusterIP;
    if (!spec.clusterIPs?.length && old.clusterIPs?.length) spec.clusterIPs = [...old.clusterIPs];
  }
  if (needsNodePort(old) && needsNodePort(spec)) {
    const usedByNew = new Set((spec.ports ?? []).map((p: any) => p.nodePort).filter(Boolean));
    const byName = new Map<string, number>(
      (old.ports ?? []).map((p: any) => [p.name ?? '', p.nodePort]),
    );
    for (const p of spec.ports ?? []) {
      const prev = byName.get(p.name ?? '');
      if (!p.nodePort && prev && !usedByNew.has(prev)) p.nodePort = prev;
    }
  }
}

/** `dropTypeDependentFields`: switching type clears what only the old type needed, if unchanged. */
function dropTypeDependentFields(spec: any, old: any): void {
  if (needsClusterIP(old) && !needsClusterIP(spec) && jsonEqual(spec.clusterIPs, old.clusterIPs)) {
    delete spec.clusterIP;
    delete spec.clusterIPs;
    delete spec.ipFamilies;
    delete spec.ipFamilyPolicy;
  }
  const externallyAccessible = (x: any) =>
    x?.type === 'NodePort' ||
    x?.type === 'LoadBalancer' ||
    (x?.type === 'ClusterIP' && x.externalIPs?.length > 0);
  if (
    externallyAccessible(old) &&
    !externallyAccessible(spec) &&
    spec.externalTrafficPolicy === old.externalTrafficPolicy
  )
    delete spec.externalTrafficPolicy;
  if (needsNodePort(old) && !needsNodePort(spec)) {
    const oldPorts = new Set((old.ports ?? []).map((p: any) => p.nodePort));
    for (const p of spec.ports ?? []) if (p.nodePort && oldPorts.has(p.nodePort)) delete p.nodePort;
  }
}

/** `NormalizeClusterIPs`: old clients set only clusterIP. */
function normalizeClusterIPs(spec: any, old: any | undefined): void {
  if (old && old.clusterIPs?.length && !spec.clusterIPs?.length && spec.clusterIP === old.clusterIP)
    spec.clusterIPs = [...old.clusterIPs];
  if (spec.clusterIP && !spec.clusterIPs?.length) spec.clusterIPs = [spec.clusterIP];
  if (
    old &&
    spec.clusterIP !== old.clusterIP &&
    jsonEqual(spec.clusterIPs, old.clusterIPs) &&
    spec.clusterIP
  )
    spec.clusterIPs = [spec.clusterIP, ...(spec.clusterIPs ?? []).slice(1)];
}

/** `ValidateServiceClusterIPsRelatedFields` (the parts a single-stack cluster meets) and initIPFamilyFields. */
function initIPFamilyFields(svc: KObject, old: any | undefined): void {
  const spec = svc.spec;
  if (!needsClusterIP(spec)) return;
  const headlessNoSelector =
    spec.clusterIP === 'None' && Object.keys(spec.selector ?? {}).length === 0;
  spec.ipFamilyPolicy ||=
    old?.ipFamilyPolicy || (headlessNoSelector ? 'RequireDualStack' : 'SingleStack');
  const ips: string[] = spec.clusterIPs ?? [];
  const causes: FieldCause[] = [];
  if (spec.clusterIP && ips.length && spec.clusterIP !== ips[0]) {
    causes.push(
      invalidRendered('spec.clusterIPs', goValueStrings(ips), 'first value must match `clusterIP`'),
    );
  }
  ips.forEach((ip, i) => {
    if (ip === 'None') {
      if (ips.length > 1)
        causes.push(
          fieldInvalid(
            `spec.clusterIPs[${i}]`,
            ip,
            "must not be 'None' when multiple values are specified",
          ),
        );
    } else if (ipToInt(ip) === undefined)
      causes.push(
        fieldInvalid(
          `spec.clusterIPs[${i}]`,
          ip,
          'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
        ),
      );
  });
  (spec.ipFamilies ?? []).forEach((f: string, i: number) => {
    if (f !== 'IPv4' && !headlessNoSelector)
      causes.push(fieldInvalid(`spec.ipFamilies[${i}]`, f, 'not configured on this cluster'));
  });
  if (causes.length) fail(svc, causes);
  if (headlessNoSelector) {
    spec.ipFamilies ??= ['IPv4'];
    if (spec.ipFamilies.length < 2 && spec.ipFamilyPolicy !== 'SingleStack')
      spec.ipFamilies = [...spec.ipFamilies, 'IPv6'];
    return;
  }
  if (spec.ipFamilyPolicy === 'RequireDualStack') {
    fail(svc, [
      fieldInvalid(
        'spec.ipFamilyPolicy',
        spec.ipFamilyPolicy,
        'this cluster is not configured for dual-stack services',
      ),
    ]);
  }
  if (!spec.ipFamilies?.length)
    spec.ipFamilies = old?.ipFamilies?.length ? [...old.ipFamilies] : ['IPv4'];
}

function allocateClusterIPs(
  svc: KObject,
  store: ApiStore,
  rng: RngStream,
  old: any | undefined,
): void {
  const spec = svc.spec;
  if (!needsClusterIP(spec) || spec.clusterIPs?.[0] === 'None') return;
  const requested: string | undefined = spec.clusterIPs?.[0];
  if (requested && requested === old?.clusterIPs?.[0]) return;
  const used = usedClusterIPs(store, svc);
  if (requested) {
    const err = clusterIPAllocationError(requested, used);
    if (err)
      fail(svc, [
        invalidRendered(
          'spec.clusterIPs',
          goValueStrings(spec.clusterIPs),
          `failed to allocate IP ${requested}: ${err}`,
        ),
      ]);
    spec.clusterIP = requested;
    return;
  }
  const ip = allocateNextClusterIP(used, rng);
  if (!ip)
    throw invalid('Service', svc.metadata.name, [
      fieldInvalid('spec.clusterIPs', null, 'failed to allocate a serviceIP: range is full'),
    ]);
  spec.clusterIP = ip;
  spec.clusterIPs = [ip];
}

/** `initNodePorts` / `updateNodePorts`: ports with the same `port` number share a node port. */
function allocateNodePorts(
  svc: KObject,
  store: ApiStore,
  rng: RngStream,
  old: any | undefined,
): void {
  const spec = svc.spec;
  const ports: any[] = Array.isArray(spec.ports) ? spec.ports : [];
  const auto = needsNodePort(spec);
  const used = usedNodePorts(store, svc);
  const mine = new Set<number>((old?.ports ?? []).map((p: any) => p.nodePort).filter(Boolean));
  const taken = new Set<number>();
  const byServicePort = new Map<number, number>();
  ports.forEach((p, i) => {
    if (!p || (!p.nodePort && !auto)) return;
    const shared = byServicePort.get(p.port);
    if (!p.nodePort && shared) p.nodePort = shared;
    else if (p.nodePort && p.nodePort !== shared) {
      // A requested port: free, or already this Service's own before the update.
      let err: string | undefined;
      if (taken.has(p.nodePort)) err = 'provided port is already allocated';
      else if (!mine.has(p.nodePort)) err = nodePortAllocationError(p.nodePort, used);
      if (err) fail(svc, [fieldInvalid(`spec.ports[${i}].nodePort`, p.nodePort, err)]);
    } else if (!p.nodePort) {
      const port = allocateNextNodePort(new Set([...used, ...taken]), rng);
      if (!port)
        throw invalid('Service', svc.metadata.name, [
          fieldInvalid(
            `spec.ports[${i}].nodePort`,
            0,
            'failed to allocate a nodePort: range is full',
          ),
        ]);
      p.nodePort = port;
    }
    taken.add(p.nodePort);
    if (!byServicePort.has(p.port)) byServicePort.set(p.port, p.nodePort);
  });
}

export function allocateService(
  op: Operation,
  svc: KObject,
  old: KObject | undefined,
  store: ApiStore,
  rngs: ServiceRngs,
): void {
  if (op === 'DELETE' || !svc.spec || typeof svc.spec !== 'object') return;
  const prev = op === 'UPDATE' ? old?.spec : undefined;
  if (prev) {
    patchAllocatedValues(svc.spec, prev);
    dropTypeDependentFields(svc.spec, prev);
  }
  normalizeClusterIPs(svc.spec, prev);
  initIPFamilyFields(svc, prev);
  allocateClusterIPs(svc, store, rngs.clusterIP, prev);
  allocateNodePorts(svc, store, rngs.nodePort, prev);
}
