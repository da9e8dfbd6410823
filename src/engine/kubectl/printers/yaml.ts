/**
 * YAML as kubectl prints it (`sigs.k8s.io/yaml` over go-yaml v2): map keys in go-yaml's natural
 * order, sequences not indented under their key, YAML 1.1 look-alikes ("1", "true", timestamps)
 * double-quoted, indicators single-quoted, multi-line strings as literal blocks, and long plain
 * scalars folded at 80 columns (the emitter's best_width).
 */

import { analyzeScalar, isPrintable, needsQuoting } from './yamlscalar';

/** go-yaml v2 emitter `best_width`. */
const BEST_WIDTH = 80;

const isLetter = (c: string) => /\p{L}/u.test(c);
const isDigit = (c: string) => c >= '0' && c <= '9';

/** go-yaml v2 `keyList.Less`: letters after non-letters, digit runs compared as numbers. */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai]);
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.length < br.length;
}

export function sortedKeys(o: Record<string, unknown>): string[] {
  return Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort((a, b) => (a === b ? 0 : yamlKeyLess(a, b) ? -1 : 1));
}

const ESCAPES: Record<number, string> = {
  0x00: '0',
  0x07: 'a',
  0x08: 'b',
  0x09: 't',
  0x0a: 'n',
  0x0b: 'v',
  0x0c: 'f',
  0x0d: 'r',
  0x1b: 'e',
  0x22: '"',
  0x5c: '\\',
  0x85: 'N',
  0x2028: 'L',
  0x2029: 'P',
};

function escapeChar(code: number): string {
  if (ESCAPES[code] !== undefined) return '\\' + ESCAPES[code];
  const hex = code.toString(16).toUpperCase();
  if (code <= 0xff) return '\\x' + hex.padStart(2, '0');
  if (code <= 0xffff) return '\\u' + hex.padStart(4, '0');
  return '\\U' + hex.padStart(8, '0');
}

/** emitterc.go `yaml_emitter_write_double_quoted_scalar`: escapes, and folds long lines with `\`. */
function doubleQuote(s: string, column: number, indent: number): string {
  const chars = [...s];
  let out = '"';
  let col = column + 1;
  let spaces = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const code = c.codePointAt(0)!;
    if (!isPrintable(code) || code === 0xfeff || c === '\n' || c === '"' || c === '\\') {
      const e = escapeChar(code);
      out += e;
      col += e.length;
      spaces = false;
    } else if (c === ' ') {
      if (!spaces && col > BEST_WIDTH && i !== 0 && i !== chars.length - 1) {
        out += '\n' + ' '.repeat(indent);
        col = indent;
        if (chars[i + 1] === ' ') {
          out += '\\';
          col++;
        }
      } else {
        out += c;
        col++;
      }
      spaces = true;
    } else {
      out += c;
      col++;
      spaces = false;
    }
  }
  return out + '"';
}

/** Folds text at spaces once the column passes best_width (plain and single-quoted styles). */
function fold(text: string, startColumn: number, indent: number): string {
  let out = '';
  let column = startColumn;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (
      c === ' ' &&
      column > BEST_WIDTH &&
      text[i + 1] !== ' ' &&
      text[i - 1] !== ' ' &&
      i + 1 < text.length
    ) {
      out += '\n' + ' '.repeat(indent);
      column = indent;
    } else {
      out += c;
      column++;
    }
  }
  return out;
}

function literal(s: string, indent: number): string {
  const chomp = s.endsWith('\n') ? (s.endsWith('\n\n') ? '+' : '') : '-';
  const indicator = s.startsWith(' ') || s.startsWith('\n') ? '2' : '';
  const body = (chomp === '' || chomp === '+' ? s.replace(/\n$/, '') : s)
    .split('\n')
    .map((l) => (l === '' ? '' : ' '.repeat(indent) + l))
    .join('\n');
  return `|${indicator}${chomp}\n${body}`;
}

/** A scalar starting at `column`; continuation lines (folds, literal blocks) at `indent`. */
export function yamlScalar(v: unknown, column: number, indent: number): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : formatFloat(v);
  const s = String(v);
  // encode.go stringv: literal for multi-line text, plain when it reads back as a string, else
  // double-quoted; the emitter then downgrades a style the text does not allow.
  const a = analyzeScalar(s);
  if (s.includes('\n')) return a.block ? literal(s, indent) : doubleQuote(s, column, indent);
  if (needsQuoting(s)) return doubleQuote(s, column, indent);
  if (a.plain) return fold(s, column, indent);
  if (a.single) return fold(`'${s.replace(/'/g, "''")}'`, column, indent);
  return doubleQuote(s, column, indent);
}

/**
 * Go `strconv.FormatFloat(f, 'g', -1, 64)` (go-yaml's floatv): shortest digits, exponent form when
 * the exponent is below -4 or at least 6, with a sign and two or more exponent digits.
 */
export function formatFloat(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? '.nan' : n > 0 ? '.inf' : '-.inf';
  const [mantissa, e] = n.toExponential().split('e');
  const exp = Number(e);
  if (exp < -4 || exp >= 6)
    return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(n);
}

function isEmptyCollection(v: unknown): string | undefined {
  if (Array.isArray(v)) return v.length === 0 ? '[]' : undefined;
  if (v && typeof v === 'object')
    return sortedKeys(v as Record<string, unknown>).length === 0 ? '{}' : undefined;
  return undefined;
}

function keyText(k: string, indent: number): string {
  return yamlScalar(k, indent, indent + 2);
}

function emitMapping(o: Record<string, unknown>, indent: number, out: string[]): void {
  for (const k of sortedKeys(o)) {
    const prefix = ' '.repeat(indent) + keyText(k, indent) + ':';
    emitAfter(prefix, o[k], indent, out);
  }
}

function emitAfter(prefix: string, v: unknown, indent: number, out: string[]): void {
  const empty = isEmptyCollection(v);
  if (empty) out.push(`${prefix} ${empty}`);
  else if (Array.isArray(v)) {
    out.push(prefix);
    emitSequence(v, indent, out);
  } else if (v && typeof v === 'object') {
    out.push(prefix);
    emitMapping(v as Record<string, unknown>, indent + 2, out);
  } else out.push(`${prefix} ${yamlScalar(v, prefix.length + 1, indent + 2)}`);
}

function emitSequence(a: unknown[], indent: number, out: string[]): void {
  const pad = ' '.repeat(indent);
  for (const item of a) {
    const empty = isEmptyCollection(item);
    if (empty) out.push(`${pad}- ${empty}`);
    else if (item && typeof item === 'object') {
      const sub: string[] = [];
      if (Array.isArray(item)) emitSequence(item, indent + 2, sub);
      else emitMapping(item as Record<string, unknown>, indent + 2, sub);
      sub[0] = `${pad}- ${sub[0].slice(indent + 2)}`;
      out.push(...sub);
    } else out.push(`${pad}- ${yamlScalar(item, indent + 2, indent + 2)}`);
  }
}

/** A JSON value as kubectl `-o yaml` prints it (ends with a newline). */
export function toYaml(v: unknown): string {
  const out: string[] = [];
  const empty = isEmptyCollection(v);
  if (empty) return empty + '\n';
  if (Array.isArray(v)) emitSequence(v, 0, out);
  else if (v && typeof v === 'object') emitMapping(v as Record<string, unknown>, 0, out);
  else out.push(yamlScalar(v, 0, 0));
  return out.join('\n') + '\n';
}

function sortDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return Object.fromEntries(keys.map((k) => [k, sortDeep(o[k])]));
  }
  return v;
}

/** `json.MarshalIndent(obj, "", "    ")` over an unstructured object: sorted keys, HTML-escaped. */
export function toJson(v: unknown, indent = 4): string {
  const s = JSON.stringify(sortDeep(v), null, indent) ?? 'null';
  return s.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026') + '\n';
}

/** `json.MarshalIndent` of a typed object whose keys are already in Go struct order. */
export function toOrderedJson(v: unknown, indent = 4): string {
  const s = JSON.stringify(v, null, indent) ?? 'null';
  return s.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026') + '\n';
}

/** `json.Marshal`: compact, sorted keys (jsonpath prints objects this way). */
export function toCompactJson(v: unknown): string {
  return (JSON.stringify(sortDeep(v)) ?? 'null')
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026');
}
