/** Kind metadata lookups over the table generated from the Kubernetes OpenAPI definition. */
import { RESOURCES, type ResourceInfo } from './generated/resources';

export type { ResourceInfo };

const byKind = new Map<string, ResourceInfo>(RESOURCES.map((r) => [r.kind, r]));

export function resourceForKind(kind: string): ResourceInfo | undefined {
  return byKind.get(kind);
}

/** `pods`, `deployments.apps`: the resource name the API server uses in messages. */
export function qualifiedResource(kind: string): string {
  const r = byKind.get(kind);
  if (!r) return kind.toLowerCase() + 's';
  return r.group ? `${r.plural}.${r.group}` : r.plural;
}

export function allResources(): readonly ResourceInfo[] {
  return RESOURCES;
}
