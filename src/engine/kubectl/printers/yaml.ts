/**
 * YAML as kubectl prints it (`sigs.k8s.io/yaml` over go-yaml v2): map keys in go-yaml's natural
 * order, sequences not indented under their key, YAML 1.1 look-alikes ("1", "true", timestamps)
 * double-quoted, indicators single-quoted, multi-line strings as literal blocks, and long plain
 * scalars folded at 80 columns (the emitter's best_width).
 */

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

/** YAML 1.1 plain scalars that would not read back as strings (go-yaml v2 `resolve`). */
function resolvesToNonString(s: string): boolean {
  if (['', '~', 'null', 'Null', 'NULL'].includes(s)) return true;
  if (
    /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/.test(s)
  )
    return true;
  if (/^[-+]?(\.inf|\.Inf|\.INF)$/.test(s) || /^(\.nan|\.NaN|\.NAN)$/.test(s)) return true;
  if (/^[-+]?(0b[01_]+|0x[0-9a-fA-F_]+|0[0-7_]+|[0-9][0-9_]*)$/.test(s)) return true;
  if (/^[-+]?([0-9][0-9_]*)?\.[0-9.]*([eE][-+][0-9]+)?$/.test(s) && /[0-9]/.test(s)) return true;
  if (/^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$/.test(s)) return true; // base 60
  if (/^[-+]?[0-9]+(\.[0-9]*)?[eE][-+]?[0-9]+$/.test(s)) return true;
  if (
    /^\d{4}-\d{1,2}-\d{1,2}([Tt ]\d{1,2}:\d{1,2}:\d{1,2}(\.\d*)?(Z|[-+]\d{1,2}(:\d{2})?)?)?$/.test(
      s,
    )
  )
    return true;
  if (s === '<<' || s === '=') return true;
  return false;
}

/** libyaml `yaml_emitter_analyze_scalar`: may this string be written plain / single-quoted? */
function analyze(s: string): { plain: boolean; single: boolean } {
  if (s.length === 0) return { plain: false, single: false };
  let block = false;
  let special = false;
  if (s.startsWith('---') || s.startsWith('...')) block = true;
  const chars = [...s];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const next = chars[i + 1];
    const followedBySpace = next === undefined || next === ' ' || next === '\t';
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) block = true;
      else if ((c === '?' || c === ':' || c === '-') && followedBySpace) block = true;
    } else if (c === ':' && followedBySpace) block = true;
    else if (c === '#' && (chars[i - 1] === ' ' || chars[i - 1] === '\t')) block = true;
    const code = c.codePointAt(0)!;
    if ((code < 0x20 && c !== '\t') || code === 0x7f || code === 0xfeff) special = true;
  }
  const lead = s[0] === ' ' || s[0] === '\t';
  const trail = s.endsWith(' ') || s.endsWith('\t');
  return { plain: !block && !special && !lead && !trail, single: !special };
}

function doubleQuote(s: string): string {
  let out = '"';
  for (const c of s) {
    const code = c.codePointAt(0)!;
    if (c === '"') out += '\\"';
    else if (c === '\\') out += '\\\\';
    else if (c === '\n') out += '\\n';
    else if (c === '\t') out += '\\t';
    else if (c === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f)
      out += `\\x${code.toString(16).padStart(2, '0').toUpperCase()}`;
    else out += c;
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
  if (s.includes('\n')) return literal(s, indent);
  if (resolvesToNonString(s)) return doubleQuote(s);
  const a = analyze(s);
  if (a.plain) return fold(s, column, indent);
  if (a.single) return fold(`'${s.replace(/'/g, "''")}'`, column, indent);
  return doubleQuote(s);
}

function formatFloat(n: number): string {
  const s = String(n);
  return /e/.test(s) ? s.replace(/e\+?/, 'e+').replace('e+-', 'e-') : s;
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

/** `json.Marshal`: compact, sorted keys (jsonpath prints objects this way). */
export function toCompactJson(v: unknown): string {
  return (JSON.stringify(sortDeep(v)) ?? 'null')
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026');
}
