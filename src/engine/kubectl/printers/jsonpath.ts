/**
 * kubectl's JSONPath dialect (`k8s.io/client-go/util/jsonpath`): `{.items[*].metadata.name}`,
 * `{range .items[*]}...{end}`, filters `[?(@.type=="Ready")]`, `..name`, `['a.b']`, slices,
 * string literals `{"\n"}`. Several results of one action are joined by a space; objects print as
 * compact JSON; missing keys print nothing (kubectl sets AllowMissingKeys).
 */
import { toCompactJson } from './yaml';

export class JsonPathError extends Error {}

type Step =
  | { t: 'field'; names: string[] }
  | { t: 'recursive' }
  | { t: 'index'; start?: number; end?: number; step?: number; all?: boolean; single?: boolean }
  | { t: 'filter'; left: Operand; op?: string; right?: Operand }
  | { t: 'literal'; value: unknown };

type Operand = { path: Step[]; relative: boolean } | { value: unknown };

type Node =
  | { t: 'text'; text: string }
  | { t: 'expr'; paths: Step[][] }
  | { t: 'range'; path: Step[]; body: Node[] };

function splitActions(tpl: string): { text?: string; action?: string }[] {
  const out: { text?: string; action?: string }[] = [];
  let i = 0;
  while (i < tpl.length) {
    const open = tpl.indexOf('{', i);
    if (open < 0) {
      out.push({ text: tpl.slice(i) });
      break;
    }
    if (open > i) out.push({ text: tpl.slice(i, open) });
    let j = open + 1;
    let quote = '';
    let depth = 1;
    for (; j < tpl.length; j++) {
      const c = tpl[j];
      if (quote) {
        if (c === '\\') j++;
        else if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) break;
    }
    if (j >= tpl.length) throw new JsonPathError(`unclosed action`);
    out.push({ action: tpl.slice(open + 1, j).trim() });
    i = j + 1;
  }
  return out;
}

function unescape(s: string): string {
  return s.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r' })[c] ?? c);
}

class PathParser {
  i = 0;
  constructor(private s: string) {}
  done(): boolean {
    return this.i >= this.s.length;
  }
  parse(): Step[] {
    const steps: Step[] = [];
    const s = this.s;
    if (s[this.i] === '$' || s[this.i] === '@') this.i++;
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === ' ' || c === ')' || c === ',' || /[=!<>]/.test(c)) break;
      if (c === '.') {
        if (s[this.i + 1] === '.') {
          steps.push({ t: 'recursive' });
          this.i += 2;
          continue;
        }
        this.i++;
        let name = '';
        while (this.i < s.length && !/[.[\] )=!<>,]/.test(s[this.i])) {
          if (s[this.i] === '\\' && this.i + 1 < s.length) {
            name += s[this.i + 1];
            this.i += 2;
          } else name += s[this.i++];
        }
        if (name) steps.push({ t: 'field', names: [name] });
      } else if (c === '[') steps.push(this.bracket());
      else {
        let name = '';
        while (this.i < s.length && !/[.[\] )=!<>,]/.test(s[this.i])) name += s[this.i++];
        steps.push({ t: 'field', names: [name] });
      }
    }
    return steps;
  }
  private bracket(): Step {
    const s = this.s;
    this.i++;
    if (s[this.i] === '?') {
      const close = matchParen(s, this.i + 1);
      const inner = s.slice(this.i + 2, close);
      this.i = close + 1;
      if (s[this.i] === ']') this.i++;
      return parseFilter(inner);
    }
    if (s[this.i] === "'" || s[this.i] === '"') {
      const names: string[] = [];
      while (s[this.i] === "'" || s[this.i] === '"') {
        const q = s[this.i];
        const end = s.indexOf(q, this.i + 1);
        names.push(s.slice(this.i + 1, end));
        this.i = end + 1;
        while (s[this.i] === ',' || s[this.i] === ' ') this.i++;
      }
      this.i++;
      return { t: 'field', names };
    }
    const end = s.indexOf(']', this.i);
    const body = s.slice(this.i, end).trim();
    this.i = end + 1;
    if (body === '*') return { t: 'index', all: true };
    const parts = body.split(':').map((p) => (p.trim() === '' ? undefined : Number(p)));
    if (parts.some((p) => p !== undefined && Number.isNaN(p)))
      throw new JsonPathError(`invalid array index ${body}`);
    if (parts.length === 1) return { t: 'index', start: parts[0], single: true };
    return { t: 'index', start: parts[0], end: parts[1], step: parts[2] };
  }
}

function matchParen(s: string, open: number): number {
  let depth = 0;
  let quote = '';
  for (let j = open; j < s.length; j++) {
    const c = s[j];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j;
  }
  throw new JsonPathError('unclosed filter');
}

function parseOperand(s: string): Operand {
  const t = s.trim();
  if (/^(['"]).*\1$/.test(t)) return { value: t.slice(1, -1) };
  if (/^-?\d+(\.\d+)?$/.test(t)) return { value: Number(t) };
  if (t === 'true' || t === 'false') return { value: t === 'true' };
  return { path: new PathParser(t).parse(), relative: t.startsWith('@') };
}

function parseFilter(inner: string): Step {
  const m = /^(.*?)\s*(==|!=|<=|>=|<|>|=~)\s*(.*)$/.exec(inner);
  if (!m) return { t: 'filter', left: parseOperand(inner) };
  return { t: 'filter', left: parseOperand(m[1]), op: m[2], right: parseOperand(m[3]) };
}

function parseExpr(action: string): Step[][] {
  const t = action.trim();
  if (/^(['"])[\s\S]*\1$/.test(t)) return [[{ t: 'literal', value: unescape(t.slice(1, -1)) }]];
  return t
    .split(/\s+/)
    .filter((p) => p)
    .map((p) => {
      if (/^(['"])[\s\S]*\1$/.test(p))
        return [{ t: 'literal', value: unescape(p.slice(1, -1)) } as Step];
      return new PathParser(p).parse();
    });
}

function build(actions: { text?: string; action?: string }[]): Node[] {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  for (const a of actions) {
    const cur = stack[stack.length - 1];
    if (a.text !== undefined) cur.push({ t: 'text', text: a.text });
    else if (a.action === 'end') {
      if (stack.length === 1) throw new JsonPathError('not in range, nothing to end');
      stack.pop();
    } else if (a.action!.startsWith('range ')) {
      const node: Node = {
        t: 'range',
        path: new PathParser(a.action!.slice(6).trim()).parse(),
        body: [],
      };
      cur.push(node);
      stack.push(node.body);
    } else cur.push({ t: 'expr', paths: parseExpr(a.action!) });
  }
  if (stack.length > 1) throw new JsonPathError('unclosed range');
  return root;
}

function recurse(v: unknown, out: unknown[]): void {
  out.push(v);
  if (Array.isArray(v)) v.forEach((x) => recurse(x, out));
  else if (v && typeof v === 'object')
    for (const k of Object.keys(v).sort()) recurse((v as Record<string, unknown>)[k], out);
}

function evalSteps(steps: Step[], roots: unknown[], root: unknown): unknown[] {
  let cur = roots;
  for (const st of steps) {
    const next: unknown[] = [];
    for (const v of cur) {
      if (st.t === 'literal') next.push(st.value);
      else if (st.t === 'recursive') recurse(v, next);
      else if (st.t === 'field') {
        if (v === null || typeof v !== 'object') continue;
        for (const name of st.names) {
          if (name === '*') {
            const o = v as Record<string, unknown>;
            for (const k of Array.isArray(v) ? [] : Object.keys(o).sort()) next.push(o[k]);
            if (Array.isArray(v)) next.push(...v);
          } else if (!Array.isArray(v) && name in (v as object))
            next.push((v as Record<string, unknown>)[name]);
        }
      } else if (st.t === 'index') {
        if (!Array.isArray(v)) continue;
        if (st.all) next.push(...v);
        else if (st.single) {
          const i = st.start! < 0 ? v.length + st.start! : st.start!;
          if (i < 0 || i >= v.length)
            throw new JsonPathError(
              `array index out of bounds: index ${st.start}, length ${v.length}`,
            );
          next.push(v[i]);
        } else {
          const norm = (x: number | undefined, d: number) =>
            x === undefined ? d : x < 0 ? Math.max(0, v.length + x) : Math.min(x, v.length);
          const step = st.step ?? 1;
          for (let i = norm(st.start, 0); i < norm(st.end, v.length); i += step) next.push(v[i]);
        }
      } else if (st.t === 'filter') {
        const items = Array.isArray(v) ? v : [v];
        for (const item of items) if (filterMatches(st, item, root)) next.push(item);
      }
    }
    cur = next;
  }
  return cur;
}

function operandValues(o: Operand, item: unknown, root: unknown): unknown[] {
  if ('value' in o) return [o.value];
  return evalSteps(o.path, [o.relative ? item : root], root);
}

function filterMatches(st: Extract<Step, { t: 'filter' }>, item: unknown, root: unknown): boolean {
  const left = operandValues(st.left, item, root);
  if (!st.op) return left.length > 0 && left[0] !== undefined;
  const right = operandValues(st.right!, item, root);
  if (left.length === 0 || right.length === 0) return false;
  const a = left[0];
  const b = right[0];
  switch (st.op) {
    case '==':
      return a === b || String(a) === String(b);
    case '!=':
      return String(a) !== String(b);
    case '<':
      return Number(a) < Number(b);
    case '>':
      return Number(a) > Number(b);
    case '<=':
      return Number(a) <= Number(b);
    case '>=':
      return Number(a) >= Number(b);
    case '=~':
      return new RegExp(String(b)).test(String(a));
  }
  return false;
}

export function formatJsonPathValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return toCompactJson(v);
  return String(v);
}

function execNodes(
  nodes: Node[],
  cur: unknown,
  root: unknown,
  out: string[],
  raw: unknown[],
): void {
  for (const n of nodes) {
    if (n.t === 'text') out.push(n.text);
    else if (n.t === 'expr') {
      const vals: unknown[] = [];
      for (const p of n.paths)
        vals.push(...evalSteps(p, [p.length && p[0].t === 'literal' ? null : cur], root));
      raw.push(...vals);
      out.push(vals.map(formatJsonPathValue).join(' '));
    } else {
      let items = evalSteps(n.path, [cur], root);
      if (items.length === 1 && Array.isArray(items[0])) items = items[0] as unknown[];
      for (const it of items) execNodes(n.body, it, root, out, raw);
    }
  }
}

/** Runs a template; throws JsonPathError for malformed templates. */
export function jsonPath(template: string, data: unknown): string {
  const out: string[] = [];
  execNodes(build(splitActions(template)), data, data, out, []);
  return out.join('');
}

/** The values a template selects (for `-o jsonpath-as-json`). */
export function jsonPathValues(template: string, data: unknown): unknown[] {
  const raw: unknown[] = [];
  execNodes(build(splitActions(template)), data, data, [], raw);
  return raw;
}

/** `RelaxedJSONPathExpression` for custom columns: `.a.b`, `a.b`, `{.a.b}` all mean `{.a.b}`. */
export function relaxedJsonPath(expr: string): string {
  let e = expr.trim();
  if (e.startsWith('{') && e.endsWith('}')) e = e.slice(1, -1);
  if (!e.startsWith('.') && !e.startsWith('$')) e = '.' + e;
  return `{${e}}`;
}
