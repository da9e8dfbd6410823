import { describe, expect, it } from 'vitest';
import { deflateSync } from 'fflate';
import {
  decodeScenario,
  encodeScenario,
  fragmentFor,
  fromBase64Url,
  MAX_DECODED_BYTES,
  MAX_ENCODED_LENGTH,
  scenarioFromFragment,
  toBase64Url,
} from './url';

describe('scenario links', () => {
  it('round-trips text, including Korean', () => {
    const text =
      'apiVersion: kubeplay/v1\nkind: Scenario\ntitle:\n  en: Rolling update\n  ko: 롤링 업데이트\n';
    const enc = encodeScenario(text);
    expect(enc).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeScenario(enc)).toEqual({ ok: true, text });
    expect(scenarioFromFragment(fragmentFor(text))).toBe(enc);
  });

  it.each([[0], [1], [2], [3], [4], [5], [255]])('base64url round-trips %i bytes', (n) => {
    const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 0xff);
    expect(Array.from(fromBase64Url(toBase64Url(bytes)))).toEqual(Array.from(bytes));
  });

  it('matches the standard base64url alphabet', () => {
    expect(toBase64Url(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe('-_-_');
    expect(toBase64Url(new TextEncoder().encode('Man'))).toBe('TWFu');
  });

  it('rejects an over-long link before decoding it', () => {
    const r = decodeScenario('A'.repeat(MAX_ENCODED_LENGTH + 1));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('too long');
  });

  it('rejects a decompression bomb', () => {
    const bomb = toBase64Url(deflateSync(new Uint8Array(MAX_DECODED_BYTES * 4)));
    expect(bomb.length).toBeLessThan(MAX_ENCODED_LENGTH);
    const r = decodeScenario(bomb);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/too large|damaged/);
  });

  it.each([['%%%'], ['<script>'], ['A'], ['AAAAAAAA']])(
    'rejects garbage %s with a clear message',
    (s) => {
      const r = decodeScenario(s);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/damaged/);
    },
  );
});
