/**
 * A port of kubectl explain's plaintext template (kubectl/pkg/explain/v2/templates/plaintext.tmpl,
 * kubectl 1.32–1.36) over the generated definitions. Each function below is one `define` of the
 * template, with the same control flow and the same whitespace.
 *
 * kubectl renders the OpenAPI v3 document the server publishes, which differs from the v2
 * definitions we keep in two ways that show in the output, so `v3` below reproduces them:
 *  - a `$ref` with sibling keys is wrapped as `allOf: [{$ref}]` next to its description
 *    (kube-openapi builder3/util.WrapRefs), so explaining such a field prints the field's
 *    description followed by the referenced type's description;
 *  - Quantity and IntOrString have `oneOf` types instead of `type: string` (their
 *    OpenAPIV3OneOfTypes), so their fields print as <Quantity> and <IntOrString>.
 */
import { DEFINITIONS, INT_OR_STRING, QUANTITY, refName, type OpenApiSchema } from './defs';
import { indent, wrapString } from './wordwrap';
import { withEnums } from './enums';

interface V3Schema {
  readonly description?: string;
  readonly type?: string;
  readonly properties?: Readonly<Record<string, V3Schema>>;
  readonly items?: V3Schema;
  readonly additionalProperties?: V3Schema | boolean;
  readonly required?: readonly string[];
  readonly $ref?: string;
  readonly allOf?: readonly V3Schema[];
  readonly enum?: readonly unknown[];
}

const v3Cache = new Map<string, V3Schema>();

function v3Field(s: OpenApiSchema): V3Schema {
  if (s.$ref) {
    if (s.description === undefined) return { $ref: s.$ref };
    return { allOf: [{ $ref: s.$ref }], description: s.description };
  }
  return {
    ...(s.description !== undefined && { description: s.description }),
    ...(s.type !== undefined && { type: s.type }),
    ...(s.enum !== undefined && { enum: s.enum }),
    ...(s.items && { items: v3Field(s.items) }),
    ...(s.additionalProperties !== undefined && {
      additionalProperties:
        typeof s.additionalProperties === 'object'
          ? v3Field(s.additionalProperties)
          : s.additionalProperties,
    }),
  };
}

function v3Definition(name: string): V3Schema | undefined {
  const cached = v3Cache.get(name);
  if (cached) return cached;
  const raw = DEFINITIONS[name];
  if (!raw) return undefined;
  // The enums kube-openapi would have generated (schema/enums.ts).
  const def = withEnums(name, raw);
  const props: Record<string, V3Schema> = {};
  for (const [k, p] of Object.entries(def.properties ?? {})) props[k] = v3Field(p);
  const v3: V3Schema = {
    ...v3Field(def),
    ...(def.properties && { properties: props }),
    ...(def.required && { required: def.required }),
  };
  const out = name === QUANTITY || name === INT_OR_STRING ? { ...v3, type: undefined } : v3;
  v3Cache.set(name, out);
  return out;
}

/** funcs.go resolveRef */
function resolveRef(ref: string | undefined): V3Schema | undefined {
  return ref ? v3Definition(refName(ref)) : undefined;
}

/** Go template truthiness of a map: present and not empty. */
function has(o: object | undefined): boolean {
  return o !== undefined && Object.keys(o).length > 0;
}

function mapAdditional(s: V3Schema): V3Schema | undefined {
  return typeof s.additionalProperties === 'object' && has(s.additionalProperties)
    ? s.additionalProperties
    : undefined;
}

/** define "typeGuess" */
function typeGuess(s: V3Schema): string {
  const ap = mapAdditional(s);
  if (s.items && has(s.items)) return '[]' + typeGuess(s.items);
  if (ap) return 'map[string]' + typeGuess(ap);
  if (s.allOf && s.allOf.length === 1 && !has(s.properties)) return typeGuess(s.allOf[0]);
  if (s.$ref) {
    const ref = resolveRef(s.$ref);
    if (!ref || !ref.type || ref.type === 'object') {
      const name = s.$ref.split('/').pop() ?? '';
      return name.split('.').pop() || 'Object';
    }
    return ref.type;
  }
  if (s.type === 'object') return 'Object';
  return s.type || 'Object';
}

/** define "extractEnum" */
function extractEnum(s: V3Schema, longView: boolean, limit: number, indentAmount = 0): string {
  if (!s.enum || s.enum.length === 0) return '';
  let out = longView ? 'ENUM:' : '\n' + indent(indentAmount, '') + 'enum: ';
  for (let i = 0; i < s.enum.length; i++) {
    if (limit > -1 && i >= limit) {
      out += ', ....';
      break;
    }
    if (i > 0 && !longView) out += ', ';
    else if (longView) out += '\n' + indent(4, '');
    const el = s.enum[i];
    out += el === '' ? '""' : String(el);
  }
  return out;
}

/** define "description" */
function description(schema: V3Schema): string {
  const s = resolveRef(schema.$ref) ?? schema;
  let out = s.description ? s.description + '\n' : '';
  for (const sub of s.allOf ?? []) out += description(sub);
  if (s.items && has(s.items)) out += description(s.items);
  const ap = mapAdditional(s);
  if (ap) out += description(ap);
  return out;
}

/** define "fieldDetail" */
function fieldDetail(name: string, parent: V3Schema, short: boolean, level: number): string {
  const indentAmount = level * 2;
  const field = parent.properties?.[name] ?? {};
  let out = indent(indentAmount, name) + '\t<' + typeGuess(field) + '>';
  if (parent.required?.includes(name)) out += ' -required-';
  out += extractEnum(field, false, 4, indentAmount) + '\n';
  if (!short) {
    const text = field.description || '<no description>';
    out += indent(indentAmount + 2, wrapString(text, 78 - indentAmount)) + '\n';
    out += '\n';
  }
  return out;
}

type History = ReadonlySet<string>;

/** define "fieldList": properties sorted by name, as Go's range over a map. */
function fieldList(schema: V3Schema, level: number, recursive: boolean, history: History): string {
  const ref = schema.$ref ?? '';
  if (ref && history.has(ref)) return '';
  const next = new Set(history).add(ref);
  const s = resolveRef(ref) ?? schema;
  let out = '';
  const props = s.properties ?? {};
  for (const k of Object.keys(props).sort()) {
    out += fieldDetail(k, s, recursive, level);
    if (recursive) out += fieldList(props[k], level + 1, recursive, next);
  }
  for (const sub of s.allOf ?? []) out += fieldList(sub, level, recursive, next);
  if (s.items && has(s.items)) out += fieldList(s.items, level, recursive, next);
  const ap = mapAdditional(s);
  if (ap) out += fieldList(ap, level, recursive, next);
  return out;
}

/** define "output": follows the field path, then prints the description and the fields. */
function output(
  schema: V3Schema,
  path: readonly string[],
  recursive: boolean,
  history: History,
): string {
  const ref = schema.$ref ?? '';
  const next = new Set(history).add(ref);
  const s = resolveRef(ref) ?? schema;
  if (path.length === 0) {
    let out = 'DESCRIPTION:\n';
    out += indent(4, wrapString(description(s) || '<empty>', 76)) + '\n';
    const fields = fieldList(s, 1, recursive, new Set());
    if (fields) out += 'FIELDS:\n' + fields;
    return out;
  }
  if (ref && history.has(ref)) return '';
  const sub = has(s.properties) ? s.properties?.[path[0]] : undefined;
  if (sub) {
    let out = '';
    if (path.length === 1) {
      out += `FIELD: ${path[0]} <${typeGuess(sub)}>\n` + extractEnum(sub, true, -1) + '\n' + '\n';
    }
    return out + output(sub, path.slice(1), recursive, new Set());
  }
  if (s.items && has(s.items)) return output(s.items, path, recursive, next);
  const ap = mapAdditional(s);
  if (ap) return output(ap, path, recursive, next);
  for (const alt of s.allOf ?? []) {
    const out = output(alt, path, recursive, next);
    if (out) return out;
  }
  return '';
}

/**
 * The whole template for a kind: the GROUP/KIND/VERSION header, then "schema". Returns the
 * error kubectl prints when the field path does not exist.
 */
export function renderExplain(
  gvk: { group: string; version: string; kind: string },
  definition: string,
  fieldPath: readonly string[],
  recursive: boolean,
): { ok: true; text: string } | { ok: false; error: string } {
  let text = '';
  if (gvk.group) text += `GROUP:      ${gvk.group}\n`;
  text += `KIND:       ${gvk.kind}\n`;
  text += `VERSION:    ${gvk.version}\n`;
  text += '\n';
  const schema = v3Definition(definition);
  const body = schema ? output(schema, fieldPath, recursive, new Set()) : '';
  if (!body) {
    return { ok: false, error: `error: field "${fieldPath[fieldPath.length - 1]}" does not exist` };
  }
  return { ok: true, text: text + body + '\n' };
}
