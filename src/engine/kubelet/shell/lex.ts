/**
 * Tokenizer of the simulated `/bin/sh` (busybox ash subset): words made of literal, `$VAR`,
 * `${VAR}`, `$(cmd)` and `$((expr))` parts, quotes, and the operators tutorials use.
 */

export type Part =
  | { t: 'lit'; v: string; q: boolean }
  | { t: 'var'; name: string; q: boolean }
  | { t: 'sub'; src: string; q: boolean }
  | { t: 'arith'; expr: string; q: boolean };

export type Op =
  ';' | '&&' | '||' | '|' | '&' | '>' | '>>' | '<' | '2>' | '2>&1' | '&>' | '(' | ')';

export type Token = { t: 'word'; parts: Part[] } | { t: 'op'; v: Op };

export class ShellSyntaxError extends Error {}

const OPS: Op[] = ['2>&1', '&&', '||', '>>', '2>', '&>', ';', '|', '&', '>', '<', '(', ')'];

/** Literal text of a word when it has no expansions (keywords, assignments). */
export function plainWord(tok: Token | undefined): string | undefined {
  if (!tok || tok.t !== 'word') return undefined;
  let s = '';
  for (const p of tok.parts) {
    if (p.t !== 'lit' || p.q) return undefined;
    s += p.v;
  }
  return s;
}

export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let parts: Part[] | undefined;
  const lit = (v: string, q: boolean) => {
    parts ??= [];
    const last = parts[parts.length - 1];
    if (last && last.t === 'lit' && last.q === q) last.v += v;
    else parts.push({ t: 'lit', v, q });
  };
  const endWord = () => {
    if (parts) out.push({ t: 'word', parts });
    parts = undefined;
  };
  /** Reads a `$...` expansion at src[i] (src[i] === '$'); returns false if it is a literal `$`. */
  const dollar = (q: boolean): boolean => {
    const rest = src.slice(i + 1);
    if (rest.startsWith('((')) {
      const end = findClose(src, i + 3, '((', '))');
      parts = [...(parts ?? []), { t: 'arith', expr: src.slice(i + 3, end), q }];
      i = end + 2;
      return true;
    }
    if (rest.startsWith('(')) {
      const end = findClose(src, i + 2, '(', ')');
      parts = [...(parts ?? []), { t: 'sub', src: src.slice(i + 2, end), q }];
      i = end + 1;
      return true;
    }
    if (rest.startsWith('{')) {
      const end = src.indexOf('}', i);
      if (end < 0) throw new ShellSyntaxError('bad substitution');
      parts = [...(parts ?? []), { t: 'var', name: src.slice(i + 2, end), q }];
      i = end + 1;
      return true;
    }
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9?#@*$!])/.exec(rest);
    if (!m) return false;
    parts = [...(parts ?? []), { t: 'var', name: m[1], q }];
    i += 1 + m[1].length;
    return true;
  };

  while (i < src.length) {
    const c = src[i];
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (c === ' ' || c === '\t') {
      endWord();
      i++;
      continue;
    }
    if (c === '\n') {
      endWord();
      out.push({ t: 'op', v: ';' });
      i++;
      continue;
    }
    if (c === '#' && !parts) {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (op && !(op === '2>' && parts) && !(op === '2>&1' && parts)) {
      endWord();
      out.push({ t: 'op', v: op });
      i += op.length;
      continue;
    }
    if (c === "'") {
      const end = src.indexOf("'", i + 1);
      if (end < 0) throw new ShellSyntaxError('unterminated quoted string');
      lit(src.slice(i + 1, end), true);
      i = end + 1;
      continue;
    }
    if (c === '"') {
      i++;
      lit('', true);
      while (i < src.length && src[i] !== '"') {
        if (src[i] === '\\' && '"\\$`'.includes(src[i + 1] ?? '')) {
          lit(src[i + 1], true);
          i += 2;
        } else if (src[i] === '$' && dollar(true)) {
          continue;
        } else {
          lit(src[i], true);
          i++;
        }
      }
      if (i >= src.length) throw new ShellSyntaxError('unterminated quoted string');
      i++;
      continue;
    }
    if (c === '\\') {
      lit(src[i + 1] ?? '', true);
      i += 2;
      continue;
    }
    if (c === '$' && dollar(false)) continue;
    lit(c, false);
    i++;
  }
  endWord();
  return out;
}

function findClose(src: string, from: number, open: string, close: string): number {
  let depth = 1;
  for (let j = from; j < src.length; j++) {
    if (src.startsWith(close, j)) {
      depth--;
      if (depth === 0) return j;
      j += close.length - 1;
    } else if (src.startsWith(open, j)) {
      depth++;
      j += open.length - 1;
    }
  }
  throw new ShellSyntaxError(`unexpected EOF while looking for matching \`${close}'`);
}
