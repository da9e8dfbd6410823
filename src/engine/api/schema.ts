/**
 * The API schema of the simulated cluster: resource lookup (what kubectl's RESTMapper resolves),
 * strict decoding (what kube-apiserver checks before anything else) and the strategic merge patch
 * metadata of fields. Everything comes from the generated Kubernetes 1.36 OpenAPI tables.
 */
import { RESOURCES, type ResourceInfo } from './generated/resources';
import { DEFINITIONS, deref, type OpenApiSchema } from './schema/defs';
import { decodeAs, type DecodeError } from './schema/decode';

export type { ResourceInfo };
export type { DecodeError };
export type { OpenApiSchema };

const byName = new Map<string, ResourceInfo[]>();
function index(name: string, res: ResourceInfo): void {
  const list = byName.get(name) ?? [];
  if (!list.includes(res)) list.push(res);
  byName.set(name, list);
}
// Most specific first, as kubectl's shortcut expander and the RESTMapper try them: plural,
// singular, short names, then the kind itself.
for (const r of RESOURCES) index(r.plural, r);
for (const r of RESOURCES) index(r.singular, r);
for (const r of RESOURCES) for (const s of r.shortNames) index(s, r);
for (const r of RESOURCES) index(r.kind.toLowerCase(), r);

function lookup(name: string, group?: string, version?: string): ResourceInfo | undefined {
  return byName
    .get(name)
    ?.find(
      (r) =>
        (group === undefined || r.group === group) &&
        (version === undefined || r.version === version),
    );
}

/**
 * Resolves what a user types for a resource: kind, plural, singular or short name, any case,
 * optionally qualified as `<name>.<group>` (`deployments.apps`, `deploy.apps`) or
 * `<name>.<version>.<group>` (`deployments.v1.apps`), as schema.ParseResourceArg splits them.
 */
export function findResource(kindOrName: string): ResourceInfo | undefined {
  const arg = kindOrName.trim().toLowerCase();
  if (!arg) return undefined;
  const dot = arg.indexOf('.');
  if (dot < 0) return lookup(arg);
  const name = arg.slice(0, dot);
  const rest = arg.slice(dot + 1);
  const byGroup = lookup(name, rest);
  if (byGroup) return byGroup;
  const dot2 = rest.indexOf('.');
  if (dot2 > 0) return lookup(name, rest.slice(dot2 + 1), rest.slice(0, dot2));
  return undefined;
}

/**
 * Checks `obj` the way kube-apiserver decodes a JSON body with strict field validation (the
 * default of kubectl apply/create/replace since 1.27). Returns [] when it decodes, the unknown
 * fields (kind 'unknown', in the order the server meets them), or the single error that made
 * decoding fail (kind 'type'). The caller builds the full message, e.g.
 * `Deployment in version "v1" cannot be handled as a Deployment: <decodeErrorMessage(errors)>`
 * (apiserver/pkg/endpoints/handlers/rest.go, transformDecodeError).
 */
export function decodeObject(obj: unknown, res: ResourceInfo): DecodeError[] {
  return decodeAs(obj, res.definition);
}

/**
 * The text of decode errors as the server reports them: `strict decoding error: unknown field
 * "a", unknown field "b"` (runtime.strictDecodingError) or the decoding error itself.
 */
export function decodeErrorMessage(errors: readonly DecodeError[]): string {
  const unknown = errors.filter((e) => e.kind === 'unknown');
  if (unknown.length === errors.length) {
    return 'strict decoding error: ' + unknown.map((e) => e.message).join(', ');
  }
  return errors.find((e) => e.kind === 'type')?.message ?? '';
}

export interface PatchMeta {
  /** x-kubernetes-patch-merge-key: the key list items are merged on ('name', 'containerPort'). */
  readonly mergeKey?: string;
  /** x-kubernetes-patch-strategy: 'merge', 'retainKeys', 'merge,retainKeys', 'replace'. */
  readonly strategy?: string;
  /** x-kubernetes-list-type: 'atomic', 'set', 'map'. */
  readonly listType?: string;
  readonly listMapKeys?: readonly string[];
}

/**
 * The schema of the field at `path` below the kind (['spec', 'template', 'spec', 'containers']).
 * Array indexes in the path are optional; map keys step into the map's values.
 */
export function fieldSchema(res: ResourceInfo, path: readonly string[]): OpenApiSchema | undefined {
  let field: OpenApiSchema = { $ref: '#/definitions/' + res.definition };
  for (const seg of path) {
    let cur = deref(field);
    if (cur.type === 'array' && cur.items) {
      if (/^[0-9]+$/.test(seg)) {
        field = cur.items;
        continue;
      }
      cur = deref(cur.items);
    }
    const next: OpenApiSchema | undefined = cur.properties
      ? Object.prototype.hasOwnProperty.call(cur.properties, seg)
        ? cur.properties[seg]
        : undefined
      : typeof cur.additionalProperties === 'object'
        ? cur.additionalProperties
        : undefined;
    if (!next) return undefined;
    field = next;
  }
  return field;
}

/**
 * Strategic merge patch metadata of a field, e.g. spec.template.spec.containers →
 * { mergeKey: 'name', strategy: 'merge', listType: 'map', listMapKeys: ['name'] }. These are the
 * patchStrategy/patchMergeKey struct tags of k8s.io/api that kubectl and the server merge with.
 * Unknown paths give {}.
 */
export function patchMetaFor(res: ResourceInfo, path: readonly string[]): PatchMeta {
  const field = fieldSchema(res, path);
  if (!field) return {};
  const meta: {
    mergeKey?: string;
    strategy?: string;
    listType?: string;
    listMapKeys?: readonly string[];
  } = {};
  if (field['x-kubernetes-patch-merge-key']) meta.mergeKey = field['x-kubernetes-patch-merge-key'];
  if (field['x-kubernetes-patch-strategy']) meta.strategy = field['x-kubernetes-patch-strategy'];
  if (field['x-kubernetes-list-type']) meta.listType = field['x-kubernetes-list-type'];
  if (field['x-kubernetes-list-map-keys']) meta.listMapKeys = field['x-kubernetes-list-map-keys'];
  return meta;
}

/** The OpenAPI definition of a kind (for callers that walk the schema themselves). */
export function definitionOf(res: ResourceInfo): OpenApiSchema {
  return DEFINITIONS[res.definition];
}
