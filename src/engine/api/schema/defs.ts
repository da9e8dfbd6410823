/**
 * Typed access to the generated OpenAPI definitions (scripts/gen-schemas.ts).
 */
import defs from '../generated/definitions.json';

export interface Gvk {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

/** The subset of an OpenAPI v2 schema the generator keeps. */
export interface OpenApiSchema {
  readonly description?: string;
  readonly type?: string;
  readonly format?: string;
  readonly properties?: Readonly<Record<string, OpenApiSchema>>;
  readonly items?: OpenApiSchema;
  readonly additionalProperties?: OpenApiSchema | boolean;
  readonly required?: readonly string[];
  readonly $ref?: string;
  readonly enum?: readonly unknown[];
  readonly 'x-kubernetes-list-type'?: string;
  readonly 'x-kubernetes-list-map-keys'?: readonly string[];
  readonly 'x-kubernetes-patch-merge-key'?: string;
  readonly 'x-kubernetes-patch-strategy'?: string;
  readonly 'x-kubernetes-int-or-string'?: boolean;
  readonly 'x-kubernetes-preserve-unknown-fields'?: boolean;
  readonly 'x-kubernetes-group-version-kind'?: readonly Gvk[];
  /** Added by the generator: the Go type of a struct field when the schema does not imply it. */
  readonly 'x-kubeplay-go-type'?: string;
}

interface DefinitionsFile {
  readonly info: { readonly source: string };
  readonly definitions: Readonly<Record<string, OpenApiSchema>>;
}

const file = defs as unknown as DefinitionsFile;

export const DEFINITIONS: Readonly<Record<string, OpenApiSchema>> = file.definitions;
/** "Kubernetes v1.36 OpenAPI, api/openapi-spec/swagger.json" */
export const DEFINITIONS_SOURCE: string = file.info.source;

export const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
export const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
export const TIME = 'io.k8s.apimachinery.pkg.apis.meta.v1.Time';
export const MICRO_TIME = 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime';
export const RAW_EXTENSION = 'io.k8s.apimachinery.pkg.runtime.RawExtension';
export const FIELDS_V1 = 'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1';

/** '#/definitions/io.k8s.api.core.v1.PodSpec' → 'io.k8s.api.core.v1.PodSpec' */
export function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}

export function resolveRef(ref: string | undefined): OpenApiSchema | undefined {
  return ref === undefined ? undefined : DEFINITIONS[refName(ref)];
}

/** The schema itself, or the definition it refers to. */
export function deref(schema: OpenApiSchema): OpenApiSchema {
  return resolveRef(schema.$ref) ?? schema;
}

/** 'io.k8s.api.core.v1.PodSpec' → 'PodSpec' */
export function shortName(definition: string): string {
  return definition.slice(definition.lastIndexOf('.') + 1);
}

/**
 * The Go type name reflect prints for a definition: package name + type name
 * ('v1.PodSpec', 'resource.Quantity', 'intstr.IntOrString').
 */
export function goTypeName(definition: string): string {
  const parts = definition.split('.');
  return `${parts[parts.length - 2]}.${parts[parts.length - 1]}`;
}

/** The Go type of a value decoded with this schema, as reflect.Type.String() prints it. */
export function goTypeOf(schema: OpenApiSchema): string {
  const named = schema['x-kubeplay-go-type'];
  if (named) return named;
  if (schema.$ref) return goTypeName(refName(schema.$ref));
  switch (schema.type) {
    case 'string':
      return schema.format === 'byte' ? '[]uint8' : 'string';
    case 'integer':
      return schema.format === 'int32' ? 'int32' : 'int64';
    case 'number':
      return 'float64';
    case 'boolean':
      return 'bool';
    case 'array':
      return '[]' + goTypeOf(schema.items ?? {});
    case 'object':
      if (typeof schema.additionalProperties === 'object') {
        return 'map[string]' + goTypeOf(schema.additionalProperties);
      }
      return 'map[string]interface {}';
    default:
      return 'interface {}';
  }
}

/**
 * The Go type of the elements of a slice or map type: '[]v1.Capability' → 'v1.Capability'. Named
 * map types (v1.ResourceList) fall back to the element schema.
 */
export function goElemType(goType: string, elem: OpenApiSchema): string {
  if (goType.startsWith('[]')) return goType.slice(2);
  if (goType.startsWith('map[')) {
    let depth = 0;
    for (let i = 3; i < goType.length; i++) {
      if (goType[i] === '[') depth++;
      else if (goType[i] === ']' && --depth === 0) return goType.slice(i + 1);
    }
  }
  return goTypeOf(elem);
}
