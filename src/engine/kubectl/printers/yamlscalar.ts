/**
 * How go-yaml v2 (the fork inside sigs.k8s.io/yaml that kubectl's YAML printer uses) decides a
 * string's style: `resolve` (would the plain text read back as something other than a string?),
 * `isBase60Float`, and the emitter's `yaml_emitter_analyze_scalar` (may it be plain, single-quoted,
 * a literal block?). Ported from gopkg.in/yaml.v2 resolve.go, encode.go and emitterc.go.
 */

/** resolve.go `resolveMap` entries of yaml.v2 (YAML 1.1 booleans, nulls, infinities). */
const RESOLVE_MAP = new Set([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'],
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'],
  ...['', '~', 'null', 'Null', 'NULL'],
  ...['.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'],
  ...['-.inf', '-.Inf', '-.INF', '<<'],
]);

/** resolve.go `resolveTable`: only these first characters can resolve to a non-string. */
const HINTED = /^[-+0-9yYnNtTfFoO~.]/;

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** Go `strconv.ParseUint(s, 0, 64)` without sign: the value, or undefined on a syntax/range error. */
function parseUintBase0(s: string): bigint | undefined {
  if (s === '') return undefined;
  let base = 10;
  let digits = s;
  if (s[0] === '0') {
    const p = s[1]?.toLowerCase();
    if (s.length >= 3 && (p === 'b' || p === 'o' || p === 'x')) {
      base = p === 'b' ? 2 : p === 'o' ? 8 : 16;
      digits = s.slice(2);
    } else {
      base = 8;
      digits = s.slice(1);
    }
  }
  const valid = { 2: /^[01]*$/, 8: /^[0-7]*$/, 10: /^[0-9]*$/, 16: /^[0-9a-fA-F]*$/ }[base]!;
  if (!valid.test(digits)) return undefined;
  if (digits === '') return base === 8 ? 0n : undefined;
  const prefix = { 2: '0b', 8: '0o', 10: '', 16: '0x' }[base]!;
  const v = BigInt(prefix + digits);
  return v <= UINT64_MAX ? v : undefined;
}

/** `strconv.ParseInt(s, 0, 64)` or `ParseUint(s, 0, 64)` succeeds. */
function parsesAsInt(s: string): boolean {
  const sign = s[0] === '+' || s[0] === '-' ? s[0] : '';
  const v = parseUintBase0(sign ? s.slice(1) : s);
  if (v === undefined) return false;
  if (sign === '-') return v <= INT64_MAX + 1n;
  return sign === '+' ? v <= INT64_MAX : true;
}

/** resolve.go `parseTimestamp`: the formats yaml.v2 reads as !!timestamp. */
function isTimestamp(s: string): boolean {
  const m =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(?:Z|[-+]\d{2}:\d{2}))|(?: (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?))?$/.exec(
      s,
    );
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4] ?? m[7] ?? 0);
  const min = Number(m[5] ?? m[8] ?? 0);
  const sec = Number(m[6] ?? m[9] ?? 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour < 24 && min < 60 && sec < 60;
}

/** yaml.v2 `resolve("", s)` returns a tag other than !!str, or the string is a base-60 float. */
export function needsQuoting(s: string): boolean {
  if (BASE60_FLOAT.test(s)) return true;
  if (s !== '' && !HINTED.test(s)) return false;
  if (RESOLVE_MAP.has(s)) return true;
  const hint = s[0];
  if (hint === '.') return /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s);
  if (/[-+0-9]/.test(hint)) {
    if (isTimestamp(s)) return true;
    const plain = s.replace(/_/g, '');
    if (parsesAsInt(plain)) return true;
    if (YAML_STYLE_FLOAT.test(plain) && Number.isFinite(Number(plain))) return true;
    if (/^-?0b[01]+$/.test(plain)) return true;
  }
  return false;
}

/** emitterc.go `is_printable` (the emitter escapes anything else in double quotes). */
export function isPrintable(code: number): boolean {
  return (
    code === 0x0a ||
    (code >= 0x20 && code <= 0x7e) ||
    code === 0x85 ||
    (code >= 0xa0 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd && code !== 0xfeff) ||
    code >= 0x10000
  );
}

const isBreak = (c: string) =>
  c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029';

export interface ScalarAnalysis {
  /** block_plain_allowed */
  plain: boolean;
  /** single_quoted_allowed */
  single: boolean;
  /** block_allowed (literal `|` style) */
  block: boolean;
}

/** `yaml_emitter_analyze_scalar` in block context. */
export function analyzeScalar(s: string): ScalarAnalysis {
  if (s.length === 0) return { plain: true, single: true, block: false };
  const chars = [...s];
  let indicators = s.startsWith('---') || s.startsWith('...');
  let special = false;
  let lineBreaks = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  let precededByWhitespace = true;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const next = chars[i + 1];
    const followedByWhitespace =
      next === undefined || next === ' ' || next === '\t' || isBreak(next);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) indicators = true;
      else if ((c === '?' || c === ':' || c === '-') && followedByWhitespace) indicators = true;
    } else if (c === ':' && followedByWhitespace) indicators = true;
    else if (c === '#' && precededByWhitespace) indicators = true;
    if (!isPrintable(c.codePointAt(0)!)) special = true;
    const last = i === chars.length - 1;
    if (c === ' ') {
      if (i === 0) leadingSpace = true;
      if (last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = c === ' ' || c === '\t' || isBreak(c);
  }
  let plain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak);
  let single = true;
  let block = !trailingSpace;
  if (breakSpace) plain = single = false;
  if (spaceBreak || special) plain = single = block = false;
  if (lineBreaks || indicators) plain = false;
  return { plain, single, block };
}
