/**
 * Scenario links: the scenario text, deflated (raw DEFLATE) and base64url-encoded, in the URL
 * fragment (`#s=...`), so nothing is sent to any server. Decoding is bounded in both the encoded
 * and the inflated size, so a hostile link cannot exhaust memory.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';

/** Longest fragment accepted (browsers and chat tools cope with a few tens of KB). */
export const MAX_ENCODED_LENGTH = 64 * 1024;
/** Largest scenario text a link may inflate to. */
export const MAX_DECODED_BYTES = 512 * 1024;
export const FRAGMENT_KEY = 's';

export type DecodeResult = { ok: true; text: string } | { ok: false; error: string };

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const INDEX = new Map([...ALPHABET].map((c, i) => [c, i]));

/** base64url without padding (RFC 4648 section 5); written out so the module needs no DOM API. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let j = 0; j < chars; j++) out += ALPHABET[(n >> (18 - 6 * j)) & 63];
  }
  return out;
}

export function fromBase64Url(s: string): Uint8Array {
  if (s.length % 4 === 1) throw new Error('invalid base64url length');
  const out = new Uint8Array(Math.floor((s.length * 6) / 8));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (const c of s) {
    const v = INDEX.get(c);
    if (v === undefined) throw new Error(`invalid base64url character ${c}`);
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

export function encodeScenario(text: string): string {
  return toBase64Url(deflateSync(strToU8(text), { level: 9 }));
}

export function decodeScenario(encoded: string): DecodeResult {
  if (encoded.length > MAX_ENCODED_LENGTH) {
    return {
      ok: false,
      error: `The link is too long (${encoded.length} characters; at most ${MAX_ENCODED_LENGTH}).`,
    };
  }
  if (!/^[A-Za-z0-9_-]*$/.test(encoded))
    return {
      ok: false,
      error: 'The link is damaged: it contains characters a scenario link never has.',
    };
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(encoded);
  } catch {
    return { ok: false, error: 'The link is damaged: it is not valid base64url.' };
  }
  let inflated: Uint8Array;
  try {
    // Inflate into a bounded buffer: anything larger fails instead of allocating without limit.
    const out = new Uint8Array(MAX_DECODED_BYTES + 1);
    inflated = inflateSync(bytes, { out });
  } catch {
    return { ok: false, error: 'The link is damaged: its data does not decompress.' };
  }
  if (inflated.length > MAX_DECODED_BYTES) {
    return {
      ok: false,
      error: `The scenario in the link is too large (more than ${MAX_DECODED_BYTES / 1024} KB).`,
    };
  }
  const text = strFromU8(inflated);
  if (text.includes('\u0000'))
    return { ok: false, error: 'The link is damaged: the scenario is not text.' };
  return { ok: true, text };
}

/** `#s=<encoded>` → encoded payload, or undefined when the fragment has no scenario. */
export function scenarioFromFragment(hash: string): string | undefined {
  for (const part of hash.replace(/^#/, '').split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq) === FRAGMENT_KEY) return part.slice(eq + 1);
  }
  return undefined;
}

export function fragmentFor(text: string): string {
  return `#${FRAGMENT_KEY}=${encodeScenario(text)}`;
}
