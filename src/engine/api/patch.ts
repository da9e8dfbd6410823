/**
 * The three patch types of the Kubernetes API and client-side apply's three-way merge:
 * - JSON merge patch (RFC 7386, `--type merge`),
 * - JSON patch (RFC 6902, `--type json`), with evanphx/json-patch's error wording,
 * - strategic merge patch (`--type strategic`, the default): lists with a patch merge key
 *   (containers by name, ports by containerPort) merge item by item, `$patch: delete|replace`
 *   directives, `$setElementOrder` / `$retainKeys` accepted; other lists are replaced
 *   (k8s.io/apimachinery/pkg/util/strategicpatch/patch.go).
 * - `threeWayMergePatch`: what `kubectl apply` sends (CreateThreeWayMergePatch): fields removed
 *   from the last applied configuration are deleted, changed ones set.
 */
import { jsonEqual, deepClone } from './types';
import { patchMetaFor, type ResourceInfo } from './schema';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

export class PatchError extends Error {}

const isObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

// ------------------------------------------------------------------ RFC 7386

export function jsonMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return deepClone(patch);
  const out: JsonObject = isObject(target) ? deepClone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = jsonMergePatch(out[k], v) as Json;
  }
  return out;
}

// ------------------------------------------------------------------ RFC 6902

export interface JsonPatchOp {
  op: string;
  path: string;
  from?: string;
  value?: unknown;
}

function pointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw new PatchError(`invalid JSON pointer: ${path}`);
  return path
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(
  doc: Json,
  parts: string[],
  op: string,
  path: string,
): { container: Json; key: string } {
  let cur: Json = doc;
  for (const p of parts.slice(0, -1)) {
    const next: Json | undefined = Array.isArray(cur)
      ? cur[Number(p)]
      : isObject(cur)
        ? cur[p]
        : undefined;
    if (next === undefined || next === null || typeof next !== 'object') {
      throw new PatchError(
        `${op} operation does not apply: doc is missing path: "${path}": missing value`,
      );
    }
    cur = next;
  }
  return { container: cur, key: parts[parts.length - 1] };
}

function getAt(doc: Json, path: string, op: string): Json {
  const parts = pointer(path);
  if (parts.length === 0) return doc;
  const { container, key } = parentOf(doc, parts, op, path);
  const v = Array.isArray(container) ? container[Number(key)] : (container as JsonObject)[key];
  if (v === undefined)
    throw new PatchError(
      `${op} operation does not apply: doc is missing key: ${path}: missing value`,
    );
  return v;
}

function arrayIndex(key: string, len: number, allowEnd: boolean, path: string): number {
  if (allowEnd && key === '-') return len;
  if (!/^\d+$/.test(key))
    throw new PatchError(`Unable to access invalid index: ${key}: invalid index referenced`);
  const i = Number(key);
  if (i > len || (!allowEnd && i >= len))
    throw new PatchError(
      `Unable to access invalid index: ${i}: invalid index referenced in ${path}`,
    );
  return i;
}

function addAt(doc: Json, path: string, value: Json, op = 'add'): Json {
  const parts = pointer(path);
  if (parts.length === 0) return value;
  const { container, key } = parentOf(doc, parts, op, path);
  if (Array.isArray(container))
    container.splice(arrayIndex(key, container.length, true, path), 0, value);
  else (container as JsonObject)[key] = value;
  return doc;
}

function removeAt(doc: Json, path: string, op = 'remove'): Json {
  const parts = pointer(path);
  const { container, key } = parentOf(doc, parts, op, path);
  if (Array.isArray(container)) container.splice(arrayIndex(key, container.length, false, path), 1);
  else {
    if (!(key in (container as JsonObject)))
      throw new PatchError(
        `${op} operation does not apply: doc is missing key: ${path}: missing value`,
      );
    delete (container as JsonObject)[key];
  }
  return doc;
}

export function jsonPatch(target: unknown, ops: JsonPatchOp[]): unknown {
  let doc = deepClone(target) as Json;
  for (const o of ops) {
    const value = deepClone(o.value) as Json;
    switch (o.op) {
      case 'add':
        doc = addAt(doc, o.path, value);
        break;
      case 'remove':
        doc = removeAt(doc, o.path);
        break;
      case 'replace':
        getAt(doc, o.path, 'replace');
        doc = removeAt(doc, o.path, 'replace');
        doc = addAt(doc, o.path, value, 'replace');
        break;
      case 'move': {
        const v = getAt(doc, o.from ?? '', 'move');
        doc = removeAt(doc, o.from ?? '', 'move');
        doc = addAt(doc, o.path, v, 'move');
        break;
      }
      case 'copy':
        doc = addAt(doc, o.path, deepClone(getAt(doc, o.from ?? '', 'copy')), 'copy');
        break;
      case 'test': {
        let v: Json | undefined;
        try {
          v = getAt(doc, o.path, 'test');
        } catch {
          v = undefined;
        }
        if (!jsonEqual(v, value))
          throw new PatchError(`testing value ${o.path} failed: test failed`);
        break;
      }
      default:
        throw new PatchError(`Unexpected kind: ${o.op}`);
    }
  }
  return doc;
}

// ------------------------------------------------------------------ strategic merge patch

const DIRECTIVE = '$patch';
const SET_ORDER_PREFIX = '$setElementOrder/';
const DELETE_PRIMITIVE_PREFIX = '$deleteFromPrimitiveList/';
const RETAIN_KEYS = '$retainKeys';

function mergeStrategy(
  res: ResourceInfo | undefined,
  path: string[],
): { mergeKey?: string; merge: boolean } {
  if (!res) return { merge: false };
  const m = patchMetaFor(res, path);
  const merge = (m.strategy ?? '').split(',').includes('merge');
  return { mergeKey: m.mergeKey, merge };
}

function mergeList(
  original: Json[],
  patch: Json[],
  res: ResourceInfo | undefined,
  path: string[],
): Json[] {
  const { mergeKey, merge } = mergeStrategy(res, path);
  if (!merge)
    return patch
      .filter((p) => !(isObject(p) && p[DIRECTIVE] !== undefined))
      .map((p) => deepClone(p));
  if (!mergeKey) {
    const out = deepClone(original);
    for (const p of patch) if (!out.some((o) => jsonEqual(o, p))) out.push(deepClone(p));
    return out;
  }
  if (patch.some((p) => isObject(p) && p[DIRECTIVE] === 'replace')) {
    return patch
      .filter((p) => !(isObject(p) && p[DIRECTIVE] === 'replace'))
      .map((p) => deepClone(p));
  }
  const out = deepClone(original);
  for (const p of patch) {
    if (!isObject(p)) continue;
    const key = p[mergeKey];
    const idx = out.findIndex((o) => isObject(o) && jsonEqual(o[mergeKey], key));
    if (p[DIRECTIVE] === 'delete') {
      if (idx >= 0) out.splice(idx, 1);
      continue;
    }
    if (idx >= 0) out[idx] = strategicMergePatch(out[idx], p, res, path) as Json;
    else out.push(strategicMergePatch({}, p, res, path) as Json);
  }
  return out;
}

/** Applies a strategic merge patch; `res` and `path` locate list merge keys in the schema. */
export function strategicMergePatch(
  original: unknown,
  patch: unknown,
  res?: ResourceInfo,
  path: string[] = [],
): unknown {
  if (!isObject(patch)) return deepClone(patch);
  if (patch[DIRECTIVE] === 'delete') return undefined;
  const replace = patch[DIRECTIVE] === 'replace';
  const out: JsonObject = isObject(original) && !replace ? deepClone(original) : {};
  const retain = Array.isArray(patch[RETAIN_KEYS]) ? (patch[RETAIN_KEYS] as string[]) : undefined;
  if (retain) for (const k of Object.keys(out)) if (!retain.includes(k)) delete out[k];
  for (const [k, v] of Object.entries(patch)) {
    if (k === DIRECTIVE || k === RETAIN_KEYS || k.startsWith(SET_ORDER_PREFIX)) continue;
    if (k.startsWith(DELETE_PRIMITIVE_PREFIX)) {
      const field = k.slice(DELETE_PRIMITIVE_PREFIX.length);
      if (Array.isArray(out[field]) && Array.isArray(v))
        out[field] = (out[field] as Json[]).filter((x) => !v.some((d) => jsonEqual(d, x)));
      continue;
    }
    if (v === null) {
      delete out[k];
      continue;
    }
    const sub = [...path, k];
    if (Array.isArray(v))
      out[k] = Array.isArray(out[k])
        ? mergeList(out[k] as Json[], v, res, sub)
        : mergeList([], v, res, sub);
    else if (isObject(v)) {
      const merged = strategicMergePatch(out[k], v, res, sub);
      if (merged === undefined) delete out[k];
      else out[k] = merged as Json;
    } else out[k] = v;
  }
  return out;
}

// ------------------------------------------------------------------ client-side apply

function listPatch(
  original: Json[] | undefined,
  modified: Json[],
  current: Json[],
  res: ResourceInfo | undefined,
  path: string[],
): Json[] | undefined {
  const { mergeKey, merge } = mergeStrategy(res, path);
  const objects = modified.every(isObject) && current.every(isObject);
  if (!merge || !mergeKey || !objects)
    return jsonEqual(modified, current) ? undefined : deepClone(modified);
  const out: Json[] = [];
  for (const m of modified as JsonObject[]) {
    const key = m[mergeKey];
    const c = (current as JsonObject[]).find((x) => jsonEqual(x[mergeKey], key));
    const o = (original as JsonObject[] | undefined)?.find(
      (x) => isObject(x) && jsonEqual(x[mergeKey], key),
    );
    if (!c) out.push(deepClone(m));
    else {
      const sub = threeWayMergePatch(o, m, c, res, path);
      if (Object.keys(sub).length) out.push({ [mergeKey]: key, ...sub });
    }
  }
  for (const o of (original ?? []) as JsonObject[]) {
    if (!isObject(o)) continue;
    const key = o[mergeKey];
    const inModified = (modified as JsonObject[]).some((x) => jsonEqual(x[mergeKey], key));
    const inCurrent = (current as JsonObject[]).some((x) => jsonEqual(x[mergeKey], key));
    if (!inModified && inCurrent) out.push({ [mergeKey]: key, [DIRECTIVE]: 'delete' });
  }
  return out.length ? out : undefined;
}

/**
 * The patch `kubectl apply` computes from the last applied configuration (`original`), the new
 * configuration (`modified`) and the live object (`current`). An empty object means unchanged.
 */
export function threeWayMergePatch(
  original: unknown,
  modified: unknown,
  current: unknown,
  res?: ResourceInfo,
  path: string[] = [],
): JsonObject {
  const o = isObject(original) ? original : {};
  const m = isObject(modified) ? modified : {};
  const c = isObject(current) ? current : {};
  const patch: JsonObject = {};
  for (const k of Object.keys(o)) {
    if (!(k in m) && k in c) patch[k] = null;
  }
  for (const [k, mv] of Object.entries(m)) {
    const cv = c[k];
    const sub = [...path, k];
    if (isObject(mv) && isObject(cv)) {
      const p = threeWayMergePatch(o[k], mv, cv, res, sub);
      if (Object.keys(p).length) patch[k] = p;
    } else if (Array.isArray(mv) && Array.isArray(cv)) {
      const p = listPatch(Array.isArray(o[k]) ? (o[k] as Json[]) : undefined, mv, cv, res, sub);
      if (p !== undefined) patch[k] = p;
    } else if (!jsonEqual(mv, cv)) patch[k] = deepClone(mv);
  }
  return patch;
}
