/**
 * Resource arguments as cli-runtime's resource builder reads them: `pods`, `deploy,rs,po`,
 * `deploy/web`, `pods a b`, short names, `plural.group`, and the `all` category.
 */
import { allResources, type ResourceInfo } from '../api/registry';
import { findResource } from '../api/schema';

export { findResource };

export type { ResourceInfo };

export class ResourceArgError extends Error {}

/** `kubectl get all`: the kinds in the `all` category, in discovery order. */
const ALL_CATEGORY = [
  'Pod',
  'ReplicationController',
  'Service',
  'DaemonSet',
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'HorizontalPodAutoscaler',
  'CronJob',
  'Job',
];

export function resourceForKindName(kind: string): ResourceInfo | undefined {
  return allResources().find((r) => r.kind === kind);
}

/** `deployment.apps`, `pod`: the prefix of `-o name` and of NAME cells with several kinds. */
export function kindPrefix(r: ResourceInfo): string {
  return r.group ? `${r.kind.toLowerCase()}.${r.group}` : r.kind.toLowerCase();
}

/** `deployments.apps`, `pods`: the resource name in API messages. */
export function qualified(r: ResourceInfo): string {
  return r.group ? `${r.plural}.${r.group}` : r.plural;
}

export function objectRef(r: ResourceInfo, name: string): string {
  return `${kindPrefix(r)}/${name}`;
}

export interface ResourceRequest {
  info: ResourceInfo;
  /** Empty: every object of the type. */
  names: string[];
}

function resolveType(t: string): ResourceInfo[] {
  if (t.toLowerCase() === 'all')
    return ALL_CATEGORY.map((k) => resourceForKindName(k)).filter((r): r is ResourceInfo => !!r);
  const r = findResource(t);
  if (!r) throw new ResourceArgError(`the server doesn't have a resource type "${t}"`);
  return [r];
}

/** Splits `TYPE[,TYPE] [NAME...]` or `TYPE/NAME...` arguments into requests, in argument order. */
export function parseResourceArgs(args: string[]): ResourceRequest[] {
  if (args.length === 0) return [];
  const slashed = args.filter((a) => a.includes('/'));
  if (slashed.length > 0) {
    if (slashed.length !== args.length) {
      throw new ResourceArgError(
        "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      );
    }
    const out: ResourceRequest[] = [];
    for (const a of args) {
      const i = a.indexOf('/');
      const [info] = resolveType(a.slice(0, i));
      const name = a.slice(i + 1);
      if (!name)
        throw new ResourceArgError(
          `arguments in resource/name form must have a single resource and name`,
        );
      const prev = out.find((r) => r.info === info);
      if (prev) prev.names.push(name);
      else out.push({ info, names: [name] });
    }
    return out;
  }
  const types = args[0].split(',').filter((t) => t);
  const infos: ResourceInfo[] = [];
  for (const t of types) for (const r of resolveType(t)) if (!infos.includes(r)) infos.push(r);
  return infos.map((info) => ({ info, names: args.slice(1) }));
}
