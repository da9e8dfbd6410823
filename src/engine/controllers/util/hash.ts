/**
 * `controller.ComputeHash` (k/k:pkg/controller/controller_utils.go): FNV-1a 32 over a deep dump
 * of the PodTemplateSpec, plus the collision count, rendered with `rand.SafeEncodeString` of the
 * decimal value. Go's spew dump cannot be reproduced byte for byte, so a canonical JSON dump
 * (sorted keys) stands in for it: same alphabet ({4..9,b,c,d,f}), same 1-10 characters.
 */
import { safeEncodeString } from '../../rng';

/** Canonical JSON: object keys sorted, undefined dropped. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v))
    return `[${v.map((x) => canonicalJson(x === undefined ? null : x)).join(',')}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
}

function utf8(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else
      out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

function fnv1aBytes(h: number, bytes: Iterable<number>): number {
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const FNV_OFFSET_32 = 0x811c9dc5;

export function fnv32a(text: string, extra: number[] = []): number {
  let h = fnv1aBytes(FNV_OFFSET_32, utf8(text));
  if (extra.length) h = fnv1aBytes(h, extra);
  return h >>> 0;
}

export function computeHash(template: unknown, collisionCount?: number | null): string {
  // The collision count is written little-endian as 4 bytes (binary.LittleEndian.PutUint32).
  const extra =
    collisionCount === undefined || collisionCount === null
      ? []
      : [
          collisionCount & 0xff,
          (collisionCount >>> 8) & 0xff,
          (collisionCount >>> 16) & 0xff,
          (collisionCount >>> 24) & 0xff,
        ];
  return safeEncodeString(String(fnv32a(canonicalJson(template), extra)));
}
