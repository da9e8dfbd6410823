/** `$(( ... ))` arithmetic: integers, + - * / %, comparisons, parentheses and variables. */

export function evalArith(expr: string, vars: Record<string, string>): number {
  const toks = expr.match(/\d+|[A-Za-z_][A-Za-z0-9_]*|==|!=|<=|>=|&&|\|\||[-+*/%()<>!]/g) ?? [];
  let i = 0;
  const peek = () => toks[i];
  const num = (s: string | undefined) => {
    const n = Number.parseInt(s ?? '0', 10);
    return Number.isNaN(n) ? 0 : n;
  };
  const primary = (): number => {
    const t = toks[i++];
    if (t === '(') {
      const v = or();
      i++;
      return v;
    }
    if (t === '-') return -primary();
    if (t === '+') return primary();
    if (t === '!') return primary() === 0 ? 1 : 0;
    if (t !== undefined && /^\d/.test(t)) return num(t);
    if (t !== undefined) return num(vars[t]);
    return 0;
  };
  const bin =
    (next: () => number, ops: Record<string, (a: number, b: number) => number>) => (): number => {
      let v = next();
      while (peek() !== undefined && ops[peek()!]) {
        const op = ops[toks[i++]];
        v = op(v, next());
      }
      return v;
    };
  const mul = bin(primary, {
    '*': (a, b) => a * b,
    '/': (a, b) => (b === 0 ? 0 : Math.trunc(a / b)),
    '%': (a, b) => (b === 0 ? 0 : a % b),
  });
  const add = bin(mul, { '+': (a, b) => a + b, '-': (a, b) => a - b });
  const cmp = bin(add, {
    '<': (a, b) => +(a < b),
    '>': (a, b) => +(a > b),
    '<=': (a, b) => +(a <= b),
    '>=': (a, b) => +(a >= b),
    '==': (a, b) => +(a === b),
    '!=': (a, b) => +(a !== b),
  });
  const and = bin(cmp, { '&&': (a, b) => +(a !== 0 && b !== 0) });
  const or = bin(and, { '||': (a, b) => +(a !== 0 || b !== 0) });
  return or();
}
