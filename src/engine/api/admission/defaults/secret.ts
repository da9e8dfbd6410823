/**
 * Secret `stringData` is write-only: v1 conversion (`k/k:pkg/apis/core/v1/conversion.go
 * Convert_v1_Secret_To_core_Secret`) merges it into `data` (base64, overriding same keys) and
 * the field is never stored.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else
      out.push(
        0xf0 | (cp >> 18),
        0x80 | ((cp >> 12) & 63),
        0x80 | ((cp >> 6) & 63),
        0x80 | (cp & 63),
      );
  }
  return out;
}

/** Standard base64 (with padding) of the UTF-8 bytes of `s`, as Go's `[]byte` marshals. */
export function encodeBase64(s: string): string {
  const b = utf8Bytes(s);
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i] << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    out += i + 1 < b.length ? ALPHABET[(n >> 6) & 63] : '=';
    out += i + 2 < b.length ? ALPHABET[n & 63] : '=';
  }
  return out;
}

export function mergeStringData(secret: any): void {
  const sd = secret.stringData;
  if (sd === undefined) return;
  delete secret.stringData;
  if (!sd || typeof sd !== 'object') return;
  const data = { ...(secret.data ?? {}) };
  for (const [k, v] of Object.entries(sd)) data[k] = encodeBase64(String(v));
  secret.data = data;
}
