/**
 * Scenario links (pure): what the page URL asks for at startup (`#s=<scenario>`, `?embed` or
 * `#...&embed=1` for slides), the link that shares a text, and the URL without a stale scenario.
 * Encoding and the size-bounded decoding live in src/scenario/url.ts.
 */
import {
  decodeScenario,
  encodeScenario,
  FRAGMENT_KEY,
  MAX_ENCODED_LENGTH,
  scenarioFromFragment,
} from '../../scenario/url';

export const EMBED_KEY = 'embed';

export type LinkScenario =
  { kind: 'none' } | { kind: 'ok'; text: string } | { kind: 'error'; error: string };

function fragmentParams(hash: string): string[] {
  return hash
    .replace(/^#/, '')
    .split('&')
    .filter((p) => p !== '');
}

/** `?embed`, `?embed=1` or `#...&embed=1`: the graph and controls only, for slides. */
export function isEmbed(search: string, hash: string): boolean {
  const q = new URLSearchParams(search);
  if (q.has(EMBED_KEY) && q.get(EMBED_KEY) !== '0') return true;
  return fragmentParams(hash).some((p) => p === EMBED_KEY || p === `${EMBED_KEY}=1`);
}

/** The scenario a link carries, decoded with its size bounds. */
export function linkScenario(hash: string): LinkScenario {
  const encoded = scenarioFromFragment(hash);
  if (encoded === undefined) return { kind: 'none' };
  const r = decodeScenario(encoded);
  return r.ok ? { kind: 'ok', text: r.text } : { kind: 'error', error: r.error };
}

/** The fragment without its scenario (other parameters, such as embed, stay). */
export function hashWithoutScenario(hash: string): string {
  const rest = fragmentParams(hash).filter((p) => !p.startsWith(`${FRAGMENT_KEY}=`));
  return rest.length ? `#${rest.join('&')}` : '';
}

export type ShareLink = { ok: true; url: string; hash: string } | { ok: false; length: number };

/** The link that opens `text` (in embed mode for slides); too long a text cannot be a link. */
export function shareLink(base: string, text: string, embed: boolean): ShareLink {
  const encoded = encodeScenario(text);
  if (encoded.length > MAX_ENCODED_LENGTH) return { ok: false, length: encoded.length };
  const hash = `#${FRAGMENT_KEY}=${encoded}${embed ? `&${EMBED_KEY}=1` : ''}`;
  return { ok: true, url: `${base}${hash}`, hash };
}

/** Link errors of url.ts in the UI's words: which kind of damage it is. */
export type LinkErrorKind = 'tooLong' | 'tooLarge' | 'damaged';

export function linkErrorKind(error: string): LinkErrorKind {
  if (/too long/i.test(error)) return 'tooLong';
  if (/too large/i.test(error)) return 'tooLarge';
  return 'damaged';
}
