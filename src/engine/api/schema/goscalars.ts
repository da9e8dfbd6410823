/**
 * The string parsers the API server's JSON decoder runs on scalar fields, ported for their error
 * messages: resource.ParseQuantity, time.Parse (RFC 3339 layouts of metav1.Time and MicroTime)
 * and base64.StdEncoding.Decode ([]byte fields). Each returns the Go error text, or undefined when
 * the value is accepted.
 */

/** k8s.io/apimachinery/pkg/api/resource/quantity.go */
const QUANTITY_FORMAT_WRONG =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const QUANTITY_SUFFIX = "unable to parse quantity's suffix";
const DECIMAL_SUFFIXES = new Set(['n', 'u', 'm', '', 'k', 'M', 'G', 'T', 'P', 'E']);
const BINARY_SUFFIXES = new Set(['Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']);

const isDigitChar = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/**
 * Mirrors ParseQuantity → parseQuantityString + suffixer.interpret. The numeric parse that
 * follows cannot fail for strings that pass these two steps (ErrNumeric needs an int64 overflow
 * the precision check rules out), so it is not ported.
 */
export function quantityError(str: string): string | undefined {
  if (str.length === 0) return QUANTITY_FORMAT_WRONG;
  if (str === '0') return undefined;
  let pos = 0;
  const end = str.length;
  if (str[0] === '-' || str[0] === '+') pos++;
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return undefined;
  while (pos < end && isDigitChar(str[pos])) pos++;
  if (pos >= end) return undefined;
  if (str[pos] === '.') {
    pos++;
    while (pos < end && isDigitChar(str[pos])) pos++;
    if (pos >= end) return undefined;
  }
  const suffixStart = pos;
  while (pos < end && 'eEinumkKMGTP'.includes(str[pos])) pos++;
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++;
  while (pos < end && isDigitChar(str[pos])) pos++;
  // A non-digit inside the exponent part.
  if (pos < end) return QUANTITY_FORMAT_WRONG;
  const suffix = str.slice(suffixStart);
  if (DECIMAL_SUFFIXES.has(suffix) || BINARY_SUFFIXES.has(suffix)) return undefined;
  // "e3", "E-2": strconv.ParseInt of what follows the e.
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E')) {
    if (/^[+-]?[0-9]+$/.test(suffix.slice(1))) return undefined;
  }
  return QUANTITY_SUFFIX;
}

/** Go's time.quote: printable ASCII kept (with \" and \\ escaped), other bytes as \xNN. */
export function goTimeQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x80 || code < 0x20) {
      for (const b of utf8Bytes(ch)) out += '\\x' + b.toString(16).padStart(2, '0');
    } else {
      if (ch === '"' || ch === '\\') out += '\\';
      out += ch;
    }
  }
  return out + '"';
}

export const RFC3339 = '2006-01-02T15:04:05Z07:00';
/** metav1.RFC3339Micro (apimachinery/pkg/apis/meta/v1/micro_time.go). */
export const RFC3339_MICRO = '2006-01-02T15:04:05.000000Z07:00';

type Std = '2006' | '01' | '02' | '15' | '04' | '05' | '.000000' | 'Z07:00';
/** The layouts split as time.nextStdChunk splits them: [literal prefix, std element]. */
const CHUNKS: Record<string, ReadonlyArray<readonly [string, Std]>> = {
  [RFC3339]: [
    ['', '2006'],
    ['-', '01'],
    ['-', '02'],
    ['T', '15'],
    [':', '04'],
    [':', '05'],
    ['', 'Z07:00'],
  ],
  [RFC3339_MICRO]: [
    ['', '2006'],
    ['-', '01'],
    ['-', '02'],
    ['T', '15'],
    [':', '04'],
    [':', '05'],
    ['', '.000000'],
    ['', 'Z07:00'],
  ],
};

const BAD = Symbol('errBad');

/** time.getnum: one or two digits (exactly two when fixed). */
function getnum(s: string, fixed: boolean): [number, string] | typeof BAD {
  if (!isDigitChar(s[0])) return BAD;
  if (!isDigitChar(s[1])) return fixed ? BAD : [Number(s[0]), s.slice(1)];
  return [Number(s.slice(0, 2)), s.slice(2)];
}

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * The error of time.Parse(layout, value) for the two RFC 3339 layouts, following the general
 * parser in Go's time/format.go (the RFC 3339 fast path only ever accepts a subset of it).
 */
export function timeParseError(layout: string, value: string): string | undefined {
  const chunks = CHUNKS[layout];
  const parseError = (layoutElem: string, valueElem: string, message = ''): string =>
    message
      ? `parsing time ${goTimeQuote(value)}${message}`
      : `parsing time ${goTimeQuote(value)} as ${goTimeQuote(layout)}: cannot parse ${goTimeQuote(valueElem)} as ${goTimeQuote(layoutElem)}`;
  let rest = value;
  let year = 0;
  let month = 0;
  let day = 0;
  for (let i = 0; i < chunks.length; i++) {
    const [prefix, std] = chunks[i];
    for (const c of prefix) {
      if (rest[0] !== c) return parseError(prefix, rest);
      rest = rest.slice(1);
    }
    const hold = rest;
    let bad = false;
    let range = '';
    const num = (fixed: boolean): number => {
      const r = getnum(rest, fixed);
      if (r === BAD) {
        bad = true;
        return 0;
      }
      rest = r[1];
      return r[0];
    };
    switch (std) {
      case '2006':
        if (rest.length < 4 || !/^[0-9]{4}/.test(rest)) bad = true;
        else {
          year = Number(rest.slice(0, 4));
          rest = rest.slice(4);
        }
        break;
      case '01':
        month = num(true);
        if (!bad && (month <= 0 || month > 12)) range = 'month';
        break;
      case '02':
        day = num(true);
        break;
      case '15': {
        const hour = num(false);
        if (hour < 0 || hour >= 24) range = 'hour';
        break;
      }
      case '04': {
        const min = num(true);
        if (min < 0 || min >= 60) range = 'minute';
        break;
      }
      case '05': {
        const sec = num(true);
        if (bad) break;
        if (sec < 0 || sec >= 60) {
          range = 'second';
          break;
        }
        // A fractional second the layout does not spell out is accepted.
        if (chunks[i + 1]?.[1] !== '.000000' && /^[.,][0-9]/.test(rest)) {
          rest = rest.replace(/^[.,][0-9]+/, '');
        }
        break;
      }
      case '.000000':
        if (rest.length < 7 || !/^[.,][0-9]{6}/.test(rest)) bad = true;
        else rest = rest.slice(7);
        break;
      case 'Z07:00': {
        if (rest[0] === 'Z') {
          rest = rest.slice(1);
          break;
        }
        if (rest.length < 6 || rest[3] !== ':') {
          bad = true;
          break;
        }
        const hr = getnum(rest.slice(1, 3), true);
        const mm = hr === BAD ? BAD : getnum(rest.slice(4, 6), true);
        if (hr === BAD || mm === BAD) bad = true;
        if (hr !== BAD && hr[0] > 24) range = 'time zone offset hour';
        if (mm !== BAD && mm[0] > 60) range = 'time zone offset minute';
        if (rest[0] !== '+' && rest[0] !== '-') bad = true;
        rest = rest.slice(6);
        break;
      }
    }
    if (range) return parseError(std, rest, `: ${range} out of range`);
    if (bad) return parseError(std, hold);
  }
  if (rest.length > 0) return parseError('', rest, `: extra text: ${goTimeQuote(rest)}`);
  if (day < 1 || day > daysIn(month, year)) return parseError('', rest, ': day out of range');
  return undefined;
}

/** UTF-8 bytes of a string (the engine has no TextEncoder: its lib is plain ES2023). */
export function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else {
      out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
  }
  return out;
}

function isBase64Byte(b: number): boolean {
  return (
    (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b === 43 || b === 47
  );
}

const isNewline = (b: number | undefined): boolean => b === 10 || b === 13;

/**
 * encoding/base64 StdEncoding.Decode, quantum by quantum (decodeQuantum): the error Go's JSON
 * decoder reports for a []byte field such as Secret.data, or undefined for valid input.
 */
export function base64Error(s: string): string | undefined {
  const src = utf8Bytes(s);
  const corrupt = (at: number): string => `illegal base64 data at input byte ${at}`;
  let si = 0;
  while (si < src.length) {
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return undefined;
        return corrupt(si - j);
      }
      const c = src[si++];
      if (isBase64Byte(c)) continue;
      if (isNewline(c)) {
        j--;
        continue;
      }
      if (c !== 61 || j < 2) return corrupt(si - 1);
      if (j === 2) {
        // "==" expected; the first "=" is consumed.
        while (si < src.length && isNewline(src[si])) si++;
        if (si === src.length) return corrupt(src.length);
        if (src[si] !== 61) return corrupt(si - 1);
        si++;
      }
      while (si < src.length && isNewline(src[si])) si++;
      return si < src.length ? corrupt(si) : undefined;
    }
  }
  return undefined;
}
