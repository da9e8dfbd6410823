/**
 * The API server's strict JSON decoding of a typed object, for its error messages.
 *
 * kube-apiserver decodes request bodies with sigs.k8s.io/json UnmarshalStrict (case-sensitive,
 * DisallowUnknownFields, DisallowDuplicateFields) into the versioned Go struct
 * (apimachinery/pkg/runtime/serializer/json/json.go). The decoder, a fork of Go's encoding/json
 * (internal/golang/encoding/json/decode.go), behaves like this:
 *  - a value of the wrong JSON type is an UnmarshalTypeError: the first one is saved and decoding
 *    goes on; it reads `json: cannot unmarshal <value> into Go struct field <Struct>.<path> of type
 *    <GoType>`, where <Struct> is the innermost struct and <path> the JSON names of the struct
 *    fields from the root (no indexes, no map keys);
 *  - an error returned by a type's own UnmarshalJSON (Quantity, IntOrString, Time) stops decoding
 *    at once and wins over a saved error;
 *  - unknown fields are collected as `unknown field "spec.template.spec.containers[0].x"` and only
 *    reported when nothing else failed.
 * kubectl sends objects marshalled from map[string]interface{}, so the server sees the keys of
 * every object sorted; decoding visits them in that order.
 */
import {
  DEFINITIONS,
  FIELDS_V1,
  INT_OR_STRING,
  MICRO_TIME,
  QUANTITY,
  RAW_EXTENSION,
  TIME,
  goElemType,
  goTypeName,
  goTypeOf,
  refName,
  shortName,
  type OpenApiSchema,
} from './defs';
import { RFC3339, RFC3339_MICRO, base64Error, quantityError, timeParseError } from './goscalars';

export interface DecodeError {
  /** 'unknown': a strict decoding error; 'type': any error that makes decoding fail. */
  readonly kind: 'unknown' | 'type';
  /** JSON path of the offending field, with [i] indexes: 'spec.template.spec.containers[0].name'. */
  readonly path: string;
  /** The Go error text: 'unknown field "spec.replicass"', 'json: cannot unmarshal ...'. */
  readonly message: string;
}

/** sigs.k8s.io/json kubernetes_patch.go: at most 100 strict errors are kept. */
const MAX_STRICT_ERRORS = 100;
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
/** 2^63: int64 holds [-2^63, 2^63). */
const INT64_LIMIT = 2 ** 63;

/** Thrown for errors that end decoding immediately (returned by an UnmarshalJSON method). */
class Abort {
  constructor(readonly error: DecodeError) {}
}

type JsonKind = 'string' | 'number' | 'bool' | 'object' | 'array' | 'null';

function jsonKind(v: unknown): JsonKind {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'number':
    case 'bigint':
      return 'number';
    case 'boolean':
      return 'bool';
    default:
      return 'object';
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Go's json.Marshal sorts map keys by bytes; UTF-16 order agrees for all but astral characters. */
function sortedKeys(obj: Record<string, unknown>): string[] {
  return Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
}

class Decoder {
  private saved: DecodeError | undefined;
  private readonly strict: DecodeError[] = [];
  /** Go's errorContext: innermost struct and the struct field names from the root. */
  private structName: string | undefined;
  private readonly fieldStack: string[] = [];
  /** Go's strictFieldStack: 'spec', '.template', '[0]'. */
  private readonly path: string[] = [];

  run(obj: unknown, definition: string): DecodeError[] {
    try {
      this.struct(obj, DEFINITIONS[definition], definition);
    } catch (e) {
      if (e instanceof Abort) return [e.error];
      throw e;
    }
    if (this.saved) return [this.saved];
    return this.strict;
  }

  private pathString(): string {
    return this.path.join('');
  }

  private pushKey(key: string): void {
    this.path.push(this.path.length > 0 ? '.' + key : key);
  }

  /** An UnmarshalTypeError with the current error context (Go's addErrorContext). */
  private typeError(value: string, goType: string): DecodeError {
    const message =
      this.structName !== undefined || this.fieldStack.length > 0
        ? `json: cannot unmarshal ${value} into Go struct field ${this.structName ?? ''}.${this.fieldStack.join('.')} of type ${goType}`
        : `json: cannot unmarshal ${value} into Go value of type ${goType}`;
    return { kind: 'type', path: this.pathString(), message };
  }

  /** d.saveError: only the first error is kept. */
  private save(error: DecodeError): void {
    if (!this.saved) this.saved = error;
  }

  private abort(message: string): never {
    throw new Abort({ kind: 'type', path: this.pathString(), message });
  }

  private value(v: unknown, schema: OpenApiSchema, goType: string): void {
    // null decodes into anything (pointers, slices and maps are zeroed; the rest is left alone).
    if (v === null || v === undefined) return;
    if (schema.$ref) {
      this.named(v, refName(schema.$ref), goType);
      return;
    }
    if (schema['x-kubernetes-int-or-string'] || schema.format === 'int-or-string') {
      this.intOrString(v);
      return;
    }
    if (schema['x-kubernetes-preserve-unknown-fields']) return;
    switch (schema.type) {
      case 'object':
        if (typeof schema.additionalProperties === 'object') {
          this.map(v, schema.additionalProperties, goType);
        }
        return;
      case 'array':
        this.array(v, schema.items ?? {}, goType);
        return;
      case 'string':
        if (schema.format === 'byte') this.bytes(v, goType);
        else this.scalar(v, 'string', goType);
        return;
      case 'integer':
        if (schema.format === 'int32') this.integer(v, goType, INT32_MIN, INT32_MAX + 1);
        else this.integer(v, goType, -INT64_LIMIT, INT64_LIMIT);
        return;
      case 'number':
        this.scalar(v, 'number', goType);
        return;
      case 'boolean':
        this.scalar(v, 'bool', goType);
        return;
      default:
        return;
    }
  }

  /** A $ref: the types with their own UnmarshalJSON first, then plain structs. */
  private named(v: unknown, definition: string, goType: string): void {
    switch (definition) {
      case QUANTITY: {
        // Quantity.UnmarshalJSON strips the quotes of a string and parses the raw JSON text.
        const kind = jsonKind(v);
        const text =
          kind === 'string'
            ? (v as string).trim()
            : kind === 'number' || kind === 'bool'
              ? String(v)
              : JSON.stringify(v);
        const err = quantityError(text);
        if (err) this.abort(err);
        return;
      }
      case INT_OR_STRING:
        this.intOrString(v);
        return;
      case TIME:
      case MICRO_TIME: {
        // Time.UnmarshalJSON: json.Unmarshal into a string, then time.Parse.
        if (typeof v !== 'string') throw new Abort(this.typeError(jsonKind(v), 'string'));
        const err = timeParseError(definition === TIME ? RFC3339 : RFC3339_MICRO, v);
        if (err) this.abort(err);
        return;
      }
      case RAW_EXTENSION:
      case FIELDS_V1:
        // Both keep the raw JSON of any value.
        return;
    }
    const def = DEFINITIONS[definition];
    if (def.properties) this.struct(v, def, definition, goType);
    else this.value(v, def, goType);
  }

  private struct(v: unknown, def: OpenApiSchema, definition: string, goType?: string): void {
    if (!isRecord(v)) {
      this.save(this.typeError(jsonKind(v), goType ?? goTypeName(definition)));
      return;
    }
    const props = def.properties ?? {};
    const outerStruct = this.structName;
    for (const key of sortedKeys(v)) {
      const prop = Object.prototype.hasOwnProperty.call(props, key) ? props[key] : undefined;
      if (!prop) {
        if (this.strict.length < MAX_STRICT_ERRORS) {
          const path = this.path.length > 0 ? `${this.pathString()}.${key}` : key;
          this.strict.push({ kind: 'unknown', path, message: `unknown field ${goQuote(path)}` });
        }
        continue;
      }
      this.structName = shortName(definition);
      this.fieldStack.push(key);
      this.pushKey(key);
      this.value(v[key], prop, goTypeOf(prop));
      this.path.pop();
      this.fieldStack.pop();
      this.structName = outerStruct;
    }
  }

  private map(v: unknown, elem: OpenApiSchema, goType: string): void {
    if (!isRecord(v)) {
      this.save(this.typeError(jsonKind(v), goType));
      return;
    }
    const elemType = goElemType(goType, elem);
    for (const key of sortedKeys(v)) {
      this.pushKey(key);
      this.value(v[key], elem, elemType);
      this.path.pop();
    }
  }

  private array(v: unknown, items: OpenApiSchema, goType: string): void {
    if (!Array.isArray(v)) {
      this.save(this.typeError(jsonKind(v), goType));
      return;
    }
    const elemType = goElemType(goType, items);
    v.forEach((el, i) => {
      this.path.push(`[${i}]`);
      this.value(el, items, elemType);
      this.path.pop();
    });
  }

  private scalar(v: unknown, want: JsonKind, goType: string): void {
    const kind = jsonKind(v);
    if (kind !== want) this.save(this.typeError(kind, goType));
  }

  /** Integers in [min, end): a fraction or an overflow reports the number itself ("number 1.5"). */
  private integer(v: unknown, goType: string, min: number, end: number): void {
    const kind = jsonKind(v);
    if (kind !== 'number') {
      this.save(this.typeError(kind, goType));
      return;
    }
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n >= end) {
      this.save(this.typeError(`number ${String(v)}`, goType));
    }
  }

  /** IntOrString.UnmarshalJSON: a JSON string, else json.Unmarshal into its int32. */
  private intOrString(v: unknown): void {
    const kind = jsonKind(v);
    if (kind === 'string') return;
    if (kind === 'number') {
      const n = Number(v);
      if (Number.isInteger(n) && n >= INT32_MIN && n <= INT32_MAX) return;
      throw new Abort(this.typeError(`number ${String(v)}`, 'int32'));
    }
    throw new Abort(this.typeError(kind, 'int32'));
  }

  /** []byte: a base64 string (or, as encoding/json allows, an array of bytes). */
  private bytes(v: unknown, goType: string): void {
    if (typeof v === 'string') {
      const err = base64Error(v);
      // base64.CorruptInputError is saved without context: it is not an UnmarshalTypeError.
      if (err) this.save({ kind: 'type', path: this.pathString(), message: err });
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((el, i) => {
        this.path.push(`[${i}]`);
        this.integer(el, 'uint8', 0, 256);
        this.path.pop();
      });
      return;
    }
    this.save(this.typeError(jsonKind(v), goType));
  }
}

/** strconv.Quote for the ASCII field names the strict errors carry. */
function goQuote(s: string): string {
  return JSON.stringify(s);
}

/** Decodes `obj` as the API server decodes a body into the Go type of `definition`. */
export function decodeAs(obj: unknown, definition: string): DecodeError[] {
  return new Decoder().run(obj, definition);
}
