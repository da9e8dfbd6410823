import { describe, expect, it } from 'vitest';
import { hashWithoutScenario, isEmbed, linkErrorKind, linkScenario, shareLink } from './link';
import { MAX_ENCODED_LENGTH } from '../../scenario/url';
import { DEFAULT_SCENARIO } from '../../scenario/default';

describe('scenario links', () => {
  it('round-trips a scenario through the link', () => {
    const l = shareLink('http://x/app/', DEFAULT_SCENARIO, false);
    if (!l.ok) throw new Error('too long');
    expect(l.url.startsWith('http://x/app/#s=')).toBe(true);
    expect(linkScenario(l.hash)).toEqual({ kind: 'ok', text: DEFAULT_SCENARIO });
  });

  it.each([
    ['', false, ''],
    ['?embed', false, ''],
    ['?embed=1', false, ''],
    ['', true, '#s=abc&embed=1'],
    ['?embed=0', false, ''],
    ['?paused', false, '#s=abc'],
  ])('embed mode for search %j hash %j', (search, fromHash, hash) => {
    const expected = fromHash || (search.startsWith('?embed') && search !== '?embed=0');
    expect(isEmbed(search, hash)).toBe(expected);
  });

  it('an embed link keeps the scenario and asks for embed mode', () => {
    const l = shareLink('http://x/', 'kind: Pod\n', true);
    if (!l.ok) throw new Error('too long');
    expect(isEmbed('', l.hash)).toBe(true);
    expect(linkScenario(l.hash)).toEqual({ kind: 'ok', text: 'kind: Pod\n' });
  });

  it.each([
    ['garbage characters', '#s=%%%not-base64!!', 'damaged'],
    ['bytes that do not inflate', '#s=AAAAAAAA', 'damaged'],
    ['an oversized link', `#s=${'A'.repeat(MAX_ENCODED_LENGTH + 1)}`, 'tooLong'],
  ])('%s is an error, never an exception', (_name, hash, kind) => {
    const r = linkScenario(hash);
    expect(r.kind).toBe('error');
    if (r.kind === 'error') expect(linkErrorKind(r.error)).toBe(kind);
  });

  it('no scenario in the fragment is no link', () => {
    expect(linkScenario('')).toEqual({ kind: 'none' });
    expect(linkScenario('#embed=1')).toEqual({ kind: 'none' });
  });

  it('drops the scenario from the fragment and keeps the rest', () => {
    expect(hashWithoutScenario('#s=abc&embed=1')).toBe('#embed=1');
    expect(hashWithoutScenario('#s=abc')).toBe('');
  });

  it('refuses to make a link longer than a link may be', () => {
    // Nearly incompressible text: pseudo-random letters from a fixed-seed xorshift.
    let x = 2463534242;
    let text = '';
    while (text.length < MAX_ENCODED_LENGTH * 1.2) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      text += String.fromCharCode(33 + ((x >>> 0) % 90));
    }
    const l = shareLink('http://x/', text, false);
    expect(l.ok).toBe(false);
  });
});
