/**
 * JSON Schemas (draft-07) of the kinds for the YAML editor (monaco-yaml). They follow what the API
 * server accepts: unknown fields are flagged (additionalProperties: false, as strict decoding
 * rejects them), values of the wrong type are flagged, and null is accepted wherever the decoder
 * accepts it (everywhere: kubectl users write `labels:` with nothing after it).
 */
import { RESOURCES, type ResourceInfo } from './generated/resources';
import {
  DEFINITIONS,
  DEFINITIONS_SOURCE,
  FIELDS_V1,
  INT_OR_STRING,
  MICRO_TIME,
  QUANTITY,
  RAW_EXTENSION,
  TIME,
  refName,
  type OpenApiSchema,
} from './schema/defs';
import { withEnums } from './schema/enums';

export interface JsonSchema {
  $schema?: string;
  $id?: string;
  $ref?: string;
  $comment?: string;
  title?: string;
  description?: string;
  markdownDescription?: string;
  type?: string | string[];
  format?: string;
  pattern?: string;
  contentEncoding?: string;
  minimum?: number;
  maximum?: number;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  required?: string[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  if?: JsonSchema;
  then?: JsonSchema;
  definitions?: Record<string, JsonSchema>;
}

export interface JsonSchemaEntry {
  /** kubeplay://schemas/apps/v1/Deployment.json */
  readonly uri: string;
  readonly kind: string;
  readonly apiVersion: string;
  readonly schema: JsonSchema;
}

/**
 * What resource.ParseQuantity accepts (apimachinery/pkg/api/resource/quantity.go,
 * parseQuantityString + suffixer): sign, digits with an optional fraction, then a decimal SI,
 * binary SI or exponent suffix.
 */
export const QUANTITY_PATTERN =
  '^(?!$)[+-]?[0-9]*(?:\\.[0-9]*)?(?:[numkMGTPE]|[KMGTPE]i|[eE][+-]?[0-9]+)?$';
/** What base64.StdEncoding.Decode accepts ([]byte fields); it skips \r and \n anywhere. */
const B64 = '[A-Za-z0-9+/]';
const NL = '[\\r\\n]*';
export const BASE64_PATTERN = `^(?:${NL}${B64}${NL}${B64}${NL}${B64}${NL}${B64})*(?:${NL}${B64}${NL}${B64}${NL}(?:=${NL}=|${B64}${NL}=))?${NL}$`;

const INT32 = { minimum: -2147483648, maximum: 2147483647 };

export function schemaUri(res: ResourceInfo): string {
  return `kubeplay://schemas/${res.apiVersion}/${res.kind}.json`;
}

function describe(text: string | undefined): JsonSchema {
  return text === undefined ? {} : { description: text, markdownDescription: text };
}

/** A field or item schema. */
function convert(s: OpenApiSchema): JsonSchema {
  const doc = describe(s.description);
  if (s.$ref) return { $ref: '#/definitions/' + refName(s.$ref), ...doc };
  if (s['x-kubernetes-int-or-string'] || s.format === 'int-or-string') {
    return { ...doc, anyOf: [{ type: 'integer' }, { type: 'string' }] };
  }
  if (s['x-kubernetes-preserve-unknown-fields']) return doc;
  switch (s.type) {
    case 'object':
      if (s.properties) return { ...doc, ...struct(s) };
      if (typeof s.additionalProperties === 'object') {
        return {
          ...doc,
          type: ['object', 'null'],
          additionalProperties: convert(s.additionalProperties),
        };
      }
      return { ...doc, type: ['object', 'null'] };
    case 'array':
      return { ...doc, type: ['array', 'null'], items: convert(s.items ?? {}) };
    case 'string':
      if (s.format === 'byte') {
        return {
          ...doc,
          type: ['string', 'null'],
          contentEncoding: 'base64',
          pattern: BASE64_PATTERN,
        };
      }
      return { ...doc, type: ['string', 'null'], ...(s.enum && { enum: [...s.enum, null] }) };
    case 'integer':
      return { ...doc, type: ['integer', 'null'], ...(s.format === 'int32' && INT32) };
    case 'number':
      return { ...doc, type: ['number', 'null'] };
    case 'boolean':
      return { ...doc, type: ['boolean', 'null'] };
    default:
      return doc;
  }
}

function struct(s: OpenApiSchema): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const [name, p] of Object.entries(s.properties ?? {})) properties[name] = convert(p);
  return {
    type: ['object', 'null'],
    properties,
    additionalProperties: false,
    ...(s.required && s.required.length > 0 && { required: [...s.required] }),
  };
}

const definitionCache = new Map<string, JsonSchema>();

/** A named definition; the types with their own JSON form get the schema of that form. */
function definition(name: string): JsonSchema {
  const cached = definitionCache.get(name);
  if (cached) return cached;
  const def = withEnums(name, DEFINITIONS[name]);
  const doc = describe(def.description);
  let out: JsonSchema;
  switch (name) {
    case QUANTITY:
      out = { ...doc, anyOf: [{ type: 'string', pattern: QUANTITY_PATTERN }, { type: 'number' }] };
      break;
    case INT_OR_STRING:
      out = { ...doc, anyOf: [{ type: 'integer' }, { type: 'string' }] };
      break;
    case TIME:
    case MICRO_TIME:
      out = { ...doc, type: ['string', 'null'], format: 'date-time' };
      break;
    case RAW_EXTENSION:
    case FIELDS_V1:
      // Both keep any JSON value as it is.
      out = doc;
      break;
    default:
      out = def.properties ? { ...doc, ...struct(def) } : convert(def);
  }
  definitionCache.set(name, out);
  return out;
}

/** The definitions a schema reaches through $ref, sorted by name. */
function closure(roots: readonly string[]): Record<string, JsonSchema> {
  const seen = new Set<string>();
  const stack = [...roots];
  const visit = (s: JsonSchema | boolean | undefined): void => {
    if (!s || typeof s !== 'object') return;
    if (s.$ref) stack.push(refName(s.$ref));
    for (const p of Object.values(s.properties ?? {})) visit(p);
    visit(s.items);
    visit(s.additionalProperties);
    for (const a of s.anyOf ?? []) visit(a);
  };
  while (stack.length > 0) {
    const name = stack.pop() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    visit(definition(name));
  }
  const out: Record<string, JsonSchema> = {};
  for (const name of [...seen].sort()) out[name] = definition(name);
  return out;
}

/** The kind's own schema, with apiVersion and kind pinned to the resource's values. */
function rootSchema(res: ResourceInfo): JsonSchema {
  const base = definition(res.definition);
  const props = base.properties ?? {};
  return {
    ...base,
    type: 'object',
    properties: {
      ...props,
      apiVersion: { ...props.apiVersion, type: 'string', enum: [res.apiVersion] },
      kind: { ...props.kind, type: 'string', enum: [res.kind] },
    },
    required: [...new Set(['apiVersion', 'kind', ...(base.required ?? [])])],
  };
}

/** The draft-07 JSON Schema of one kind, its definitions under `definitions`. */
export function toJsonSchema(res: ResourceInfo): JsonSchema {
  const definitions = closure([res.definition]);
  // The kind is the root; its own definition stays for other $refs to it (none in practice).
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: schemaUri(res),
    $comment: `Generated from ${DEFINITIONS_SOURCE}`,
    title: `${res.kind} (${res.apiVersion})`,
    ...rootSchema(res),
    definitions,
  };
}

let all: JsonSchemaEntry[] | undefined;

/** One schema per resource, for monaco-yaml's `schemas` option. */
export function allJsonSchemas(): JsonSchemaEntry[] {
  all ??= RESOURCES.map((res) => ({
    uri: schemaUri(res),
    kind: res.kind,
    apiVersion: res.apiVersion,
    schema: toJsonSchema(res),
  }));
  return all;
}

/**
 * One schema for documents of any kind (a multi-document manifest): each kind's schema applies
 * when apiVersion and kind select it (draft-07 if/then).
 */
export function manifestJsonSchema(): JsonSchema {
  const definitions = closure(RESOURCES.map((r) => r.definition));
  const rootName = (r: ResourceInfo): string =>
    `kubeplay.root.${r.group || 'core'}.${r.version}.${r.kind}`;
  for (const r of RESOURCES) definitions[rootName(r)] = rootSchema(r);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'kubeplay://schemas/manifest.json',
    $comment: `Generated from ${DEFINITIONS_SOURCE}`,
    type: 'object',
    properties: {
      apiVersion: { type: 'string', enum: [...new Set(RESOURCES.map((r) => r.apiVersion))] },
      kind: { type: 'string', enum: RESOURCES.map((r) => r.kind) },
    },
    required: ['apiVersion', 'kind'],
    allOf: RESOURCES.map((r) => ({
      if: {
        properties: { apiVersion: { const: r.apiVersion }, kind: { const: r.kind } },
        required: ['apiVersion', 'kind'],
      },
      then: { $ref: `#/definitions/${rootName(r)}` },
    })),
    definitions,
  };
}
