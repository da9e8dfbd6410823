/**
 * Compiles a shell script into flat instructions with jumps. A running script is then just
 * `{pc, status, vars, loops}`: plain data that survives snapshots and resumes after `sleep`.
 */
import { plainWord, ShellSyntaxError, tokenize, type Op, type Part, type Token } from './lex';

export type Word = Part[];

export interface Redirect {
  op: '>' | '>>' | '<' | '2>' | '2>&1' | '&>';
  target?: Word;
}

export interface Simple {
  words: Word[];
  redirs: Redirect[];
}

export type Instr =
  | { op: 'run'; pipeline: Simple[] }
  | { op: 'jmp'; to: number }
  /** jump when the last status is 0 */
  | { op: 'jz'; to: number }
  /** jump when the last status is not 0 */
  | { op: 'jnz'; to: number }
  | { op: 'not' }
  /** status := 0 (a loop or an if that ran no branch) */
  | { op: 'zero' }
  | { op: 'forinit'; slot: number; words: Word[] }
  | { op: 'fornext'; slot: number; name: string; to: number };

const cache = new Map<string, Instr[]>();

/** Compiled code of a script (memoised: scripts are pure data). */
export function compile(src: string): Instr[] {
  let code = cache.get(src);
  if (!code) {
    code = new Parser(tokenize(src)).program();
    cache.set(src, code);
  }
  return code;
}

const REDIRS = new Set<Op>(['>', '>>', '<', '2>', '2>&1', '&>']);
const TERMINATORS = new Set(['do', 'done', 'then', 'else', 'elif', 'fi', '}']);

class Parser {
  private i = 0;
  private code: Instr[] = [];
  private slots = 0;

  constructor(private toks: Token[]) {}

  program(): Instr[] {
    this.list();
    if (this.i < this.toks.length) {
      const t = this.toks[this.i];
      throw new ShellSyntaxError(`syntax error: unexpected "${t.t === 'op' ? t.v : plainWord(t)}"`);
    }
    return this.code;
  }

  private peekOp(): Op | undefined {
    const t = this.toks[this.i];
    return t?.t === 'op' ? t.v : undefined;
  }

  private peekWord(): string | undefined {
    return plainWord(this.toks[this.i]);
  }

  private expectKeyword(k: string): void {
    this.skipSeparators();
    if (this.peekWord() !== k) throw new ShellSyntaxError(`syntax error: expected "${k}"`);
    this.i++;
  }

  private skipSeparators(): void {
    while (this.peekOp() === ';' || this.peekOp() === '&') this.i++;
  }

  /** list := and_or ((';' | '&') and_or)* — stops at a keyword that closes a block. */
  private list(): void {
    for (;;) {
      this.skipSeparators();
      if (this.i >= this.toks.length) return;
      const w = this.peekWord();
      if (w !== undefined && TERMINATORS.has(w)) return;
      if (this.peekOp() === ')') return;
      this.andOr();
    }
  }

  private andOr(): void {
    this.pipeline();
    for (;;) {
      const op = this.peekOp();
      if (op !== '&&' && op !== '||') return;
      this.i++;
      while (this.peekOp() === ';') this.i++;
      const jump: Instr = op === '&&' ? { op: 'jnz', to: -1 } : { op: 'jz', to: -1 };
      this.code.push(jump);
      this.pipeline();
      jump.to = this.code.length;
    }
  }

  private pipeline(): void {
    let negate = false;
    if (this.peekWord() === '!') {
      negate = true;
      this.i++;
    }
    const w = this.peekWord();
    if (w === 'while' || w === 'until') this.whileLoop(w === 'until');
    else if (w === 'for') this.forLoop();
    else if (w === 'if') this.ifThen();
    else if (w === '{') {
      this.i++;
      this.list();
      this.expectKeyword('}');
    } else if (this.peekOp() === '(') {
      this.i++;
      this.list();
      if (this.peekOp() !== ')') throw new ShellSyntaxError('syntax error: missing ")"');
      this.i++;
    } else {
      const stages = [this.simple()];
      while (this.peekOp() === '|') {
        this.i++;
        stages.push(this.simple());
      }
      this.code.push({ op: 'run', pipeline: stages });
    }
    if (negate) this.code.push({ op: 'not' });
  }

  private simple(): Simple {
    const words: Word[] = [];
    const redirs: Redirect[] = [];
    for (;;) {
      const t = this.toks[this.i];
      if (!t) break;
      if (t.t === 'op') {
        if (!REDIRS.has(t.v)) break;
        this.i++;
        if (t.v === '2>&1') {
          redirs.push({ op: '2>&1' });
          continue;
        }
        const target = this.toks[this.i];
        if (target?.t !== 'word')
          throw new ShellSyntaxError('syntax error: missing redirection target');
        this.i++;
        redirs.push({ op: t.v as Redirect['op'], target: target.parts });
        continue;
      }
      words.push(t.parts);
      this.i++;
    }
    if (words.length === 0 && redirs.length === 0) {
      const t = this.toks[this.i];
      throw new ShellSyntaxError(
        `syntax error: unexpected "${t ? (t.t === 'op' ? t.v : plainWord(t)) : 'end of file'}"`,
      );
    }
    return { words, redirs };
  }

  private whileLoop(until: boolean): void {
    this.i++;
    const top = this.code.length;
    this.list();
    this.expectKeyword('do');
    const exit: Instr = until ? { op: 'jz', to: -1 } : { op: 'jnz', to: -1 };
    this.code.push(exit);
    this.list();
    this.expectKeyword('done');
    this.code.push({ op: 'jmp', to: top });
    exit.to = this.code.length;
    this.code.push({ op: 'zero' });
  }

  private forLoop(): void {
    this.i++;
    const name = this.peekWord();
    if (!name || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      throw new ShellSyntaxError('syntax error: bad for loop variable');
    this.i++;
    const words: Word[] = [];
    if (this.peekWord() === 'in') {
      this.i++;
      while (this.toks[this.i]?.t === 'word')
        words.push((this.toks[this.i++] as { parts: Part[] }).parts);
    } else {
      words.push([{ t: 'var', name: '@', q: false }]);
    }
    const slot = this.slots++;
    this.code.push({ op: 'forinit', slot, words });
    this.expectKeyword('do');
    const next: Instr = { op: 'fornext', slot, name, to: -1 };
    const top = this.code.length;
    this.code.push(next);
    this.list();
    this.expectKeyword('done');
    this.code.push({ op: 'jmp', to: top });
    next.to = this.code.length;
  }

  private ifThen(): void {
    this.i++;
    const ends: Instr[] = [];
    for (;;) {
      this.list();
      this.expectKeyword('then');
      const skip: Instr = { op: 'jnz', to: -1 };
      this.code.push(skip);
      this.list();
      const end: Instr = { op: 'jmp', to: -1 };
      this.code.push(end);
      ends.push(end);
      skip.to = this.code.length;
      this.skipSeparators();
      const w = this.peekWord();
      this.i++;
      if (w === 'elif') continue;
      if (w === 'else') {
        this.list();
        this.expectKeyword('fi');
      } else if (w !== 'fi') throw new ShellSyntaxError('syntax error: expected "fi"');
      else this.code.push({ op: 'zero' });
      break;
    }
    for (const e of ends) (e as { to: number }).to = this.code.length;
  }
}
