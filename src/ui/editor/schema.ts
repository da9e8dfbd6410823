/**
 * One root JSON schema for every document of a scenario file. monaco-yaml chooses schemas per
 * file, not per document, so the root dispatches on each document's kind and apiVersion with
 * `if`/`then`; the per-kind schemas are inlined and their definitions merged into the root (they
 * share the Kubernetes definitions, such as ObjectMeta, by name).
 */
export interface KindSchema {
  uri: string;
  kind: string;
  apiVersion: string;
  schema: Record<string, unknown>;
}

type Json = Record<string, unknown>;

export const ROOT_SCHEMA_URI = 'kubeplay://schemas/root.json';
const SCENARIO_PREFIX = 'kubeplay.scenario.';

/** Rewrites `#/definitions/x` references to `#/definitions/<prefix>x`. */
function prefixRefs(v: unknown, prefix: string): unknown {
  if (Array.isArray(v)) return v.map((x) => prefixRefs(x, prefix));
  if (v && typeof v === 'object') {
    const out: Json = {};
    for (const [k, x] of Object.entries(v as Json)) {
      out[k] =
        k === '$ref' && typeof x === 'string' && x.startsWith('#/definitions/')
          ? `#/definitions/${prefix}${x.slice(14)}`
          : prefixRefs(x, prefix);
    }
    return out;
  }
  return v;
}

function split(schema: Json): { body: Json; defs: Json } {
  const { definitions, $defs, $schema: _s, $id: _i, id: _id, ...body } = schema;
  return { body, defs: { ...((definitions as Json) ?? {}), ...(($defs as Json) ?? {}) } };
}

export function buildRootSchema(kinds: readonly KindSchema[], scenario: Json | undefined): Json {
  const definitions: Json = {};
  const allOf: Json[] = [];
  if (scenario) {
    const { body, defs } = split(prefixRefs(scenario, SCENARIO_PREFIX) as Json);
    for (const [k, d] of Object.entries(defs)) definitions[`${SCENARIO_PREFIX}${k}`] = d;
    allOf.push({
      if: { properties: { kind: { const: 'Scenario' } }, required: ['kind'] },
      then: body,
    });
  }
  for (const k of kinds) {
    const { body, defs } = split(k.schema);
    for (const [name, d] of Object.entries(defs)) if (!(name in definitions)) definitions[name] = d;
    allOf.push({
      if: {
        properties: { kind: { const: k.kind }, apiVersion: { const: k.apiVersion } },
        required: ['kind', 'apiVersion'],
      },
      then: body,
    });
  }
  return { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', allOf, definitions };
}
